import { Client as PgClient } from 'pg';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import type { DatabaseTimeouts } from '../config/config';
import { eventually } from '../../test/eventually';
import { insertEmployer } from '../../test/fixtures';
import { type Client, startTestApp, type TestContext } from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { APP_APPLICATION_NAME, dataSourceOptions } from './data-source';

// The test decides when a statement ends (by cancelling or terminating it), so the server's own
// limits are set far beyond the test's timeout.
const PATIENT: DatabaseTimeouts = { statementMs: 600_000, lockMs: 600_000, idleInTransactionMs: 600_000 };

async function connect(url: string): Promise<PgClient> {
  const client = new PgClient({ connectionString: url, application_name: 'crm-test-inspector' });
  await client.connect();
  return client;
}

/** Backends of the app on this database, as the server sees them. */
async function appBackends(
  inspector: PgClient,
  database: string,
  where = 'true',
): Promise<{ pid: number; query: string }[]> {
  const { rows } = await inspector.query<{ pid: number; query: string }>(
    `SELECT pid, query FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND ${where}`,
    [database, APP_APPLICATION_NAME],
  );
  return rows;
}

function isAbortedTransaction(response: request.Response): boolean {
  return JSON.stringify(response.body ?? '').includes('current transaction is aborted');
}

describe('connections the database ends mid-request', () => {
  let context: TestContext;
  let admin: Client;
  let inspector: PgClient;
  let locker: PgClient;
  let employerId: number;
  let otherEmployerId: number;

  beforeAll(async () => {
    context = await startTestApp({ databaseTimeouts: PATIENT });
    admin = await context.signedIn('admin');
    const groupId = await context.createCampusGroup('Yhteys');
    employerId = await insertEmployer(context.dataSource, { name: 'Lukittu Oy', ownerCampusGroupId: groupId });
    otherEmployerId = await insertEmployer(context.dataSource, { name: 'Vapaa Oy', ownerCampusGroupId: groupId });
    inspector = await connect(context.database.ownerUrl);
    locker = await connect(context.database.ownerUrl);
  });
  afterAll(async () => {
    await locker.end();
    await inspector.end();
    await context.close();
  });

  /** A save of the employer that waits for the row lock the test holds in another connection, until the server ends it. */
  async function saveWaitingForLock(): Promise<{ response: Promise<request.Response>; pid: number }> {
    const [{ version }] = await context.dataSource.query(`SELECT version FROM employers WHERE id = $1`, [employerId]);
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM employers WHERE id = $1 FOR UPDATE', [employerId]);
    const response = admin.patch(`/api/employers/${employerId}`, { version, name: `Lukittu ${Date.now()} Oy` });
    const [waiting] = await eventually(async () => {
      const rows = await appBackends(inspector, context.database.name, `wait_event_type = 'Lock'`);
      return rows.length ? rows : null;
    });
    return { response, pid: waiting.pid };
  }

  /** Reads and saves through real routes, a few at a time, as users would right after the incident. */
  async function hundredRequests(): Promise<request.Response[]> {
    const responses: request.Response[] = [];
    for (let round = 0; round < 20; round += 1) {
      const [{ version }] = await context.dataSource.query(`SELECT version FROM employers WHERE id = $1`, [
        otherEmployerId,
      ]);
      responses.push(
        ...(await Promise.all([
          admin.get(`/api/employers/${employerId}`),
          admin.get(`/api/employers?q=Oy`),
          admin.get(`/api/employers/${otherEmployerId}/timeline`),
          admin.get('/api/auth/me'),
          admin.patch(`/api/employers/${otherEmployerId}`, { version, name: `Vapaa ${round} Oy` }),
        ])),
      );
    }
    return responses;
  }

  it('answers 503 to the request whose statement is cancelled, and serves the next 100 requests', async () => {
    const { response, pid } = await saveWaitingForLock();
    await inspector.query('SELECT pg_cancel_backend($1)', [pid]);
    const cancelled = await response;
    await locker.query('ROLLBACK');
    expect(cancelled.status).toBe(503);
    expect(cancelled.body.code).toBe('DATABASE_UNAVAILABLE');

    const after = await hundredRequests();
    expect(after).toHaveLength(100);
    expect(after.filter((each) => each.status !== 200).map((each) => [each.status, each.body])).toEqual([]);
    expect(after.some(isAbortedTransaction)).toBe(false);
  });

  it('answers 503 when every backend of the app is terminated mid-request, and serves the next 100 requests', async () => {
    // Warm the pool, so that idle connections die too, not only the one the request holds.
    await hundredRequests();
    const idleBefore = await appBackends(inspector, context.database.name, `state = 'idle'`);
    expect(idleBefore.length).toBeGreaterThan(0);

    const { response } = await saveWaitingForLock();
    // The second argument waits until each backend has exited.
    const { rows } = await inspector.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid, 10000) AS terminated FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
      [context.database.name, APP_APPLICATION_NAME],
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((row) => row.terminated)).toBe(true);
    const terminated = await response;
    await locker.query('ROLLBACK');
    expect(terminated.status).toBe(503);
    expect(terminated.body.code).toBe('DATABASE_UNAVAILABLE');

    const after = await hundredRequests();
    expect(after.filter((each) => each.status !== 200).map((each) => [each.status, each.body])).toEqual([]);
    expect(after.some(isAbortedTransaction)).toBe(false);
  });
});

describe('server-side limits', () => {
  let database: TestDatabase;
  let inspector: PgClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    inspector = await connect(database.ownerUrl);
  });
  afterAll(async () => {
    await inspector.end();
    await database.drop();
  });

  async function pool(settings: Parameters<typeof dataSourceOptions>[1]): Promise<DataSource> {
    return new DataSource(dataSourceOptions(database.url, settings)).initialize();
  }

  it('ends a statement over statement_timeout in the server, and the pool carries on', async () => {
    const dataSource = await pool({ poolSize: 2, timeouts: { ...PATIENT, statementMs: 500 } });
    try {
      await expect(dataSource.query('SELECT pg_sleep(60)')).rejects.toThrow(/statement timeout/);
      await expect(dataSource.transaction((manager) => manager.query('SELECT pg_sleep(60)'))).rejects.toThrow(
        /statement timeout/,
      );
      expect(await appBackends(inspector, database.name, `query LIKE '%pg_sleep(60)%' AND state = 'active'`)).toEqual(
        [],
      );
      for (let n = 0; n < 20; n += 1) {
        const [{ one }] = await dataSource.transaction((manager) => manager.query('SELECT 1 AS one'));
        expect(one).toBe(1);
      }
    } finally {
      await dataSource.destroy();
    }
  });

  it('answers 503 when a save waits for a lock longer than lock_timeout', async () => {
    const context = await startTestApp({ databaseTimeouts: { ...PATIENT, lockMs: 300 } });
    const locker = await connect(context.database.ownerUrl);
    try {
      const admin = await context.signedIn('admin');
      const groupId = await context.createCampusGroup('Lukko');
      const id = await insertEmployer(context.dataSource, { name: 'Lukko Oy', ownerCampusGroupId: groupId });
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM employers WHERE id = $1 FOR UPDATE', [id]);
      const waited = await admin.patch(`/api/employers/${id}`, { version: 1, name: 'Lukko 2 Oy' });
      expect(waited.status).toBe(503);
      expect(waited.body.code).toBe('DATABASE_UNAVAILABLE');
      await locker.query('ROLLBACK');
      const saved = await admin.patch(`/api/employers/${id}`, { version: 1, name: 'Lukko 2 Oy' });
      expect(saved.status).toBe(200);
    } finally {
      await locker.end();
      await context.close();
    }
  });

  it('destroys a connection whose statement the driver stopped waiting for, instead of reusing it', async () => {
    // One connection, so a reused one would be the very same; the driver gives up long before the server.
    const dataSource = await pool({ poolSize: 1, timeouts: PATIENT, clientTimeoutMs: 300 });
    try {
      let stalledPid = 0;
      await expect(
        dataSource.transaction(async (manager) => {
          [{ pid: stalledPid }] = await manager.query('SELECT pg_backend_pid() AS pid');
          await manager.query('SELECT pg_sleep(60)');
        }),
      ).rejects.toThrow(/Query read timeout/);
      // Reused, the connection would answer "current transaction is aborted" once the sleep ended.
      for (let n = 0; n < 10; n += 1) {
        const [{ pid }] = await dataSource.query(`SELECT pg_backend_pid() AS pid`);
        expect(pid).not.toBe(stalledPid);
      }
      await inspector.query('SELECT pg_cancel_backend($1)', [stalledPid]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('destroys a connection the server closed for idling in a transaction', async () => {
    const dataSource = await pool({ poolSize: 1, timeouts: { ...PATIENT, idleInTransactionMs: 1000 } });
    try {
      const runner = dataSource.createQueryRunner();
      await runner.startTransaction();
      const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
      await eventually(async () =>
        (await inspector.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount === 0 ? true : null,
      );
      await expect(runner.query('SELECT 1')).rejects.toThrow();
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      const [{ one }] = await dataSource.query('SELECT 1 AS one');
      expect(one).toBe(1);
    } finally {
      await dataSource.destroy();
    }
  });
});
