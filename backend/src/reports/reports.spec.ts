import type { DataSource } from 'typeorm';
import { refreshEmployerActivity } from '../employers';
import { insertEmployer } from '../../test/fixtures';
import { useFixture, useTestApp } from '../../test/test-app';

const DAY = 86_400_000;
const daysSince = (iso: string) => Math.floor((Date.now() - Date.parse(iso)) / DAY);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function insertOpportunity(
  dataSource: DataSource,
  values: { employerId: number; campusGroupId: number; title: string; type: string; places: number | null },
  /** Stage moves in order: [stage, ISO time]; the first is the creation. */
  moves: [string, string][],
): Promise<number> {
  const [stage, stageChangedAt] = moves[moves.length - 1];
  const [{ id }] = await dataSource.query(
    `INSERT INTO opportunities (employer_id, title, type, expected_places, campus_group_id, stage, lost_reason, stage_changed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      values.employerId,
      values.title,
      values.type,
      values.places,
      values.campusGroupId,
      stage,
      stage === 'lost' ? 'Ei tilaa' : null,
      stageChangedAt,
      moves[0][1],
    ],
  );
  let from: string | null = null;
  for (const [to, at] of moves) {
    await dataSource.query(
      `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_at) VALUES ($1, $2, $3, $4)`,
      [id, from, to, at],
    );
    from = to;
  }
  return id;
}

async function insertEntry(
  dataSource: DataSource,
  employerId: number,
  campusGroupId: number,
  type: string,
  occurredAt: string,
) {
  await dataSource.query(
    `INSERT INTO contact_entries (employer_id, campus_group_id, type, occurred_at, summary) VALUES ($1, $2, $3, $4, 'Yhteydenotto')`,
    [employerId, campusGroupId, type, occurredAt],
  );
}

async function insertFollowUp(
  dataSource: DataSource,
  values: {
    employerId: number;
    assigneeId: number;
    dueDate: string;
    status?: string;
    completedAt?: string;
    title?: string;
  },
) {
  await dataSource.query(
    `INSERT INTO follow_ups (employer_id, assignee_id, title, due_date, status, completed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      values.employerId,
      values.assigneeId,
      values.title ?? 'Seuranta',
      values.dueDate,
      values.status ?? 'open',
      values.completedAt ?? null,
    ],
  );
}

/**
 * A small fixed data set (see the hand computations in each test): group A (north) has Alfa, Beta,
 * Tuore and an archived employer; group B (south) has Gamma.
 */
describe('reports API', () => {
  const context = useTestApp();
  const ids: Record<string, number> = {};
  const given = useFixture(async () => {
    const db = context.dataSource;
    const north = await context.createCampusGroup('Pohjoinen');
    const south = await context.createCampusGroup('Etelä');
    const admin = await context.signedIn('admin');
    const memberNorth = await context.signedIn('campus_member', [north]);
    const memberSouth = await context.signedIn('campus_member', [south]);
    const assignee = await context.createUser('account_manager');

    const alfa = await insertEmployer(db, { name: 'Alfa Oy', ownerCampusGroupId: north });
    const beta = await insertEmployer(db, { name: 'Beta Oy', ownerCampusGroupId: north });
    const tuore = await insertEmployer(db, { name: 'Tuore Oy', ownerCampusGroupId: north });
    const gamma = await insertEmployer(db, { name: 'Gamma Oy', ownerCampusGroupId: south });
    const archived = await insertEmployer(db, { name: 'Arkisto Oy', ownerCampusGroupId: north });
    await db.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [archived]);

    ids.o1 = await insertOpportunity(
      db,
      { employerId: alfa, campusGroupId: north, title: 'Neuvottelu', type: 'training_agreement', places: 3 },
      [
        ['identified', '2026-01-05T10:00:00Z'],
        ['contacted', '2026-01-15T10:00:00Z'],
        ['negotiating', '2026-02-04T10:00:00Z'],
      ],
    );
    ids.o2 = await insertOpportunity(
      db,
      { employerId: alfa, campusGroupId: north, title: 'Voitettu', type: 'training_agreement', places: 2 },
      [
        ['identified', '2026-01-10T10:00:00Z'],
        ['won', '2026-01-20T10:00:00Z'],
      ],
    );
    ids.o3 = await insertOpportunity(
      db,
      { employerId: beta, campusGroupId: north, title: 'Menetetty', type: 'apprenticeship', places: 1 },
      [
        ['identified', '2026-02-01T10:00:00Z'],
        ['contacted', '2026-02-06T10:00:00Z'],
        ['lost', '2026-02-16T10:00:00Z'],
      ],
    );
    ids.o4 = await insertOpportunity(
      db,
      { employerId: gamma, campusGroupId: south, title: 'Uusi', type: 'training_agreement', places: 5 },
      [['identified', '2026-02-10T10:00:00Z']],
    );
    ids.o5 = await insertOpportunity(
      db,
      { employerId: gamma, campusGroupId: south, title: 'Rekry', type: 'recruitment', places: null },
      [
        ['identified', '2026-03-01T00:00:00Z'],
        ['contacted', '2026-03-03T00:00:00Z'],
        ['won', '2026-03-08T00:00:00Z'],
      ],
    );
    // Created before the period.
    ids.o6 = await insertOpportunity(
      db,
      { employerId: beta, campusGroupId: north, title: 'Vanha', type: 'training_agreement', places: 4 },
      [
        ['identified', '2025-12-20T10:00:00Z'],
        ['contacted', '2026-01-02T10:00:00Z'],
      ],
    );

    await insertEntry(db, alfa, north, 'phone', '2026-01-31T22:30:00Z'); // Helsinki Sun 1.2. 00:30
    await insertEntry(db, alfa, north, 'phone', '2026-02-27T10:00:00Z'); // Fri 27.2.
    await insertEntry(db, alfa, north, 'email', '2026-03-01T22:30:00Z'); // Helsinki Mon 2.3. 00:30
    await insertEntry(db, beta, north, 'phone', '2026-03-01T21:30:00Z'); // Helsinki Sun 1.3. 23:30
    await insertEntry(db, gamma, south, 'meeting', '2026-03-10T09:00:00Z');
    await insertEntry(db, gamma, south, 'phone', '2026-03-31T21:30:00Z'); // Helsinki 1.4. 00:30 (summer time)
    await insertEntry(db, gamma, south, 'phone', daysAgo(2));
    await insertEntry(db, tuore, north, 'workplace_visit', daysAgo(100));

    await insertFollowUp(db, {
      employerId: alfa,
      assigneeId: assignee,
      dueDate: '2026-02-10',
      status: 'done',
      completedAt: '2026-02-10T21:30:00Z',
    });
    await insertFollowUp(db, {
      employerId: alfa,
      assigneeId: assignee,
      dueDate: '2026-02-10',
      status: 'done',
      completedAt: '2026-02-10T22:30:00Z',
    });
    await insertFollowUp(db, {
      employerId: beta,
      assigneeId: assignee,
      dueDate: '2026-03-20',
      status: 'done',
      completedAt: '2026-03-05T10:00:00Z',
    });
    await insertFollowUp(db, {
      employerId: alfa,
      assigneeId: memberNorth.me.id,
      dueDate: '2026-03-01',
      title: 'Soita takaisin',
    });
    await insertFollowUp(db, {
      employerId: beta,
      assigneeId: memberNorth.me.id,
      dueDate: '2099-12-31',
      title: 'Käynti',
    });
    await insertFollowUp(db, {
      employerId: gamma,
      assigneeId: assignee,
      dueDate: '2026-03-01',
      status: 'done',
      completedAt: '2026-02-20T10:00:00Z',
    });
    await insertFollowUp(db, { employerId: gamma, assigneeId: assignee, dueDate: '2026-01-01' });
    await insertFollowUp(db, { employerId: alfa, assigneeId: assignee, dueDate: '2026-02-01', status: 'cancelled' });
    await insertFollowUp(db, {
      employerId: alfa,
      assigneeId: assignee,
      dueDate: '2026-02-01',
      status: 'done',
      completedAt: '2026-04-02T10:00:00Z',
    });

    for (const employer of [alfa, beta, tuore, gamma, archived]) await refreshEmployerActivity(db.manager, employer);
    return { north, south, admin, memberNorth, memberSouth, alfa, beta, tuore, gamma };
  });

  describe('GET /api/pipeline/summary', () => {
    const period = 'from=2026-01-01&to=2026-03-31';

    it('counts opportunities created in the period and their places by stage, campus group and type', async () => {
      const response = await given.admin.get(`/api/pipeline/summary?${period}`);
      expect(response.status).toBe(200);
      expect(response.body.rows).toEqual([
        {
          stage: 'identified',
          campusGroupId: given.south,
          campusGroupName: 'Etelä',
          type: 'training_agreement',
          count: 1,
          places: 5,
        },
        {
          stage: 'negotiating',
          campusGroupId: given.north,
          campusGroupName: 'Pohjoinen',
          type: 'training_agreement',
          count: 1,
          places: 3,
        },
        {
          stage: 'won',
          campusGroupId: given.south,
          campusGroupName: 'Etelä',
          type: 'recruitment',
          count: 1,
          places: 0,
        },
        {
          stage: 'won',
          campusGroupId: given.north,
          campusGroupName: 'Pohjoinen',
          type: 'training_agreement',
          count: 1,
          places: 2,
        },
        {
          stage: 'lost',
          campusGroupId: given.north,
          campusGroupName: 'Pohjoinen',
          type: 'apprenticeship',
          count: 1,
          places: 1,
        },
      ]);
      expect(response.body.totalsByStage).toEqual([
        { stage: 'identified', count: 1, places: 5 },
        { stage: 'contacted', count: 0, places: 0 },
        { stage: 'negotiating', count: 1, places: 3 },
        { stage: 'agreed', count: 0, places: 0 },
        { stage: 'won', count: 2, places: 2 },
        { stage: 'lost', count: 1, places: 1 },
      ]);
      expect(response.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    });

    it('computes the win rate from opportunities won or lost within the period', async () => {
      const all = await given.admin.get(`/api/pipeline/summary?${period}`);
      expect(all.body.winRate.won).toBe(2);
      expect(all.body.winRate.lost).toBe(1);
      expect(all.body.winRate.rate).toBeCloseTo(2 / 3, 10);
      const february = await given.admin.get('/api/pipeline/summary?from=2026-02-01&to=2026-02-28');
      expect(february.body.winRate).toEqual({ won: 0, lost: 1, rate: 0 });
      const december = await given.admin.get('/api/pipeline/summary?from=2025-12-01&to=2025-12-31');
      expect(december.body.winRate).toEqual({ won: 0, lost: 0, rate: null });
    });

    it('averages the days spent in each open stage from the stage changes', async () => {
      const recruitment = await given.admin.get(`/api/pipeline/summary?${period}&type=recruitment`);
      expect(recruitment.body.averageDaysInStage).toEqual([
        { stage: 'identified', stays: 1, averageDays: 2 },
        { stage: 'contacted', stays: 1, averageDays: 5 },
        { stage: 'negotiating', stays: 0, averageDays: null },
        { stage: 'agreed', stays: 0, averageDays: null },
      ]);
      // Alfa's two: identified 10 and 10 days; contacted 20; negotiating since 4.2. (still there).
      const training = await given.admin.get(
        `/api/pipeline/summary?${period}&type=training_agreement&campusGroupId=${given.north}`,
      );
      const [identified, contacted, negotiating] = training.body.averageDaysInStage;
      expect(identified).toEqual({ stage: 'identified', stays: 2, averageDays: 10 });
      expect(contacted).toEqual({ stage: 'contacted', stays: 1, averageDays: 20 });
      expect(negotiating.stays).toBe(1);
      expect(negotiating.averageDays).toBeCloseTo((Date.now() - Date.parse('2026-02-04T10:00:00Z')) / DAY, 0);
    });

    it('lists open opportunities idle for 30 days, the longest idle first, measured from the later of stage change and contact', async () => {
      const response = await given.admin.get('/api/pipeline/summary');
      // Gamma's identified opportunity had a contact two days ago; won and lost ones are never stale.
      expect(response.body.stale).toEqual({
        days: 30,
        count: 2,
        items: [
          {
            id: ids.o6,
            title: 'Vanha',
            stage: 'contacted',
            employerId: given.beta,
            employerName: 'Beta Oy',
            daysIdle: daysSince('2026-03-01T21:30:00Z'),
          },
          {
            id: ids.o1,
            title: 'Neuvottelu',
            stage: 'negotiating',
            employerId: given.alfa,
            employerName: 'Alfa Oy',
            daysIdle: daysSince('2026-03-01T22:30:00Z'),
          },
        ],
      });
      const longer = await given.admin.get('/api/pipeline/summary?staleDays=3000');
      expect(longer.body.stale).toEqual({ days: 3000, count: 0, items: [] });
    });

    it('shows a campus member only the opportunities of their own groups employers', async () => {
      const own = await given.memberNorth.get('/api/pipeline/summary');
      expect(own.status).toBe(200);
      expect(own.body.rows.every((row: { campusGroupId: number }) => row.campusGroupId === given.north)).toBe(true);
      expect(own.body.totalsByStage).toEqual([
        { stage: 'identified', count: 0, places: 0 },
        { stage: 'contacted', count: 1, places: 4 },
        { stage: 'negotiating', count: 1, places: 3 },
        { stage: 'agreed', count: 0, places: 0 },
        { stage: 'won', count: 1, places: 2 },
        { stage: 'lost', count: 1, places: 1 },
      ]);
      expect(own.body.winRate).toEqual({ won: 1, lost: 1, rate: 0.5 });
      expect(own.body.stale.count).toBe(2);

      const other = await given.memberSouth.get('/api/pipeline/summary');
      expect(other.body.totalsByStage.map((total: { count: number }) => total.count)).toEqual([1, 0, 0, 0, 1, 0]);
      expect(other.body.winRate).toEqual({ won: 1, lost: 0, rate: 1 });
      expect(other.body.stale).toEqual({ days: 30, count: 0, items: [] });
      // Asking for the other group's figures gives nothing rather than leaking them.
      const foreign = await given.memberSouth.get(`/api/pipeline/summary?campusGroupId=${given.north}`);
      expect(foreign.body.rows).toEqual([]);
    });

    it('rejects bad filters with field errors', async () => {
      const response = await given.admin.get(
        '/api/pipeline/summary?from=2026-03-01&to=2026-02-01&type=nope&staleDays=0',
      );
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors.map((error: { path: string }) => error.path).sort()).toEqual([
        'staleDays',
        'type',
      ]);
      const range = await given.admin.get('/api/pipeline/summary?from=2026-03-01&to=2026-02-01');
      expect(range.status).toBe(400);
      expect(range.body.fieldErrors[0].path).toBe('to');
    });
  });

  describe('GET /api/dashboard/activity', () => {
    const period = 'from=2026-02-01&to=2026-03-31';

    it('buckets contact entries by Helsinki month, with entries near midnight on their Helsinki day', async () => {
      const response = await given.admin.get(`/api/dashboard/activity?${period}&granularity=month`);
      expect(response.status).toBe(200);
      expect(response.body.buckets).toEqual([
        { start: '2026-02-01', total: 2 },
        { start: '2026-03-01', total: 3 },
      ]);
      expect(response.body.rows).toEqual([
        { bucket: '2026-02-01', type: 'phone', count: 2 },
        { bucket: '2026-03-01', type: 'email', count: 1 },
        { bucket: '2026-03-01', type: 'meeting', count: 1 },
        { bucket: '2026-03-01', type: 'phone', count: 1 },
      ]);
      // The period's entries by the group that logged them, names in Finnish order.
      expect(response.body.byCampusGroup).toEqual([
        { campusGroupId: given.south, campusGroupName: 'Etelä', type: 'meeting', count: 1 },
        { campusGroupId: given.north, campusGroupName: 'Pohjoinen', type: 'email', count: 1 },
        { campusGroupId: given.north, campusGroupName: 'Pohjoinen', type: 'phone', count: 3 },
      ]);
    });

    it('buckets by ISO week starting on Monday in Helsinki time, empty weeks included', async () => {
      const response = await given.admin.get(`/api/dashboard/activity?${period}&granularity=week`);
      expect(response.body.buckets).toEqual([
        { start: '2026-01-26', total: 1 },
        { start: '2026-02-02', total: 0 },
        { start: '2026-02-09', total: 0 },
        { start: '2026-02-16', total: 0 },
        { start: '2026-02-23', total: 2 },
        { start: '2026-03-02', total: 1 },
        { start: '2026-03-09', total: 1 },
        { start: '2026-03-16', total: 0 },
        { start: '2026-03-23', total: 0 },
        { start: '2026-03-30', total: 0 },
      ]);
      // 1.3. 22:30 UTC is Monday 2.3. in Helsinki: its own week, not the week of 23.2.
      expect(response.body.rows).toContainEqual({ bucket: '2026-03-02', type: 'email', count: 1 });
      const days = await given.admin.get('/api/dashboard/activity?from=2026-03-01&to=2026-03-02&granularity=day');
      expect(days.body.buckets).toEqual([
        { start: '2026-03-01', total: 1 },
        { start: '2026-03-02', total: 1 },
      ]);
    });

    it('reports follow-up health: open and overdue now, done and done on time in the period', async () => {
      const response = await given.admin.get(`/api/dashboard/activity?${period}`);
      expect(response.body.followUps).toEqual({ open: 3, overdue: 2, done: 4, doneOnTime: 3, onTimePercent: 75 });
      expect(response.body.granularity).toBe('week');
    });

    it('counts non-archived employers without contact for 90 and 180 days, never contacted included', async () => {
      const response = await given.admin.get(`/api/dashboard/activity?${period}`);
      expect(response.body.noContact).toEqual({ days90: 3, days180: 2 });
      const southOnly = await given.admin.get(`/api/dashboard/activity?${period}&campusGroupId=${given.south}`);
      expect(southOnly.body.noContact).toEqual({ days90: 0, days180: 0 });
      expect(southOnly.body.followUps).toEqual({ open: 1, overdue: 1, done: 1, doneOnTime: 1, onTimePercent: 100 });
      expect(southOnly.body.buckets.reduce((sum: number, bucket: { total: number }) => sum + bucket.total, 0)).toBe(1);
    });

    it('shows a campus member only their own groups activity, health and employers', async () => {
      const response = await given.memberNorth.get(`/api/dashboard/activity?${period}&granularity=month`);
      expect(response.status).toBe(200);
      expect(response.body.buckets).toEqual([
        { start: '2026-02-01', total: 2 },
        { start: '2026-03-01', total: 2 },
      ]);
      expect(
        response.body.byCampusGroup.every((row: { campusGroupId: number }) => row.campusGroupId === given.north),
      ).toBe(true);
      expect(response.body.followUps).toEqual({ open: 2, overdue: 1, done: 3, doneOnTime: 2, onTimePercent: 66.7 });
      expect(response.body.noContact).toEqual({ days90: 3, days180: 2 });

      const foreign = await given.memberSouth.get(`/api/dashboard/activity?${period}&campusGroupId=${given.north}`);
      expect(foreign.body.rows).toEqual([]);
      expect(foreign.body.byCampusGroup).toEqual([]);
      expect(foreign.body.followUps).toEqual({ open: 0, overdue: 0, done: 0, doneOnTime: 0, onTimePercent: null });
      expect(foreign.body.noContact).toEqual({ days90: 0, days180: 0 });
    });

    it('refuses a bad granularity and a period longer than three years', async () => {
      expect((await given.admin.get('/api/dashboard/activity?granularity=year')).status).toBe(400);
      const long = await given.admin.get('/api/dashboard/activity?from=2020-01-01&to=2026-01-01&granularity=day');
      expect(long.status).toBe(400);
      expect(long.body.fieldErrors[0]).toMatchObject({ path: 'from', code: 'range_too_long' });
    });
  });

  describe('GET /api/campus-groups/:id/status', () => {
    it('lists the group employers with last contact, next follow-up, open opportunities and no-contact flags', async () => {
      const response = await given.memberNorth.get(`/api/campus-groups/${given.north}/status`);
      expect(response.status).toBe(200);
      expect(response.body.campusGroup).toEqual({ id: given.north, name: 'Pohjoinen', campus: 'Pääkampus' });
      expect(response.body.total).toBe(3);
      expect(response.body.items).toEqual([
        {
          employerId: given.alfa,
          name: 'Alfa Oy',
          municipality: null,
          lastContactAt: '2026-03-01T22:30:00.000Z',
          daysSinceContact: daysSince('2026-03-01T22:30:00Z'),
          noContact: 'days180',
          nextFollowUp: { id: expect.any(Number), dueDate: '2026-03-01', title: 'Soita takaisin', overdue: true },
          openOpportunities: 1,
          openPlaces: 3,
        },
        {
          employerId: given.beta,
          name: 'Beta Oy',
          municipality: null,
          lastContactAt: '2026-03-01T21:30:00.000Z',
          daysSinceContact: daysSince('2026-03-01T21:30:00Z'),
          noContact: 'days180',
          nextFollowUp: { id: expect.any(Number), dueDate: '2099-12-31', title: 'Käynti', overdue: false },
          openOpportunities: 1,
          openPlaces: 4,
        },
        {
          employerId: given.tuore,
          name: 'Tuore Oy',
          municipality: null,
          lastContactAt: expect.any(String),
          daysSinceContact: 100,
          noContact: 'days90',
          nextFollowUp: null,
          openOpportunities: 0,
          openPlaces: 0,
        },
      ]);
    });

    it('sorts by each key in both directions, empty values last', async () => {
      const names = async (sort: string) =>
        (
          (await given.admin.get(`/api/campus-groups/${given.north}/status?sort=${sort}`)).body.items as {
            name: string;
          }[]
        ).map((row) => row.name);
      expect(await names('-name')).toEqual(['Tuore Oy', 'Beta Oy', 'Alfa Oy']);
      expect(await names('lastContact')).toEqual(['Beta Oy', 'Alfa Oy', 'Tuore Oy']);
      expect(await names('-lastContact')).toEqual(['Tuore Oy', 'Alfa Oy', 'Beta Oy']);
      expect(await names('nextFollowUp')).toEqual(['Alfa Oy', 'Beta Oy', 'Tuore Oy']);
      expect(await names('-nextFollowUp')).toEqual(['Beta Oy', 'Alfa Oy', 'Tuore Oy']);
      expect(await names('-openOpportunities')).toEqual(['Beta Oy', 'Alfa Oy', 'Tuore Oy']);
      const limited = await given.admin.get(`/api/campus-groups/${given.north}/status?limit=1`);
      expect(limited.body).toMatchObject({ total: 3, items: [{ name: 'Alfa Oy' }] });
      expect((await given.admin.get(`/api/campus-groups/${given.north}/status?sort=size`)).status).toBe(400);
    });

    it('answers 404 to a member of another group and for a group that does not exist', async () => {
      expect((await given.memberSouth.get(`/api/campus-groups/${given.north}/status`)).status).toBe(404);
      expect((await given.admin.get('/api/campus-groups/999999/status')).status).toBe(404);
      const leadership = await context.signedIn('leadership');
      const status = await leadership.get(`/api/campus-groups/${given.south}/status`);
      expect(status.status).toBe(200);
      expect(status.body.items.map((row: { name: string; noContact: string }) => [row.name, row.noContact])).toEqual([
        ['Gamma Oy', 'none'],
      ]);
    });
  });
});
