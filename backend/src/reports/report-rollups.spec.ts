import type { ActivityQuery, Role } from '@tyoelama/shared';
import { DataChanges } from '../cache/data-changes';
import { archiveAndMoveLastContacts, logEntryWithFollowUp, startWithScaleData } from '../../test/rollup-changes';
import type { Client, TestContext } from '../../test/test-app';
import { ActivityService } from './activity.service';

/**
 * The roll-ups behind the whole-college reports give exactly what the straightforward SQL over the
 * tables gives: on generated scale data (as `npm run seed:scale` makes it, bulk-loaded without
 * triggers and recounted), and again after many changes of every kind made row by row through the
 * triggers, by the API and by plain SQL as the app role.
 */
describe('report roll-ups', () => {
  let context: TestContext;
  let admin: Client;
  let service: ActivityService;
  let groups: number[];
  const adminCaller = { role: 'admin' as Role, campusGroupIds: [] as number[] };

  const helsinkiDate = (offsetDays: number) =>
    new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });

  /** Periods and filters a viewer can ask for: default year, long and short periods, every granularity, a group. */
  function queries(): ActivityQuery[] {
    const group = String(groups[0]);
    const monthStart = (monthsBack: number) => {
      const [year, month] = helsinkiDate(0).split('-').map(Number);
      return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 10);
    };
    const monthEnd = (monthsBack: number) =>
      new Date(Date.parse(`${monthStart(monthsBack - 1)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return [
      { granularity: 'month' },
      { granularity: 'week', from: helsinkiDate(-400), to: helsinkiDate(-30) },
      { granularity: 'day', from: helsinkiDate(-20), to: helsinkiDate(0) },
      { granularity: 'month', from: helsinkiDate(-1000), to: helsinkiDate(60) },
      { granularity: 'month', campusGroupId: group },
      { granularity: 'month', from: monthStart(6), to: monthEnd(1) },
      { granularity: 'day', from: monthStart(2), to: monthEnd(2), campusGroupId: group },
      { granularity: 'week', from: helsinkiDate(-200), to: helsinkiDate(-100), campusGroupId: group },
    ] as ActivityQuery[];
  }

  /** The API's answer (roll-ups for an admin) against the tables' answer, query by query. */
  async function expectRollupsMatchTables(): Promise<void> {
    context.app.get(DataChanges).changed();
    for (const query of queries()) {
      const response = await admin.get('/api/dashboard/activity').query(query);
      expect(response.status).toBe(200);
      const expected = await service.activityFromTables(adminCaller, query);
      expect({ query, answer: response.body }).toEqual({ query, answer: JSON.parse(JSON.stringify(expected)) });
    }
  }

  beforeAll(async () => {
    ({ context, groups } = await startWithScaleData());
    service = context.app.get(ActivityService);
    admin = await context.signedIn('admin');
  }, 120_000);

  afterAll(() => context.close());

  it('has data in every figure, so the comparisons below compare something', async () => {
    const answer = await service.activityFromTables(adminCaller, { granularity: 'month' });
    expect(answer.rows.length).toBeGreaterThan(20);
    expect(answer.byCampusGroup.length).toBeGreaterThan(20);
    expect(answer.followUps.open).toBeGreaterThan(0);
    expect(answer.followUps.overdue).toBeGreaterThan(0);
    expect(answer.followUps.done).toBeGreaterThan(0);
    expect(answer.noContact.days90).toBeGreaterThan(0);
  });

  it('equals the straightforward SQL on freshly seeded (recounted) data', async () => {
    await expectRollupsMatchTables();
  });

  it('stays equal after writes through the API and row-by-row changes of every counted column', async () => {
    const db = context.dataSource;
    const [employer] = await db.query(`SELECT id FROM employers WHERE archived_at IS NULL ORDER BY id LIMIT 1`);
    const assignee = await context.createUser('account_manager');
    await logEntryWithFollowUp(admin, employer.id, { dueDate: helsinkiDate(-2), assigneeId: assignee });
    await expectRollupsMatchTables();

    // Entries moved across days, groups and types, and deleted (with what points at them).
    await db.query(
      `UPDATE contact_entries SET occurred_at = occurred_at - interval '37 days 5 hours' WHERE id % 7 = 0`,
    );
    await db.query(`UPDATE contact_entries SET type = 'event', campus_group_id = $1 WHERE id % 11 = 0`, [groups[1]]);
    await db.query(`UPDATE follow_ups SET contact_entry_id = NULL WHERE contact_entry_id % 13 = 0`);
    await db.query(`DELETE FROM contact_entry_persons WHERE contact_entry_id % 13 = 0`);
    await db.query(`DELETE FROM contact_entries WHERE id % 13 = 0`);
    // Follow-ups done (on time and late), reopened, cancelled, moved and deleted.
    await db.query(
      `UPDATE follow_ups SET status = 'done', completed_at = due_date + time '22:30' - interval '1 day' * (id % 3)
        WHERE status = 'open' AND id % 2 = 0`,
    );
    await db.query(`UPDATE follow_ups SET status = 'open', completed_at = NULL WHERE status = 'done' AND id % 17 = 0`);
    await db.query(`UPDATE follow_ups SET status = 'cancelled' WHERE status = 'open' AND id % 5 = 0`);
    await db.query(`UPDATE follow_ups SET due_date = due_date + 9 WHERE id % 3 = 0`);
    await db.query(`DELETE FROM follow_ups WHERE id % 19 = 0`);
    await archiveAndMoveLastContacts(db);
    await expectRollupsMatchTables();
  });

  it('folds pending changes without losing or doubling any, also when two readers fold at once', async () => {
    const db = context.dataSource;
    await db.query(`UPDATE contact_entries SET occurred_at = occurred_at + interval '1 day' WHERE id % 5 = 0`);
    const [{ pending }] = await db.query(`SELECT count(*)::int AS pending FROM report_count_deltas`);
    expect(pending).toBeGreaterThan(0);
    context.app.get(DataChanges).changed();
    const query = { granularity: 'week' } as ActivityQuery;
    // Two different queries, so both compute (and fold) rather than share one remembered result.
    const [first, second] = await Promise.all([
      admin.get('/api/dashboard/activity').query(query),
      admin.get('/api/dashboard/activity').query({ granularity: 'day', from: helsinkiDate(-30) }),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body).toEqual(JSON.parse(JSON.stringify(await service.activityFromTables(adminCaller, query))));
    const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM report_count_deltas`);
    expect(left).toBe(0);
  });

  it('gives a campus member of one or two groups the same answer as the tables (scoped from the tables)', async () => {
    for (const memberGroups of [[groups[2]], [groups[2], groups[3]]]) {
      const member = await context.signedIn('campus_member', memberGroups);
      const query = { granularity: 'month' } as ActivityQuery;
      const response = await member.get('/api/dashboard/activity').query(query);
      expect(response.status).toBe(200);
      const expected = await service.activityFromTables({ role: 'campus_member', campusGroupIds: memberGroups }, query);
      expect(response.body).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(response.body.rows.length).toBeGreaterThan(0);
    }
  });
});
