import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runMigrations } from '../../src/database/data-source';
import { withDatabase } from '../../src/database/database-url';
import { backupFileName } from '../../tools/ops/backup';
import {
  dumpDatabase,
  findPgTool,
  restoreDatabase,
  serverMajor,
  startScratchServer,
  tableCounts,
} from '../../tools/ops/pg-tools';
import { queryOnce, serverQuery, TEST_SERVER_URL_ENV } from '../test-database';

// ASVS 5.0 V14 (data protection: backups) — `npm run backup` / `npm run restore` round trip.

jest.setTimeout(120_000);

/** Some of everything, written through SQL (the API is tested elsewhere), audit rows included. */
async function populate(url: string): Promise<void> {
  await queryOnce(
    url,
    `WITH g AS (INSERT INTO campus_groups (name, campus) VALUES ('Varmuuskopio', 'Kampus') RETURNING id),
          u AS (INSERT INTO users (email, display_name, role, password_hash) VALUES ('backup@example.fi', 'Backup', 'admin', 'x') RETURNING id),
          e AS (INSERT INTO employers (name, owner_campus_group_id) SELECT 'Työnantaja ' || n, g.id FROM g, generate_series(1, 25) n RETURNING id, owner_campus_group_id),
          l AS (INSERT INTO employer_campus_groups (employer_id, campus_group_id) SELECT id, owner_campus_group_id FROM e RETURNING employer_id),
          c AS (INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, created_by)
                SELECT e.id, 'phone', now(), 'Puhelu äöå 😀', e.owner_campus_group_id, u.id FROM e, u RETURNING id, employer_id)
     INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id)
     SELECT u.id, 'create', 'contact_entry', c.id, '{}'::jsonb, c.employer_id FROM c, u`,
  );
}

describe('backup and restore', () => {
  let serverUrl: string;
  let scratch: { stop(): Promise<void> } | undefined;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'crm-backup-'));
    serverUrl = process.env[TEST_SERVER_URL_ENV]!;
    const major = await serverMajor(serverUrl);
    const usable = await findPgTool('pg_dump', major).then(
      () => true,
      () => false,
    );
    if (!usable) {
      // The embedded server is 18 and its npm package ships no pg_dump; an older system pg_dump
      // cannot dump it. Round-trip on a scratch server of the system's own version instead.
      const systemDump = await findPgTool('pg_dump');
      const binDir = dirname(systemDump.path);
      if (!existsSync(join(binDir, 'initdb')))
        throw new Error(`pg_dump ${systemDump.major} has no server binaries beside it`);
      console.log(
        `backup round trip: pg_dump ${systemDump.major} cannot dump the PostgreSQL ${major} test server; using a scratch ${systemDump.major} server`,
      );
      const server = await startScratchServer(binDir);
      scratch = server;
      serverUrl = server.url;
    }
  });
  afterAll(async () => {
    await scratch?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('names backups by date and time', () => {
    expect(backupFileName(new Date(2026, 10, 24, 13, 5, 9))).toBe('tyoelama-20261124-130509.dump');
  });

  it('restores a dump into a fresh database with every table’s rows and the append-only audit trigger', async () => {
    const suffix = `${process.pid}_${Date.now()}`;
    const source = `crm_backup_source_${suffix}`;
    const target = `crm_backup_target_${suffix}`;
    await serverQuery(serverUrl, `CREATE DATABASE ${source} ENCODING 'UTF8' TEMPLATE template0`);
    await serverQuery(serverUrl, `CREATE DATABASE ${target} ENCODING 'UTF8' TEMPLATE template0`);
    try {
      const sourceUrl = withDatabase(serverUrl, source);
      const targetUrl = withDatabase(serverUrl, target);
      await runMigrations(sourceUrl);
      await populate(sourceUrl);
      const file = join(folder, backupFileName());
      await dumpDatabase(sourceUrl, file);
      await restoreDatabase(targetUrl, file);

      const before = await tableCounts(sourceUrl);
      expect(before.employers).toBe(25);
      expect(before.audit_events).toBe(25);
      expect(await tableCounts(targetUrl)).toEqual(before);
      const [text] = await queryOnce<{ summary: string }>(targetUrl, `SELECT summary FROM contact_entries LIMIT 1`);
      expect(text.summary).toBe('Puhelu äöå 😀');

      // The audit trail stays append-only after a restore.
      await expect(queryOnce(targetUrl, `UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
      await expect(queryOnce(targetUrl, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      await expect(queryOnce(targetUrl, `TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
      // And the restored schema works: identity sequences continue, the search function exists.
      const [inserted] = await queryOnce<{ id: number }>(
        targetUrl,
        `INSERT INTO campus_groups (name, campus) VALUES ('Uusi', 'K') RETURNING id`,
      );
      expect(inserted.id).toBeGreaterThan(1);
      expect(await queryOnce(targetUrl, `SELECT crm_normalise('Ääkkönen') AS value`)).toEqual([{ value: 'aakkonen' }]);

      // Restoring again over data replaces it (the CLI asks for --yes first).
      await restoreDatabase(targetUrl, file);
      expect(await tableCounts(targetUrl)).toEqual(before);
    } finally {
      await serverQuery(serverUrl, `DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
      await serverQuery(serverUrl, `DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    }
  });
});
