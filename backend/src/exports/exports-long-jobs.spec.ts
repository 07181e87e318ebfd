import type { ImportPreviewDto } from '@tyoelama/shared';
import { Client as PgClient } from 'pg';
import { eventually } from '../../test/eventually';
import { insertEmployer } from '../../test/fixtures';
import { type SignedIn, startTestApp, useFixture } from '../../test/test-app';
import { IMPORT_COLUMNS } from '../../tools/seed/vocabulary';
import { DEFAULT_DATABASE_TIMEOUTS } from '../config/config';
import { APP_APPLICATION_NAME } from '../database/data-source';
import { LONG_JOBS_RETRY_AFTER_SECONDS } from '../database/long-job-slots';

/** A pool of 4 leaves exports and imports 2 slots. */
const POOL_SIZE = 4;
/** Short, so the test does not sleep 10 s; how long it is does not decide any outcome below. */
const WAIT_MS = 300;

describe('long jobs take a slot (pool of 4)', () => {
  const given = useFixture(async () => {
    // The held exports wait for a table lock the test holds; the server must not end that wait itself.
    const context = await startTestApp({
      databasePoolSize: POOL_SIZE,
      longJobWaitMs: WAIT_MS,
      databaseTimeouts: { ...DEFAULT_DATABASE_TIMEOUTS, lockMs: 600_000 },
    });
    const admin = await context.signedIn('admin');
    const groupId = await context.createCampusGroup('Pitkät työt');
    await insertEmployer(context.dataSource, { name: 'Odottava Oy', ownerCampusGroupId: groupId });
    const locker = new PgClient({ connectionString: context.database.ownerUrl });
    const inspector = new PgClient({ connectionString: context.database.ownerUrl });
    await Promise.all([locker.connect(), inspector.connect()]);
    return { context, admin, groupId, locker, inspector };
  });
  // The test's own connections end before the app drops its database.
  afterAll(async () => {
    await given.locker.end();
    await given.inspector.end();
    await given.context.close();
  });

  /** App connections waiting for the test's lock, as the server sees them. */
  async function waitingForLock(): Promise<number> {
    const { rows } = await given.inspector.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = $1 AND application_name = $2 AND wait_event_type = 'Lock'`,
      [given.context.database.name, APP_APPLICATION_NAME],
    );
    return rows[0].waiting;
  }

  /**
   * Holds both slots with two follow-up exports that cannot end until `release` is called: they
   * wait for an exclusive lock on follow_ups, which stands in for a client that never reads its
   * download (either way the export keeps its slot and its connection). The employer list does not
   * read follow_ups, so the lock itself stops nothing else.
   */
  async function holdBothSlots(admin: SignedIn) {
    await given.locker.query('BEGIN');
    await given.locker.query('LOCK TABLE follow_ups IN ACCESS EXCLUSIVE MODE');
    const held = [1, 2].map(() => admin.get('/api/exports/follow-ups.csv').then((response) => response));
    await eventually(async () => ((await waitingForLock()) === 2 ? true : null));
    return {
      async release() {
        await given.locker.query('ROLLBACK');
        return Promise.all(held);
      },
    };
  }

  it('answers a third export 503 LONG_JOBS_BUSY after the bound while ordinary requests still answer', async () => {
    const { admin } = given;
    const holders = await holdBothSlots(admin);

    const started = Date.now();
    const [third, ...lists] = await Promise.all([
      admin.get('/api/exports/employers.csv'),
      ...Array.from({ length: 4 }, () => admin.get('/api/employers')),
    ]);
    expect(third.status).toBe(503);
    expect(third.body).toMatchObject({ statusCode: 503, code: 'LONG_JOBS_BUSY' });
    expect(third.headers['retry-after']).toBe(String(LONG_JOBS_RETRY_AFTER_SECONDS));
    // It waited for a slot first (timers never fire early; a millisecond of rounding aside).
    expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 1);
    expect(lists.map((list) => list.status)).toEqual([200, 200, 200, 200]);
    expect(await waitingForLock()).toBe(2);

    const done = await holders.release();
    expect(done.map((response) => response.status)).toEqual([200, 200]);
    // The slots came back, and the export that gave up did not keep one.
    const again = await Promise.all([admin.get('/api/exports/employers.csv'), admin.get('/api/exports/employers.csv')]);
    expect(again.map((response) => response.status)).toEqual([200, 200]);
    expect(again[0].text).toContain('Odottava Oy');
  });

  it('leaves an import in preview when its commit finds no slot, so it can be committed later', async () => {
    const { admin, groupId } = given;
    const csv = [IMPORT_COLUMNS.join(';'), 'Jonossa Oy;;F;Espoo;;2100;;;prospekti;;;;;;'].join('\r\n');
    const uploaded = await admin
      .upload('/api/imports')
      .field('ownerCampusGroupId', String(groupId))
      .attach('file', Buffer.from(csv, 'utf8'), 'jonossa.csv');
    expect(uploaded.status).toBe(201);
    const { id } = uploaded.body as ImportPreviewDto;
    const holders = await holdBothSlots(admin);

    const busy = await admin.post(`/api/imports/${id}/commit`, { decisions: {} });
    expect(busy.status).toBe(503);
    expect(busy.body.code).toBe('LONG_JOBS_BUSY');
    expect((await admin.get(`/api/imports/${id}`)).body.status).toBe('preview');

    expect((await holders.release()).map((response) => response.status)).toEqual([200, 200]);
    const committed = await admin.post(`/api/imports/${id}/commit`, { decisions: {} });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ status: 'done', report: { created: 1 } });
  });
});
