import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { withDatabase } from '../../src/database/database-url';
import { backupDatabase, backupFileName } from '../../tools/ops/backup';
import { isLogicalBackup, logicalBackup, logicalRestore } from '../../tools/ops/logical-backup';
import { tableCounts } from '../../tools/ops/pg-tools';
import { insertContactPerson, insertEmployer } from '../fixtures';
import { createTestDatabase, queryOnce, serverQuery, TEST_SERVER_URL_ENV, type TestDatabase } from '../test-database';

// ASVS 5.0 V14 (data protection: backups) — the built-in logical format, used when no pg_dump of the
// server's major version exists (the embedded PostgreSQL 18 ships none).

jest.setTimeout(60_000);

/** Order-independent checksum of a table's rows, as the server renders them. */
async function checksum(url: string, table: string): Promise<string> {
  const [row] = await queryOnce<{ sum: string }>(
    url,
    `SELECT md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)) AS sum FROM ${table} t`,
  );
  return row.sum;
}

/** A few rows in every table through SQL (the API is tested elsewhere), with values that are easy to mangle. */
async function populate(url: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const [{ id: groupId }] = await dataSource.query(
      `INSERT INTO campus_groups (name, campus) VALUES ('Varmuuskopio', 'Kampus') RETURNING id`,
    );
    const [{ id: otherGroupId }] = await dataSource.query(
      `INSERT INTO campus_groups (name, campus) VALUES ('Toinen', 'Kampus 2') RETURNING id`,
    );
    const [{ id: userId }] = await dataSource.query(
      `INSERT INTO users (email, display_name, role, password_hash) VALUES ('backup@example.fi', 'Bäckup', 'admin', 'x') RETURNING id`,
    );
    await dataSource.query(`INSERT INTO user_campus_groups (user_id, campus_group_id) VALUES ($1, $2)`, [
      userId,
      groupId,
    ]);
    await dataSource.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at, user_agent) VALUES (repeat('a', 64), $1, now() + interval '1 day', 'jest')`,
      [userId],
    );
    await dataSource.query(`INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, repeat('b', 64))`, [userId]);
    await dataSource.query(
      `INSERT INTO import_batches (created_by, file_name, owner_campus_group_id, rows) VALUES ($1, 'tuonti.csv', $2, '[{"n": 12345678901234567890}]'::jsonb)`,
      [userId, groupId],
    );
    for (let n = 1; n <= 5; n += 1) {
      const employerId = await insertEmployer(dataSource, {
        name: `Ääkkönen & "Lainaus" ${n} Oy 😀`,
        ownerCampusGroupId: groupId,
        campusGroupIds: [otherGroupId],
        accountManagerId: userId,
      });
      const personId = await insertContactPerson(dataSource, employerId, `Åsa Öhman ${n}\nrivinvaihto`);
      const [{ id: entryId }] = await dataSource.query(
        `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, created_by)
         VALUES ($1, 'phone', '2026-01-02T03:04:05.123456Z', 'Puhelu \\ äöå 😀', $2, $3) RETURNING id`,
        [employerId, groupId, userId],
      );
      await dataSource.query(
        `INSERT INTO contact_entry_persons (contact_entry_id, contact_person_id) VALUES ($1, $2)`,
        [entryId, personId],
      );
      await dataSource.query(
        `INSERT INTO follow_ups (employer_id, contact_entry_id, title, due_date, assignee_id, created_by) VALUES ($1, $2, 'Soita', '2028-02-29', $3, $3)`,
        [employerId, entryId, userId],
      );
      const [{ id: opportunityId }] = await dataSource.query(
        `INSERT INTO opportunities (employer_id, title, type, campus_group_id, owner_id, created_by) VALUES ($1, 'Harjoittelu', 'apprenticeship', $2, $3, $3) RETURNING id`,
        [employerId, groupId, userId],
      );
      await dataSource.query(
        `INSERT INTO opportunity_stage_changes (opportunity_id, to_stage, changed_by) VALUES ($1, 'contacted', $2)`,
        [opportunityId, userId],
      );
      await dataSource.query(
        `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id) VALUES ($1, 'create', 'employer', $2, '{"name": [null, "x"]}', $2)`,
        [userId, employerId],
      );
    }
    // Beyond 2^53: survives only if no step parses the numbers into JS doubles.
    await dataSource.query(
      `INSERT INTO audit_events (id, actor_id, action, entity_type, entity_id, changes)
       VALUES (9007199254740993, $1, 'create', 'user', $1, '{"big": 123456789012345678901234567890.5}'::jsonb)`,
      [userId],
    );
  } finally {
    await dataSource.destroy();
  }
}

/** The opportunities' copy of their employer's values (migration OpportunityIdleSince) and the migration itself. */
const OPPORTUNITY_COPY_MIGRATION = 'OpportunityIdleSince1764700700000';
const OPPORTUNITY_COPY_COLUMNS = ['employer_last_contact_at', 'employer_archived'];

/** `from` as a backup made before migration OpportunityIdleSince would have it: without the copy's columns. */
async function withoutOpportunityCopy(from: string, to: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(from).pipe(createGunzip()), crlfDelay: Infinity });
  const older = async function* () {
    let header = true;
    let table: { name: string; left: number } | undefined;
    for await (const line of lines) {
      if (header) {
        header = false;
        const parsed = JSON.parse(line) as { migrations: string[] };
        // The migrations before it: later ones came after it too.
        const before = parsed.migrations.slice(0, parsed.migrations.indexOf(OPPORTUNITY_COPY_MIGRATION));
        yield `${JSON.stringify({ ...parsed, migrations: before })}\n`;
      } else if (!table || table.left === 0) {
        const parsed = JSON.parse(line) as { table: string; columns: { name: string }[]; rows: number };
        table = { name: parsed.table, left: parsed.rows };
        const columns = parsed.columns.filter((column) => !OPPORTUNITY_COPY_COLUMNS.includes(column.name));
        yield `${JSON.stringify({ ...parsed, columns })}\n`;
      } else {
        table.left -= 1;
        // Other tables' rows untouched: they hold numbers beyond 2^53.
        if (table.name !== 'opportunities') yield `${line}\n`;
        else {
          const row = JSON.parse(line) as Record<string, unknown>;
          for (const column of OPPORTUNITY_COPY_COLUMNS) delete row[column];
          yield `${JSON.stringify(row)}\n`;
        }
      }
    }
  };
  await pipeline(Readable.from(older()), createGzip(), createWriteStream(to));
}

describe('built-in logical backup', () => {
  let folder: string;
  let source: TestDatabase;
  let file: string;
  let before: Record<string, number>;
  const emptyName = `crm_logical_target_${process.pid}_${Date.now()}`;
  let emptyUrl: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'crm-logical-'));
    source = await createTestDatabase();
    await populate(source.ownerUrl);
    before = await tableCounts(source.ownerUrl);
    emptyUrl = withDatabase(process.env[TEST_SERVER_URL_ENV]!, emptyName);
    await serverQuery(
      process.env[TEST_SERVER_URL_ENV]!,
      `CREATE DATABASE ${emptyName} ENCODING 'UTF8' TEMPLATE template0`,
    );
  });
  afterAll(async () => {
    await source?.drop();
    await serverQuery(process.env[TEST_SERVER_URL_ENV]!, `DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`);
    await rm(folder, { recursive: true, force: true });
  });

  it('names logical backups .crmdump.gz', () => {
    expect(backupFileName(new Date(2026, 10, 24, 13, 5, 9), 'logical')).toBe('tyoelama-20261124-130509.crmdump.gz');
  });

  it('writes a .crmdump.gz logical backup that the restore recognises', async () => {
    const previous = process.env.BACKUP_FORMAT;
    process.env.BACKUP_FORMAT = 'logical';
    try {
      const result = await backupDatabase(source.ownerUrl, folder);
      file = result.file;
    } finally {
      if (previous === undefined) delete process.env.BACKUP_FORMAT;
      else process.env.BACKUP_FORMAT = previous;
    }
    expect(file).toMatch(/tyoelama-\d{8}-\d{6}\.crmdump\.gz$/);
    expect(await isLogicalBackup(file)).toBe(true);
  });

  it('restores into an empty database: migrates it, then every table’s rows byte for byte', async () => {
    expect(before.employers).toBe(5);
    for (const table of [
      'campus_groups',
      'users',
      'user_campus_groups',
      'employers',
      'employer_campus_groups',
      'contact_persons',
      'contact_entries',
      'follow_ups',
      'opportunities',
      'opportunity_stage_changes',
      'audit_events',
      'sessions',
      'calendar_feeds',
      'import_batches',
    ]) {
      expect({ table, rows: before[table] }).toEqual({ table, rows: expect.any(Number) });
      expect(before[table]).toBeGreaterThan(0);
    }
    const restored = await logicalRestore(emptyUrl, file);
    const after = await tableCounts(emptyUrl);
    expect(after).toEqual(before);
    expect(Object.values(restored).reduce((a, b) => a + b, 0)).toBe(
      Object.entries(before)
        .filter(([table]) => table !== 'migrations')
        .reduce((sum, [, n]) => sum + n, 0),
    );
    for (const table of [
      'employers',
      'contact_persons',
      'contact_entries',
      'audit_events',
      'import_batches',
      'users',
      'migrations',
    ]) {
      expect({ table, sum: await checksum(emptyUrl, table) }).toEqual({
        table,
        sum: await checksum(source.ownerUrl, table),
      });
    }
    const [big] = await queryOnce<{ id: string; big: string }>(
      emptyUrl,
      `SELECT id::text, changes->>'big' AS big FROM audit_events WHERE id = 9007199254740993`,
    );
    expect(big).toEqual({ id: '9007199254740993', big: '123456789012345678901234567890.5' });
  });

  it('restores the roll-ups as they were: the loaded rows are not counted a second time', async () => {
    const counted = `SELECT metric, day::text, campus_group_id, label, sum(n)::text AS n
                       FROM (SELECT * FROM report_counts UNION ALL SELECT * FROM report_count_deltas) r
                      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4`;
    const restored = await queryOnce<{ metric: string }>(emptyUrl, counted);
    expect(restored.some((row) => row.metric === 'group_opportunity_open')).toBe(true);
    expect(restored).toEqual(await queryOnce(source.ownerUrl, counted));
  });

  it('leaves identity sequences continuing after the restored maximum', async () => {
    const [{ max }] = await queryOnce<{ max: number }>(emptyUrl, `SELECT max(id) AS max FROM campus_groups`);
    const [group] = await queryOnce<{ id: number }>(
      emptyUrl,
      `INSERT INTO campus_groups (name, campus) VALUES ('Uusi ryhmä', 'K') RETURNING id`,
    );
    expect(group.id).toBe(max + 1);
    const [{ id: employerId }] = await queryOnce<{ id: number }>(emptyUrl, `SELECT max(id) AS id FROM employers`);
    const [audit] = await queryOnce<{ id: string }>(
      emptyUrl,
      `INSERT INTO audit_events (action, entity_type, entity_id, changes, employer_id) VALUES ('create', 'employer', $1, '{}', $1) RETURNING id::text`,
      [employerId],
    );
    expect(audit.id).toBe('9007199254740994');
  });

  it('keeps the audit trail append-only after a restore', async () => {
    await expect(queryOnce(emptyUrl, `UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(queryOnce(emptyUrl, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(queryOnce(emptyUrl, `TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('replaces existing data when restoring over it', async () => {
    await logicalRestore(emptyUrl, file);
    expect(await tableCounts(emptyUrl)).toEqual(before);
    expect(await checksum(emptyUrl, 'employers')).toBe(await checksum(source.ownerUrl, 'employers'));
  });

  it('refuses a backup whose migrations are not an earlier state of the app’s schema, changing nothing', async () => {
    const foreign = join(folder, 'foreign.crmdump.gz');
    const header = {
      format: 'tyoelama-logical',
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: ['Someone1700000000000'],
      tables: [],
    };
    await pipeline(Readable.from([`${JSON.stringify(header)}\n`]), createGzip(), createWriteStream(foreign));
    expect(await isLogicalBackup(foreign)).toBe(true);
    await expect(logicalRestore(emptyUrl, foreign)).rejects.toThrow(/not an earlier state of this app's schema/);
    expect(await tableCounts(emptyUrl)).toEqual(before);
  });

  it('copies the employers’ values into the opportunities when restoring a backup made before they carried them', async () => {
    // Values unlike the columns' defaults: a last contact for every employer, one of them archived.
    await queryOnce(source.ownerUrl, `UPDATE employers SET last_contact_at = now() - id * interval '1 day'`);
    await queryOnce(
      source.ownerUrl,
      `UPDATE employers SET archived_at = now() WHERE id = (SELECT min(id) FROM employers)`,
    );
    const current = join(folder, 'current.crmdump.gz');
    const older = join(folder, 'older.crmdump.gz');
    await logicalBackup(source.ownerUrl, current);
    await withoutOpportunityCopy(current, older);
    await logicalRestore(emptyUrl, older);
    const copies = await queryOnce<{ archived: boolean; same: boolean }>(
      emptyUrl,
      `SELECT o.employer_archived AS archived,
              (o.employer_last_contact_at, o.employer_archived) IS NOT DISTINCT FROM (e.last_contact_at, e.archived_at IS NOT NULL)
                AND o.employer_last_contact_at IS NOT NULL AS same
         FROM opportunities o JOIN employers e ON e.id = o.employer_id`,
    );
    expect(copies.length).toBe(before.opportunities);
    expect(copies.every((copy) => copy.same)).toBe(true);
    expect(copies.filter((copy) => copy.archived)).toHaveLength(1);
  });
});
