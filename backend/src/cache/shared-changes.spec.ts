import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Client, startTestApp, type TestContext } from '../../test/test-app';
import { createApp } from '../app-factory';
import { DataChanges } from './data-changes';
import { ResultCache } from './result-cache';
import { SharedChanges } from './shared-changes';

/**
 * Tables whose writes need not move the data counter (migration SharedChanges says why); every
 * other table must carry its trigger, or a write to it would leave other instances' figures stale.
 * The report and employer list roll-ups are derived from data tables whose own writes already move
 * the counter (and a reader's fold writes them: moving it would end every remembered total);
 * recently viewed employers feed no remembered result, and a page view must not empty the caches;
 * the contact-entry trash is written only together with contact_entries, whose trigger moves it.
 * The YTJ refresh job's row is progress bookkeeping read fresh by its own screen, never remembered;
 * the register facts it finds go to employers, whose trigger moves the counter.
 */
const SHARED_CHANGES_EXEMPT = [
  'sessions',
  'login_throttle',
  'audit_events',
  'shared_changes',
  'migrations',
  'report_counts',
  'report_count_deltas',
  'employer_list_counts',
  'employer_list_count_deltas',
  'employer_list_keys',
  'recent_employer_views',
  'contact_entries_deleted',
  'business_register_refreshes',
  // One secret, written once; no report or remembered total reads it.
  'pseudonymisation_keys',
];

async function counters(dataSource: DataSource): Promise<{ data: number; sessions: number }> {
  const [row] = await dataSource.query(
    `SELECT sum(data_changes)::int AS data, sum(session_changes)::int AS sessions FROM shared_changes`,
  );
  return row;
}

describe('changes shared between app instances', () => {
  let context: TestContext;
  let other: INestApplication;
  const otherClient = async (email: string) => {
    const client = await new Client(request.agent(other.getHttpServer())).init();
    expect((await client.login(email)).status).toBe(200);
    return client;
  };
  const emailOf = async (id: number): Promise<string> =>
    (await context.dataSource.query(`SELECT email FROM users WHERE id = $1`, [id]))[0].email;

  beforeAll(async () => {
    context = await startTestApp();
    // A second instance of the app on the same database, as behind a load balancer.
    other = await createApp(context.config, context.database.url);
    await other.init();
  });
  afterAll(async () => {
    await other.close();
    await context.close();
  });

  it('a write through one instance reaches the remembered list total of the other', async () => {
    const groupId = await context.createCampusGroup('Jaettu');
    const admin = await context.signedIn('admin');
    const onOther = await otherClient(admin.me.email);
    const total = async () => (await onOther.get('/api/employers?limit=1')).body.total as number;
    const before = await total();
    expect(await total()).toBe(before);

    const created = await admin.post('/api/employers', { name: 'Jaettu Oy', ownerCampusGroupId: groupId });
    expect(created.status).toBe(201);
    await other.get(SharedChanges).poll();
    expect(await total()).toBe(before + 1);
  });

  it('a user deactivated through one instance is signed out on the other', async () => {
    const admin = await context.signedIn('admin');
    const userId = await context.createUser('campus_member');
    const onOther = await otherClient(await emailOf(userId));
    expect((await onOther.get('/api/auth/me')).status).toBe(200);
    expect((await onOther.get('/api/auth/me')).status).toBe(200);

    const { version } = (await admin.get(`/api/users/${userId}`)).body;
    expect((await admin.patch(`/api/users/${userId}`, { version, active: false })).status).toBe(200);
    await other.get(SharedChanges).poll();
    expect((await onOther.get('/api/auth/me')).status).toBe(401);
  });

  it('a role changed through one instance applies on the other', async () => {
    const admin = await context.signedIn('admin');
    const userId = await context.createUser('leadership');
    const onOther = await otherClient(await emailOf(userId));
    expect((await onOther.get('/api/auth/me')).body.role).toBe('leadership');

    const { version } = (await admin.get(`/api/users/${userId}`)).body;
    expect((await admin.patch(`/api/users/${userId}`, { version, role: 'campus_member' })).status).toBe(200);
    await other.get(SharedChanges).poll();
    expect((await onOther.get('/api/auth/me')).body.role).toBe('campus_member');
  });

  it('counts committed transactions only, and sessions only for what a session carries', async () => {
    const userId = await context.createUser('leadership');
    const before = await counters(context.dataSource);

    await context.dataSource
      .transaction(async (manager) => {
        await manager.query(`INSERT INTO campus_groups (name, campus) VALUES ('Peruttu', 'K')`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await counters(context.dataSource)).toEqual(before);

    // Several statements and tables in one transaction: one change.
    await context.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO campus_groups (name, campus) VALUES ('Yksi', 'K'), ('Kaksi', 'K')`);
      await manager.query(`UPDATE campus_groups SET campus = 'L' WHERE name = 'Yksi'`);
    });
    const afterWrite = await counters(context.dataSource);
    expect(afterWrite).toEqual({ data: before.data + 1, sessions: before.sessions });

    await context.dataSource.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [userId]);
    expect((await counters(context.dataSource)).sessions).toBe(afterWrite.sessions);
    await context.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [userId]);
    expect((await counters(context.dataSource)).sessions).toBe(afterWrite.sessions + 1);
  });

  it('every table carries the data-change trigger unless exempt', async () => {
    const missing = await context.dataSource.query(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> ALL ($1)
          AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'shared_data_change')
        ORDER BY 1`,
      [SHARED_CHANGES_EXEMPT],
    );
    expect(missing).toEqual([]);
  });
});

describe('while the shared counters cannot be read', () => {
  it('nothing is remembered', async () => {
    const unreachable = new SharedChanges({ options: { url: 'postgres://nobody:x@127.0.0.1:1/none' } } as DataSource);
    await unreachable.poll();
    await unreachable.onModuleDestroy();
    expect(unreachable.current).toBe(false);

    const cache = new ResultCache<number>(new DataChanges(unreachable), { lifetimeMs: 60_000, maxEntries: 10 });
    let computed = 0;
    const compute = () => Promise.resolve((computed += 1));
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('a', compute)).toBe(2);
  });
});
