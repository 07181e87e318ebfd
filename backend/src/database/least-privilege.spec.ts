import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { roleOf } from './app-role';
import { runMigrations } from './data-source';

// The app signs in as its own role (the whole suite runs the app that way); here that role is tried
// directly, as an attacker with the app's connection would.
describe('the app role', () => {
  let database: TestDatabase;
  let app: Client;
  let owner: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = new Client({ connectionString: database.url });
    owner = new Client({ connectionString: database.ownerUrl });
    await app.connect();
    await owner.connect();
  });
  afterAll(async () => {
    await app.end();
    await owner.end();
    await database.drop();
  });

  it('is no superuser, creates no roles or databases, bypasses no row security and owns nothing', async () => {
    const { rows } = await app.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([
      { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false },
    ]);
    const owned = await app.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')`,
    );
    expect(owned.rows).toEqual([]);
  });

  it('cannot create objects in the schema', async () => {
    const [{ can }] = (await app.query(`SELECT has_schema_privilege(current_user, 'public', 'CREATE') AS can`)).rows;
    expect(can).toBe(false);
    await expect(app.query(`CREATE TABLE public.intruder (id integer)`)).rejects.toThrow(
      /permission denied for schema public/,
    );
  });

  it('reads and appends the audit trail but cannot change, delete or truncate it', async () => {
    await app.query(
      `INSERT INTO audit_events (action, entity_type, entity_id, changes) VALUES ('create', 'test', 1, '{}')`,
    );
    expect((await app.query(`SELECT action FROM audit_events WHERE entity_type = 'test'`)).rows).toEqual([
      { action: 'create' },
    ]);
    await expect(app.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    await expect(app.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied for table audit_events/);
    await expect(app.query(`TRUNCATE audit_events`)).rejects.toThrow(/permission denied for table audit_events/);
    // The trigger's own switch does not help a role without the UPDATE right.
    await app.query('BEGIN');
    await app.query(`SET LOCAL crm.audit_redaction = 'on'`);
    await expect(app.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await app.query('ROLLBACK');
  });

  it('cannot switch the append-only trigger off', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(
      /permission denied to set parameter "session_replication_role"/,
    );
    await expect(app.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DROP TRIGGER audit_events_append_only ON audit_events`)).rejects.toThrow(/must be owner/);
  });

  it('cannot read or write the migration history', async () => {
    await expect(app.query(`SELECT * FROM migrations`)).rejects.toThrow(/permission denied for table migrations/);
  });

  it('scrubs the audit trail only of an erased contact person, through the owner’s function', async () => {
    const one = async (sql: string, values: unknown[] = []) =>
      (await app.query<{ id: number }>(sql, values)).rows[0].id;
    const groupId = await one(`INSERT INTO campus_groups (name, campus) VALUES ('Oikeudet', 'K') RETURNING id`);
    const employerId = await one(
      `INSERT INTO employers (name, owner_campus_group_id) VALUES ('Oikeus Oy', $1) RETURNING id`,
      [groupId],
    );
    const personId = await one(
      `INSERT INTO contact_persons (employer_id, name) VALUES ($1, 'Maija Meikäläinen') RETURNING id`,
      [employerId],
    );
    await app.query(
      `INSERT INTO audit_events (action, entity_type, entity_id, changes) VALUES ('create', 'contact_person', $1, '{"name": [null, "Maija Meikäläinen"]}')`,
      [personId],
    );
    await expect(app.query(`SELECT crm_redact_contact_person_audit($1)`, [personId])).rejects.toThrow(/is not erased/);
    await app.query(`UPDATE contact_persons SET erased_at = now() WHERE id = $1`, [personId]);
    await app.query(`SELECT crm_redact_contact_person_audit($1)`, [personId]);
    const { rows } = await app.query(
      `SELECT changes FROM audit_events WHERE entity_type = 'contact_person' AND entity_id = $1`,
      [personId],
    );
    expect(rows).toEqual([{ changes: { name: [null, '[erased]'] } }]);
  });

  it('gets its rights on tables that later migrations add, when the migrations run', async () => {
    // What a later migration does, as the owner; the grant step after the migrations covers it.
    await owner.query(`CREATE TABLE later_feature (id serial PRIMARY KEY, note text)`);
    await expect(app.query(`INSERT INTO later_feature (note) VALUES ('x')`)).rejects.toThrow(/permission denied/);
    await runMigrations(database.ownerUrl, roleOf(database.url));
    await app.query(`INSERT INTO later_feature (note) VALUES ('x')`);
    await app.query(`UPDATE later_feature SET note = 'y'`);
    expect((await app.query(`SELECT note FROM later_feature`)).rows).toEqual([{ note: 'y' }]);
    await app.query(`DELETE FROM later_feature`);
    await expect(app.query(`TRUNCATE later_feature`)).rejects.toThrow(/permission denied/);
    // …and the audit trail stays as restricted as before.
    await expect(app.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied for table audit_events/);
  });

  it('leaves the owner bound by the append-only trigger as well', async () => {
    await expect(owner.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
