import type { INestApplication } from '@nestjs/common';
import { validBusinessIdFrom } from '@tyoelama/shared';
import { createApp } from '../app-factory';
import { Clock } from '../config/clock';
import { FakeRegister, prhCompany } from '../../test/fake-register';
import { startTestApp, type SignedIn, type TestContext } from '../../test/test-app';
import { BusinessRegisterModule } from './business-register.module';
import { MAX_RETRIES, RegisterRefreshService, RETRY_BASE_MS } from './register-refresh.service';

/** Time as the job sees it: moved by the test, never waited for. */
class TestTime {
  private at = new Date('2026-03-02T08:00:00.000Z').getTime();

  attach(app: INestApplication): void {
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(this.at));
  }

  advance(ms: number): void {
    this.at += ms;
  }

  setTo(iso: string): void {
    this.at = Date.parse(iso);
  }
}

let idSeed = 4_100_000;
const nextBusinessId = () => {
  const id = validBusinessIdFrom(idSeed);
  idSeed = Number(id.slice(0, 7)) + 1;
  return id;
};

describe('refresh from YTJ (business register refresh job)', () => {
  let register: FakeRegister;
  let context: TestContext;
  let admin: SignedIn;
  let time: TestTime;
  let groupId: number;

  const refresh = () => context.app.select(BusinessRegisterModule).get(RegisterRefreshService);

  async function createEmployer(name: string, businessId: string | null, owner = groupId): Promise<number> {
    const response = await admin.post('/api/employers', { name, businessId, ownerCampusGroupId: owner });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  /** Steps until the job is done, moving time on by each wait; returns the steps taken. */
  async function runToEnd(service = refresh()): Promise<string[]> {
    const kinds: string[] = [];
    for (let guard = 0; guard < 200; guard += 1) {
      const step = await service.step();
      kinds.push(step.kind);
      if (step.kind === 'done' || step.kind === 'failed' || step.kind === 'idle') return kinds;
      if (step.kind === 'wait' || step.kind === 'retry') time.advance(step.waitMs);
    }
    throw new Error('the job did not end');
  }

  beforeEach(async () => {
    register = await new FakeRegister().start();
    context = await startTestApp({ prhApiUrl: register.url, prhTimeoutMs: 500, prhRequestsPerSecond: 5 });
    time = new TestTime();
    time.attach(context.app);
    admin = await context.signedIn('admin');
    groupId = await context.createCampusGroup('YTJ-ryhmä');
  });
  afterEach(async () => {
    await context.close();
    await register.stop();
  });

  it('lets only an admin start the job or see it, and runs one job at a time', async () => {
    await createEmployer('Yksi Oy', nextBusinessId());
    for (const role of ['account_manager', 'campus_member', 'leadership'] as const) {
      const client = await context.signedIn(role, [groupId]);
      expect((await client.post('/api/business-register-refresh')).status).toBe(403);
      expect((await client.get('/api/business-register-refresh')).status).toBe(403);
    }
    expect((await admin.get('/api/business-register-refresh')).body).toEqual({ job: null, requestsPerSecond: 5 });

    const started = await admin.post('/api/business-register-refresh');
    expect(started.status).toBe(202);
    expect(started.body.job).toMatchObject({
      status: 'running',
      progress: 0,
      total: 1,
      startedBy: admin.me.id,
      startedByName: admin.me.displayName,
    });
    const again = await admin.post('/api/business-register-refresh');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REGISTER_REFRESH_RUNNING');

    const audit = await context.dataSource.query(
      `SELECT actor_id, action, changes FROM audit_events WHERE entity_type = 'business_register_refresh'`,
    );
    expect(audit).toEqual([{ actor_id: admin.me.id, action: 'start', changes: { total: [null, 1] } }]);
  });

  it('keeps to the configured pace: no request before the job row says it is time', async () => {
    for (const name of ['Eka Oy', 'Toka Oy', 'Kolmas Oy']) await createEmployer(name, nextBusinessId());
    await admin.post('/api/business-register-refresh');

    expect((await refresh().step()).kind).toBe('checked');
    expect(register.requests).toHaveLength(1);
    // 5 requests a second: the next may go 200 ms after the first, not sooner.
    expect(await refresh().step()).toEqual({ kind: 'wait', waitMs: 200 });
    time.advance(199);
    expect(await refresh().step()).toEqual({ kind: 'wait', waitMs: 1 });
    expect(register.requests).toHaveLength(1);
    time.advance(1);
    expect((await refresh().step()).kind).toBe('checked');
    expect(register.requests).toHaveLength(2);

    const state = (await admin.get('/api/business-register-refresh')).body;
    expect(state.job).toMatchObject({ status: 'running', progress: 2, total: 3 });
  });

  it('ends a situation on its end date by the Helsinki calendar, also before 02:00 when UTC is a day behind', async () => {
    time.setTo('2026-03-01T22:30:00.000Z'); // Helsinki 2.3. 00.30
    const restructured = nextBusinessId();
    register.company(
      restructured,
      prhCompany(restructured, 'Saneerattu Oy', {
        companySituations: [{ type: 'SANE', registrationDate: '2025-06-01', endDate: '2026-03-02', source: '1' }],
      }),
    );
    const id = await createEmployer('Saneerattu Oy', restructured);
    await admin.post('/api/business-register-refresh');
    expect((await runToEnd()).at(-1)).toBe('done');
    expect((await admin.get(`/api/employers/${id}`)).body.register).toMatchObject({ situations: [], flags: [] });
  });

  it('stores the register facts beside the employer and flags what needs a look, never touching its own fields', async () => {
    const bankrupt = nextBusinessId();
    const ceased = nextBusinessId();
    const renamed = nextBusinessId();
    const missing = nextBusinessId();
    const healthy = nextBusinessId();
    register
      .company(
        bankrupt,
        prhCompany(bankrupt, 'Konkurssi Oy', {
          companySituations: [
            { type: 'KONK', registrationDate: '2026-01-15', source: '1' },
            // An ended restructuring is no longer a flag.
            { type: 'SANE', registrationDate: '2024-01-01', endDate: '2025-01-01', source: '1' },
          ],
        }),
      )
      .company(ceased, prhCompany(ceased, 'Lopettanut Oy', { endDate: '2025-12-31' }))
      .company(renamed, prhCompany(renamed, 'Uusi Nimi Oy'))
      .company(healthy, prhCompany(healthy, 'TERVE OY'));
    const ids = {
      bankrupt: await createEmployer('Konkurssi Oy', bankrupt),
      ceased: await createEmployer('Lopettanut Oy', ceased),
      renamed: await createEmployer('Vanha Nimi Oy', renamed),
      missing: await createEmployer('Tuntematon Oy', missing),
      healthy: await createEmployer('Terve Oy', healthy),
      withoutId: await createEmployer('Ei tunnusta Oy', null),
    };
    const before = (await admin.get(`/api/employers/${ids.renamed}`)).body;

    await admin.post('/api/business-register-refresh');
    expect(await runToEnd()).toEqual([
      ...['checked', 'wait', 'checked', 'wait', 'checked', 'wait', 'checked', 'wait', 'checked', 'wait'],
      'done',
    ]);
    expect(register.askedIds).toEqual([bankrupt, ceased, renamed, missing, healthy]);

    const flagsOf = async (id: number) => (await admin.get(`/api/employers/${id}`)).body.register;
    expect(await flagsOf(ids.bankrupt)).toMatchObject({
      found: true,
      situations: ['bankruptcy'],
      flags: ['bankruptcy'],
    });
    expect(await flagsOf(ids.ceased)).toMatchObject({ ceasedOn: '2025-12-31', flags: ['ceased'] });
    expect(await flagsOf(ids.missing)).toMatchObject({ found: false, name: null, flags: ['not_found'] });
    expect(await flagsOf(ids.healthy)).toMatchObject({ found: true, name: 'TERVE OY', flags: [] });
    expect(await flagsOf(ids.withoutId)).toBeNull();
    const after = (await admin.get(`/api/employers/${ids.renamed}`)).body;
    expect(after.register).toEqual({
      found: true,
      name: 'Uusi Nimi Oy',
      situations: [],
      ceasedOn: null,
      checkedAt: '2026-03-02T08:00:00.400Z',
      flags: ['name_changed'],
    });
    // The CRM's own record is as it was: same name, same version (a user's open edit does not go stale).
    expect(after).toMatchObject({ name: 'Vanha Nimi Oy', version: before.version, updatedAt: before.updatedAt });

    const job = (await admin.get('/api/business-register-refresh')).body.job;
    expect(job).toMatchObject({
      status: 'done',
      progress: 5,
      total: 5,
      changed: 5,
      flagged: 4,
      notFound: 1,
      failed: 0,
    });

    const flagged = await admin.get(`/api/employers?registerFlags=true&campusGroupId=${groupId}`);
    expect(flagged.body.items.map((item: { id: number }) => item.id).sort()).toEqual(
      [ids.bankrupt, ids.ceased, ids.renamed, ids.missing].sort(),
    );
    expect(flagged.body.total).toBe(4);
    const listed = flagged.body.items.find((item: { id: number }) => item.id === ids.renamed);
    expect(listed.registerFlags).toEqual(['name_changed']);

    const audit = await context.dataSource.query(
      `SELECT actor_id, changes FROM audit_events WHERE action = 'register_check' AND entity_id = $1`,
      [ids.bankrupt],
    );
    expect(audit).toEqual([
      {
        actor_id: admin.me.id,
        changes: {
          registerFound: [null, true],
          registerName: [null, 'Konkurssi Oy'],
          registerSituations: [[], ['bankruptcy']],
          registerFlags: [[], ['bankruptcy']],
        },
      },
    ]);

    // A second run finds nothing new: no changes, no audit rows.
    await admin.post('/api/business-register-refresh');
    await runToEnd();
    const second = (await admin.get('/api/business-register-refresh')).body.job;
    expect(second).toMatchObject({ status: 'done', progress: 5, changed: 0, flagged: 4 });
    const checks = await context.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'register_check'`,
    );
    expect(checks[0].n).toBe(5);
  });

  it('shows a campus member the flags of their own groups’ employers only', async () => {
    const otherGroup = await context.createCampusGroup('Toinen ryhmä');
    const mine = nextBusinessId();
    const theirs = nextBusinessId();
    const mineId = await createEmployer('Oma Oy', mine);
    const theirsId = await createEmployer('Muiden Oy', theirs, otherGroup);
    await admin.post('/api/business-register-refresh');
    await runToEnd();

    const member = await context.signedIn('campus_member', [groupId]);
    const list = await member.get('/api/employers?registerFlags=true');
    expect(list.body.items.map((item: { id: number }) => item.id)).toEqual([mineId]);
    expect((await member.get(`/api/employers/${mineId}`)).body.register.flags).toEqual(['not_found']);
    expect((await member.get(`/api/employers/${theirsId}`)).status).toBe(404);
  });

  it('resumes from the cursor on another instance after the first one stopped midway', async () => {
    const businessIds = [nextBusinessId(), nextBusinessId(), nextBusinessId(), nextBusinessId()];
    for (const [index, businessId] of businessIds.entries()) await createEmployer(`Jatko ${index} Oy`, businessId);
    await admin.post('/api/business-register-refresh');

    // A first instance does two employers, then goes away (a restart, a deploy).
    const first = await createApp(context.config, context.database.url);
    await first.init();
    time.attach(first);
    const onFirst = first.select(BusinessRegisterModule).get(RegisterRefreshService);
    expect((await onFirst.step()).kind).toBe('checked');
    time.advance(200);
    expect((await onFirst.step()).kind).toBe('checked');
    await first.close();
    expect((await admin.get('/api/business-register-refresh')).body.job).toMatchObject({ progress: 2, total: 4 });

    // This instance knows nothing of it but the job's row: it goes on from the third employer.
    time.advance(200);
    await runToEnd();
    expect(register.askedIds).toEqual(businessIds);
    expect((await admin.get('/api/business-register-refresh')).body.job).toMatchObject({
      status: 'done',
      progress: 4,
    });
  });

  it('lets only one instance work on the job at a time (the row lock)', async () => {
    const slow = nextBusinessId();
    register.answer(slow, 'hang');
    await createEmployer('Hidas Oy', slow);
    await admin.post('/api/business-register-refresh');
    const other = await createApp(context.config, context.database.url);
    await other.init();
    try {
      time.attach(other);
      const working = refresh().step();
      while (register.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      // The other instance finds the job held and skips it instead of asking the register too.
      expect(await other.select(BusinessRegisterModule).get(RegisterRefreshService).step()).toEqual({ kind: 'idle' });
      expect(await working).toEqual({ kind: 'retry', waitMs: RETRY_BASE_MS });
      expect(register.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('waits longer after each unanswered request, stops as failed, and resumes from the cursor when started again', async () => {
    const fine = nextBusinessId();
    const down = nextBusinessId();
    const last = nextBusinessId();
    register.company(fine, prhCompany(fine, 'Hyvä Oy'));
    register.answer(down, { status: 500, body: { message: 'Internal error' } });
    for (const [name, businessId] of [
      ['Hyvä Oy', fine],
      ['Katkos Oy', down],
      ['Viimeinen Oy', last],
    ]) {
      await createEmployer(name, businessId);
    }
    await admin.post('/api/business-register-refresh');
    const kinds = await runToEnd();
    expect(kinds.filter((kind) => kind === 'retry')).toHaveLength(MAX_RETRIES - 1);
    expect(kinds.at(-1)).toBe('failed');
    const failed = (await admin.get('/api/business-register-refresh')).body.job;
    expect(failed).toMatchObject({ status: 'failed', error: 'BUSINESS_REGISTER_UNAVAILABLE', progress: 1 });

    register.company(down, prhCompany(down, 'Katkos Oy'));
    const resumed = await admin.post('/api/business-register-refresh');
    expect(resumed.status).toBe(202);
    expect(resumed.body.job).toMatchObject({ id: failed.id, status: 'running', progress: 1, total: 3, error: null });
    await runToEnd();
    expect(register.askedIds.filter((id) => id === fine)).toHaveLength(1);
    expect(register.askedIds.at(-1)).toBe(last);
    expect((await admin.get('/api/business-register-refresh')).body.job).toMatchObject({
      id: failed.id,
      status: 'done',
      progress: 3,
    });
  });
});
