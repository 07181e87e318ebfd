import { addDays, type FollowUpDto, helsinkiDate, type HomeDto, RECENT_EMPLOYERS_KEPT } from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import { insertEmployer } from '../../test/fixtures';
import { type Client, startTestApp, type TestContext } from '../../test/test-app';
import { DEMO_PASSWORD, DEMO_USERS } from '../../tools/seed/demo-data';
import { seedDemo } from '../../tools/seed/seed-demo';
import { SharedChanges } from '../cache/shared-changes';
import { dataSourceOptions } from '../database/data-source';

type Of<R extends HomeDto['role']> = Extract<HomeDto, { role: R }>;

describe('home API', () => {
  let context: TestContext;
  let north: number;
  let south: number;
  let admin: Client & { me: { id: number } };

  beforeAll(async () => {
    context = await startTestApp();
    north = await context.createCampusGroup('Pohjoinen');
    south = await context.createCampusGroup('Etelä');
    admin = await context.signedIn('admin');
  });
  afterAll(() => context.close());

  const followUp = async (employerId: number, assigneeId: number, dueOffset: number, title: string) => {
    const response = await admin.post('/api/follow-ups', {
      employerId,
      assigneeId,
      title,
      dueDate: addDays(helsinkiDate(), dueOffset),
    });
    expect(response.status).toBe(201);
    return response.body as FollowUpDto;
  };
  const titles = (items: { title: string }[]) => items.map((item) => item.title);
  const home = async <R extends HomeDto['role']>(client: Client, role: R): Promise<Of<R>> => {
    const response = await client.get('/api/home');
    expect(response.status).toBe(200);
    expect(response.body.role).toBe(role);
    return response.body as Of<R>;
  };

  it("gives an account manager their overdue, today's and this week's follow-ups, with totals", async () => {
    const manager = await context.signedIn('account_manager');
    const other = await context.createUser('account_manager');
    const employer = await insertEmployer(context.dataSource, { name: 'Päivä Oy', ownerCampusGroupId: north });
    for (const [title, offset] of [
      ['late2', -2],
      ['late5', -5],
      ['today', 0],
      ['in3', 3],
      ['in6', 6],
      ['in7', 7],
    ] as const) {
      await followUp(employer, manager.me.id, offset, title);
    }
    const done = await followUp(employer, manager.me.id, 0, 'doneToday');
    await manager.post(`/api/follow-ups/${done.id}/complete`, { version: done.version });
    await followUp(employer, other, -1, 'someone else');

    const day = await home(manager, 'account_manager');
    expect(day.today).toBe(helsinkiDate());
    expect(titles(day.followUps.overdue.items)).toEqual(['late5', 'late2']);
    expect(day.followUps.overdue.total).toBe(2);
    expect(day.followUps.overdue.items[0]).toMatchObject({ overdue: true, employerName: 'Päivä Oy', version: 1 });
    expect(titles(day.followUps.today.items)).toEqual(['today']);
    expect(titles(day.followUps.week.items)).toEqual(['in3', 'in6']);
    expect(day.followUps.week.total).toBe(2);
  });

  it('caps each section at ten items but counts them all', async () => {
    const manager = await context.signedIn('account_manager');
    const employer = await insertEmployer(context.dataSource, { name: 'Kiire Oy', ownerCampusGroupId: north });
    for (let n = 1; n <= 12; n += 1) await followUp(employer, manager.me.id, -n, `late${n}`);
    const day = await home(manager, 'account_manager');
    expect(day.followUps.overdue.items).toHaveLength(10);
    expect(day.followUps.overdue.total).toBe(12);
    expect(day.followUps.overdue.items[0].title).toBe('late12');
  });

  it("lists an account manager's own employers without contact in 90 days, never contacted first", async () => {
    const manager = await context.signedIn('account_manager');
    const mine = (name: string) =>
      insertEmployer(context.dataSource, { name, ownerCampusGroupId: north, accountManagerId: manager.me.id });
    const never = await mine('Ei koskaan Oy');
    const old = await mine('Vanha kontakti Oy');
    const recent = await mine('Tuore kontakti Oy');
    const archived = await mine('Arkistoitu Oy');
    const notMine = await insertEmployer(context.dataSource, { name: 'Muiden Oy', ownerCampusGroupId: north });
    await context.dataSource.query(
      `UPDATE employers SET last_contact_at = CASE id WHEN $1 THEN now() - interval '120 days'
                                                      WHEN $2 THEN now() - interval '10 days' END
        WHERE id IN ($1, $2)`,
      [old, recent],
    );
    await context.dataSource.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [archived]);
    const day = await home(manager, 'account_manager');
    expect(day.quietEmployers.items.map((e) => e.id)).toEqual([never, old]);
    expect(day.quietEmployers.total).toBe(2);
    expect(day.quietEmployers.items[0].lastContactAt).toBeNull();
    expect(day.quietEmployers.items.map((e) => e.id)).not.toContain(notMine);
  });

  it('remembers the employers a user opened, latest first, keeping ten', async () => {
    const manager = await context.signedIn('account_manager');
    const ids: number[] = [];
    for (let n = 0; n < RECENT_EMPLOYERS_KEPT + 2; n += 1) {
      ids.push(await insertEmployer(context.dataSource, { name: `Katsottu ${n} Oy`, ownerCampusGroupId: north }));
    }
    for (const id of ids) {
      expect((await manager.post('/api/home/recent-employers', { employerId: id })).status).toBe(204);
    }
    // Opening one again moves it to the front.
    await manager.post('/api/home/recent-employers', { employerId: ids[5] });
    const day = await home(manager, 'account_manager');
    const expected = [
      ids[5],
      ...ids
        .slice(2)
        .reverse()
        .filter((id) => id !== ids[5]),
    ];
    expect(day.recentEmployers.map((e) => e.id)).toEqual(expected);
    const [{ kept }] = await context.dataSource.query(
      `SELECT count(*)::int AS kept FROM recent_employer_views WHERE user_id = $1`,
      [manager.me.id],
    );
    expect(kept).toBe(RECENT_EMPLOYERS_KEPT);

    const bad = await manager.post('/api/home/recent-employers', { employerId: 'x', extra: 1 });
    expect(bad.status).toBe(400);
    expect((await manager.post('/api/home/recent-employers', { employerId: 999_999 })).status).toBe(404);
    expect((await manager.get('/api/home?limit=5')).status).toBe(400);
  });

  it("shows a campus member their groups' essentials, their follow-ups and views, nothing of other groups", async () => {
    const member = await context.signedIn('campus_member', [south]);
    const own = await insertEmployer(context.dataSource, { name: 'Oma Oy', ownerCampusGroupId: south });
    const shared = await insertEmployer(context.dataSource, {
      name: 'Yhteinen Oy',
      ownerCampusGroupId: north,
      campusGroupIds: [south],
    });
    const hidden = await insertEmployer(context.dataSource, { name: 'Salainen Oy', ownerCampusGroupId: north });
    await context.dataSource.query(`UPDATE employers SET last_contact_at = now() WHERE id = $1`, [shared]);
    await followUp(own, member.me.id, -1, 'own late');
    await followUp(shared, member.me.id, 0, 'shared today');
    await followUp(shared, admin.me.id, -3, 'colleague late');
    // Assigned to the member on an employer outside their groups (they were moved since): not theirs to see
    // (inserted directly: the API would no longer assign it to them).
    await context.dataSource.query(
      `INSERT INTO follow_ups (employer_id, title, due_date, assignee_id) VALUES ($1, 'hidden late', current_date - 1, $2)`,
      [hidden, member.me.id],
    );
    await context.dataSource.query(
      `INSERT INTO opportunities (employer_id, title, type, stage, campus_group_id, expected_places)
       VALUES ($1, 'Paikat', 'training_agreement', 'negotiating', $2, 3), ($1, 'Voitettu', 'training_agreement', 'won', $2, 5)`,
      [own, south],
    );
    expect((await member.post('/api/home/recent-employers', { employerId: own })).status).toBe(204);
    expect((await member.post('/api/home/recent-employers', { employerId: hidden })).status).toBe(404);
    // A view recorded while the member could still read the employer.
    await context.dataSource.query(`INSERT INTO recent_employer_views (user_id, employer_id) VALUES ($1, $2)`, [
      member.me.id,
      hidden,
    ]);

    const day = await home(member, 'campus_member');
    expect(day.groups).toEqual([
      {
        id: south,
        name: 'Etelä',
        campus: 'Pääkampus',
        employers: 2,
        noContact: 1,
        openFollowUps: 3,
        overdueFollowUps: 2,
        openOpportunities: 1,
        openPlaces: 3,
      },
    ]);
    expect(titles(day.followUps.overdue.items)).toEqual(['own late']);
    expect(titles(day.followUps.today.items)).toEqual(['shared today']);
    expect(day.recentEmployers.map((e) => e.id)).toEqual([own]);
    expect(JSON.stringify(day)).not.toContain('Salainen');
    expect(JSON.stringify(day)).not.toContain('hidden late');
  });

  it('gives leadership three figures with twelve weekly points, counting every group', async () => {
    const leader = await context.signedIn('leadership');
    const before = await home(leader, 'leadership');
    const employer = await insertEmployer(context.dataSource, { name: 'Luku Oy', ownerCampusGroupId: north });
    const author = await context.createUser('account_manager');
    await context.dataSource.query(
      `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, created_by)
       VALUES ($1, 'phone', now(), 'Soitto', $2, $3),
              -- A week back on Helsinki's clock, so last week's point: 168 h back, in the first hour
              -- of the Monday after summer time began, is two weeks back.
              ($1, 'email', (now() AT TIME ZONE 'Europe/Helsinki' - interval '7 days') AT TIME ZONE 'Europe/Helsinki',
               'Posti', $2, $3)`,
      [employer, north, author],
    );
    await followUp(employer, author, -1, 'johdon myöhässä');
    // A write through the API: the remembered figures are recomputed after it.
    const after = await home(leader, 'leadership');
    const figure = (day: Of<'leadership'>, key: string) => day.figures.find((f) => f.key === key)!;
    expect(after.figures.map((f) => f.key)).toEqual(['contacts', 'placesWon', 'overdueFollowUps']);
    for (const f of after.figures) expect(f.series).toHaveLength(12);
    expect(figure(after, 'contacts').value - figure(before, 'contacts').value).toBe(2);
    expect(figure(after, 'contacts').series.at(-1)! + figure(after, 'contacts').series.at(-2)!).toBeGreaterThanOrEqual(
      2,
    );
    expect(figure(after, 'overdueFollowUps').value - figure(before, 'overdueFollowUps').value).toBe(1);
    expect(new Date(`${figure(after, 'contacts').seriesFrom}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('gives an admin the users and groups that need attention', async () => {
    const empty = await context.createCampusGroup('Tyhjä ryhmä');
    const lonely = await context.createUser('campus_member');
    const signedIn = await context.signedIn('campus_member', [north]);
    const day = await home(admin, 'admin');
    const user = day.users.items.find((u) => u.id === lonely);
    expect(user?.reasons).toEqual(['never_signed_in', 'no_campus_group']);
    expect(day.users.items.map((u) => u.id)).not.toContain(signedIn.me.id);
    expect(day.groups.items.find((g) => g.id === empty)?.reasons).toEqual(['no_members', 'no_employers']);
    expect(day.groups.total).toBeGreaterThanOrEqual(1);
  });

  describe('remembered until a change', () => {
    /** What another app instance's loop does within SHARED_CHANGES_POLL_MS: read the shared counters. */
    const seeOtherProcesses = () => context.app.get(SharedChanges).poll();
    /** The feature statements one request runs (session lookups left out). */
    const statementsOf = async (run: () => Promise<unknown>): Promise<string[]> => {
      const spy = jest.spyOn(context.dataSource, 'query');
      try {
        await run();
        // A prepared statement arrives as pg's { name, text }.
        const textOf = (sql: unknown) => (typeof sql === 'string' ? sql : (sql as { text: string }).text);
        return spy.mock.calls.map(([sql]) => textOf(sql)).filter((sql) => !/\bsessions\b/.test(sql));
      } finally {
        spy.mockRestore();
      }
    };

    it('reads only the recently viewed employers again while nothing has changed', async () => {
      const manager = await context.signedIn('account_manager');
      const employer = await insertEmployer(context.dataSource, { name: 'Muisti Oy', ownerCampusGroupId: north });
      await followUp(employer, manager.me.id, -1, 'muistettu');
      await seeOtherProcesses();
      const first = await home(manager, 'account_manager');
      await seeOtherProcesses();
      const statements = await statementsOf(() => home(manager, 'account_manager'));
      expect(statements).toHaveLength(1);
      expect(statements[0]).toContain('recent_employer_views');
      expect(await home(manager, 'account_manager')).toEqual(first);
    });

    it('drops a follow-up completed through the API, or by another process, at once', async () => {
      const manager = await context.signedIn('account_manager');
      const employer = await insertEmployer(context.dataSource, { name: 'Valmis Oy', ownerCampusGroupId: north });
      const viaApi = await followUp(employer, manager.me.id, -1, 'api-valmis');
      const viaOther = await followUp(employer, manager.me.id, 0, 'toisen valmis');
      expect(titles((await home(manager, 'account_manager')).followUps.overdue.items)).toEqual(['api-valmis']);

      const done = await manager.post(`/api/follow-ups/${viaApi.id}/complete`, { version: viaApi.version });
      expect(done.status).toBe(200);
      expect((await home(manager, 'account_manager')).followUps.overdue.items).toEqual([]);

      expect(titles((await home(manager, 'account_manager')).followUps.today.items)).toEqual(['toisen valmis']);
      // Another instance's write reaches this one through the shared counters its triggers moved.
      await context.dataSource.query(`UPDATE follow_ups SET status = 'done', completed_at = now() WHERE id = $1`, [
        viaOther.id,
      ]);
      await seeOtherProcesses();
      expect((await home(manager, 'account_manager')).followUps.today.items).toEqual([]);
    });

    it('shows an employer view at once, also one another process recorded (it moves no shared counter)', async () => {
      const manager = await context.signedIn('account_manager');
      const opened = await insertEmployer(context.dataSource, { name: 'Avattu Oy', ownerCampusGroupId: north });
      const elsewhere = await insertEmployer(context.dataSource, {
        name: 'Muualla avattu Oy',
        ownerCampusGroupId: north,
      });
      await seeOtherProcesses();
      expect((await home(manager, 'account_manager')).recentEmployers).toEqual([]);

      expect((await manager.post('/api/home/recent-employers', { employerId: opened })).status).toBe(204);
      expect((await home(manager, 'account_manager')).recentEmployers.map((e) => e.id)).toEqual([opened]);

      await seeOtherProcesses();
      const counted = async () =>
        (await context.dataSource.query(`SELECT sum(data_changes)::text AS n FROM shared_changes`))[0].n as string;
      const before = await counted();
      await context.dataSource.query(
        `INSERT INTO recent_employer_views (user_id, employer_id, viewed_at) VALUES ($1, $2, now() + interval '1 second')`,
        [manager.me.id, elsewhere],
      );
      expect(await counted()).toBe(before);
      expect((await home(manager, 'account_manager')).recentEmployers.map((e) => e.id)).toEqual([elsewhere, opened]);
    });

    it('starts a new day at Helsinki midnight without any change', async () => {
      const manager = await context.signedIn('account_manager');
      const employer = await insertEmployer(context.dataSource, { name: 'Huomenna Oy', ownerCampusGroupId: north });
      await followUp(employer, manager.me.id, 0, 'tänään');
      const today = helsinkiDate();
      // Only Date is faked: the database, the sockets and the shared counters' loop keep real time.
      // Midday of yesterday's date, not 24 h ago: around a DST change that is today or two days ago.
      jest.useFakeTimers({
        now: new Date(`${addDays(today, -1)}T10:00:00Z`),
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
      let yesterday: Of<'account_manager'>;
      try {
        yesterday = await home(manager, 'account_manager');
      } finally {
        jest.useRealTimers();
      }
      expect(yesterday.today).toBe(addDays(today, -1));
      expect(titles(yesterday.followUps.week.items)).toEqual(['tänään']);
      expect(yesterday.followUps.today.items).toEqual([]);

      const now = await home(manager, 'account_manager');
      expect(now.today).toBe(today);
      expect(titles(now.followUps.today.items)).toEqual(['tänään']);
      expect(now.followUps.week.items).toEqual([]);
    });

    it("follows a campus member's group membership, changed by an admin or by another process", async () => {
      const east = await context.createCampusGroup('Itä');
      const member = await context.signedIn('campus_member', [south]);
      const inEast = await insertEmployer(context.dataSource, { name: 'Idän Oy', ownerCampusGroupId: east });
      // Inserted directly: the API assigns follow-ups only to people who may see the employer.
      await context.dataSource.query(
        `INSERT INTO follow_ups (employer_id, title, due_date, assignee_id) VALUES ($1, 'idän myöhässä', $2, $3)`,
        [inEast, addDays(helsinkiDate(), -1), member.me.id],
      );
      await seeOtherProcesses();
      const before = await home(member, 'campus_member');
      expect(before.groups.map((g) => g.id)).toEqual([south]);
      expect(before.followUps.overdue.items).toEqual([]);

      const user = await admin.get(`/api/users/${member.me.id}`);
      const moved = await admin.patch(`/api/users/${member.me.id}`, {
        version: user.body.version,
        campusGroupIds: [east],
      });
      expect(moved.status).toBe(200);
      const after = await home(member, 'campus_member');
      expect(after.groups.map((g) => g.id)).toEqual([east]);
      expect(titles(after.followUps.overdue.items)).toEqual(['idän myöhässä']);

      // Back to the first group by another instance: the session and the Home follow the counters.
      await context.dataSource.query(`UPDATE user_campus_groups SET campus_group_id = $2 WHERE user_id = $1`, [
        member.me.id,
        south,
      ]);
      await seeOtherProcesses();
      const back = await home(member, 'campus_member');
      expect(back.groups.map((g) => g.id)).toEqual([south]);
      expect(back.followUps.overdue.items).toEqual([]);
    });
  });

  it('refuses a signed-out caller', async () => {
    const anonymous = await context.client();
    expect((await anonymous.get('/api/home')).status).toBe(401);
  });
});

describe('home API on the demo data', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await startTestApp();
    // As the owner, as `npm run seed:demo` runs.
    const owner = await new DataSource(dataSourceOptions(context.database.ownerUrl)).initialize();
    try {
      await seedDemo(owner);
    } finally {
      await owner.destroy();
    }
  });
  afterAll(() => context.close());

  const signIn = async (email: string) => {
    const client = await context.client();
    expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
    return client;
  };

  it('agrees with the follow-up lists for every account manager and campus member', async () => {
    for (const user of DEMO_USERS.filter((u) => u.role === 'account_manager' || u.role === 'campus_member')) {
      const client = await signIn(user.email);
      const day = (await client.get('/api/home')).body as Of<'account_manager'> | Of<'campus_member'>;
      for (const due of ['overdue', 'week'] as const) {
        const list = await client.get(`/api/follow-ups?assignee=me&status=open&due=${due}&limit=200`);
        const inSection =
          due === 'overdue' ? day.followUps.overdue : { total: day.followUps.today.total + day.followUps.week.total };
        expect({ user: user.email, due, total: inSection.total }).toEqual({
          user: user.email,
          due,
          total: list.body.total,
        });
      }
    }
  });

  it('never shows a campus member a row of an employer outside their groups', async () => {
    const member = DEMO_USERS.find((u) => u.role === 'campus_member' && u.groups.length === 1)!;
    const client = await signIn(member.email);
    const [{ id: userId }] = await context.dataSource.query(`SELECT id FROM users WHERE email = $1`, [member.email]);
    const outside: { id: number }[] = await context.dataSource.query(
      `SELECT e.id FROM employers e WHERE NOT EXISTS (
         SELECT 1 FROM employer_campus_groups l JOIN user_campus_groups m ON m.campus_group_id = l.campus_group_id
          WHERE l.employer_id = e.id AND m.user_id = $1) ORDER BY e.id LIMIT 3`,
      [userId],
    );
    expect(outside).toHaveLength(3);
    // Rows the member may not read, put where home looks: views and overdue follow-ups assigned to them.
    for (const { id } of outside) {
      await context.dataSource.query(`INSERT INTO recent_employer_views (user_id, employer_id) VALUES ($1, $2)`, [
        userId,
        id,
      ]);
      await context.dataSource.query(
        `INSERT INTO follow_ups (employer_id, title, due_date, assignee_id) VALUES ($1, 'Ulkopuolinen', current_date - 3, $2)`,
        [id, userId],
      );
    }
    // Written as another process would: this one sees it through the shared counters.
    await context.app.get(SharedChanges).poll();
    const day = (await client.get('/api/home')).body as Of<'campus_member'>;
    const employerIds = [
      ...day.recentEmployers.map((e) => e.id),
      ...[day.followUps.overdue, day.followUps.today, day.followUps.week].flatMap((s) =>
        s.items.map((f) => f.employerId),
      ),
    ];
    expect(employerIds.filter((id) => outside.some((o) => o.id === id))).toEqual([]);
    expect(JSON.stringify(day)).not.toContain('Ulkopuolinen');
    expect(day.groups.map((g) => g.id).sort()).toEqual(
      (
        await context.dataSource.query(`SELECT campus_group_id AS id FROM user_campus_groups WHERE user_id = $1`, [
          userId,
        ])
      )
        .map((row: { id: number }) => row.id)
        .sort(),
    );
  });
});
