import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables whose writes change what the app remembers for reading (list totals, reports). Not
 * here: sessions and login_throttle (sign-in state), audit_events (always written beside a change
 * that is here), shared_changes itself and the migration history. A later migration that adds a
 * table gives it the same trigger or says why not in SHARED_CHANGES_EXEMPT (shared-changes.spec.ts).
 */
const DATA_TABLES = [
  'campus_groups',
  'users',
  'user_campus_groups',
  'employers',
  'employer_campus_groups',
  'employer_name_words',
  'contact_persons',
  'contact_entries',
  'contact_entry_persons',
  'follow_ups',
  'opportunities',
  'opportunity_stage_changes',
  'calendar_feeds',
  'import_batches',
];

const SLOTS = 64;

/**
 * Counters of committed changes that every app instance reads (cache/shared-changes.ts), moved by
 * the writing transaction itself: a reader sees the new count exactly when it can see the data.
 *
 * Not one row that every write updates (it would make writes wait for each other), and not NOTIFY
 * (PostgreSQL serialises the commits of notifying transactions under one lock, which halved the
 * writes per second at 50 writers on the reference machine): each writing transaction adds one to a
 * slot no other transaction holds at that moment, and readers sum the slots.
 */
export class SharedChanges1764237519000 implements MigrationInterface {
  name = 'SharedChanges1764237519000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE shared_changes (
         slot integer NOT NULL,
         data_changes bigint NOT NULL DEFAULT 0,
         session_changes bigint NOT NULL DEFAULT 0,
         CONSTRAINT pk_shared_changes PRIMARY KEY (slot)
       ) WITH (fillfactor = 20)`,
    );
    await queryRunner.query(`INSERT INTO shared_changes (slot) SELECT generate_series(0, ${SLOTS - 1})`);
    // SKIP LOCKED: a writer never waits for another writer's slot, so the counters add no lock wait
    // and cannot take part in a deadlock. Only with more than 64 writing transactions at once does
    // one wait for a slot.
    await queryRunner.query(
      `CREATE FUNCTION crm_count_change(counter text) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         start integer := pg_backend_pid() % ${SLOTS};
         taken integer;
       BEGIN
         SELECT slot INTO taken FROM shared_changes
          WHERE slot >= start ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED;
         IF taken IS NULL THEN
           SELECT slot INTO taken FROM shared_changes ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED;
         END IF;
         UPDATE shared_changes
            SET data_changes = data_changes + (counter = 'data')::int,
                session_changes = session_changes + (counter = 'sessions')::int
          WHERE slot = coalesce(taken, start);
       END $$`,
    );
    // Once per transaction and counter: set_config(…, true) ends with the transaction and is undone
    // with a rolled-back savepoint, together with the count it guards.
    for (const counter of ['data', 'sessions']) {
      await queryRunner.query(
        `CREATE FUNCTION crm_note_${counter}_change() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF current_setting('crm.${counter}_change_noted', true) IS DISTINCT FROM 'on' THEN
             PERFORM set_config('crm.${counter}_change_noted', 'on', true);
             PERFORM crm_count_change('${counter}');
           END IF;
           RETURN NULL;
         END $$`,
      );
    }
    for (const table of DATA_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER shared_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION crm_note_data_change()`,
      );
    }
    // What a cached session carries: its row, its user's identity, role, state, password and groups.
    // Row triggers, so that a sign-in (last_login_at) or a statement that deletes nothing moves nothing.
    await queryRunner.query(
      `CREATE TRIGGER shared_session_change AFTER DELETE ON sessions
       FOR EACH ROW EXECUTE FUNCTION crm_note_sessions_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_session_change AFTER UPDATE ON users FOR EACH ROW
       WHEN ((OLD.email, OLD.display_name, OLD.role, OLD.locale, OLD.active, OLD.password_hash)
             IS DISTINCT FROM (NEW.email, NEW.display_name, NEW.role, NEW.locale, NEW.active, NEW.password_hash))
       EXECUTE FUNCTION crm_note_sessions_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_session_change_delete AFTER DELETE ON users
       FOR EACH ROW EXECUTE FUNCTION crm_note_sessions_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_session_change AFTER INSERT OR UPDATE OR DELETE ON user_campus_groups
       FOR EACH ROW EXECUTE FUNCTION crm_note_sessions_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER shared_session_change ON user_campus_groups`);
    await queryRunner.query(`DROP TRIGGER shared_session_change_delete ON users`);
    await queryRunner.query(`DROP TRIGGER shared_session_change ON users`);
    await queryRunner.query(`DROP TRIGGER shared_session_change ON sessions`);
    for (const table of DATA_TABLES) await queryRunner.query(`DROP TRIGGER shared_data_change ON ${table}`);
    await queryRunner.query(`DROP FUNCTION crm_note_sessions_change()`);
    await queryRunner.query(`DROP FUNCTION crm_note_data_change()`);
    await queryRunner.query(`DROP FUNCTION crm_count_change(text)`);
    await queryRunner.query(`DROP TABLE shared_changes`);
  }
}
