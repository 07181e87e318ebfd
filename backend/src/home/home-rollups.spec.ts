import type { CampusGroupGlanceDto } from '@tyoelama/shared';
import { insertEmployer } from '../../test/fixtures';
import { archiveAndMoveLastContacts, logEntryWithFollowUp, startWithScaleData } from '../../test/rollup-changes';
import type { TestContext } from '../../test/test-app';
import { foldReportCounts } from '../reports';
import { campusGroupGlances, campusGroupGlancesFromTables } from './home-sql';

/**
 * The per-group roll-ups behind the home page's group glances give exactly what counting the
 * tables gives: on bulk-loaded (recounted) scale data, and after row-by-row changes of everything a
 * glance counts, before and after the pending deltas are folded.
 */
describe('campus group glance roll-ups', () => {
  let context: TestContext;
  let groups: number[];

  async function expectRollupsMatchTables(): Promise<CampusGroupGlanceDto[]> {
    const expected = await campusGroupGlancesFromTables(context.dataSource, groups);
    // Pending deltas read as they are, then folded: both must give the tables' answer.
    expect(await campusGroupGlances(context.dataSource, groups)).toEqual(expected);
    await foldReportCounts(context.dataSource);
    expect(await campusGroupGlances(context.dataSource, groups)).toEqual(expected);
    return expected;
  }

  beforeAll(async () => {
    ({ context, groups } = await startWithScaleData());
  }, 120_000);

  afterAll(() => context.close());

  it('equals the tables on freshly seeded (recounted) data, with something in every figure', async () => {
    const glances = await expectRollupsMatchTables();
    // Every figure (each field but the group's id, name and campus) is non-zero summed over the groups.
    const figures = Object.keys(glances[0]).filter((key) => !['id', 'name', 'campus'].includes(key));
    expect(figures).toHaveLength(6);
    for (const key of figures as (keyof CampusGroupGlanceDto)[]) {
      const total = glances.reduce((sum, glance) => sum + Number(glance[key]), 0);
      expect({ key, nonZero: total > 0 }).toEqual({ key, nonZero: true });
    }
  });

  it('stays equal after changes of every counted column, link and row', async () => {
    const db = context.dataSource;
    const [a, b] = groups;
    // A contact entry with a follow-up through the API: a new last contact day and an open follow-up.
    const admin = await context.signedIn('admin');
    const [employer] = await db.query(
      `SELECT id FROM employers WHERE archived_at IS NULL AND last_contact_at < now() - interval '2 days' ORDER BY id LIMIT 1`,
    );
    await logEntryWithFollowUp(admin, employer.id, { dueDate: '2020-01-02', assigneeId: admin.me.id });
    await expectRollupsMatchTables();

    // Follow-ups done, cancelled, reopened, due on other days (also past today), moved and deleted.
    await db.query(`UPDATE follow_ups SET status = 'done', completed_at = now() WHERE status = 'open' AND id % 3 = 0`);
    await db.query(`UPDATE follow_ups SET status = 'cancelled' WHERE status = 'open' AND id % 7 = 0`);
    await db.query(`UPDATE follow_ups SET status = 'open', completed_at = NULL WHERE status <> 'open' AND id % 11 = 0`);
    await db.query(`UPDATE follow_ups SET due_date = due_date + 40 WHERE id % 5 = 0`);
    await db.query(`UPDATE follow_ups SET due_date = current_date - 3 WHERE id % 13 = 0`);
    await db.query(`UPDATE follow_ups SET employer_id = employer_id + 1 WHERE id % 17 = 0
                      AND EXISTS (SELECT 1 FROM employers e WHERE e.id = follow_ups.employer_id + 1)`);
    await db.query(`DELETE FROM follow_ups WHERE id % 19 = 0`);
    // Opportunities won, lost, reopened, with other or no places, moved and deleted.
    await db.query(`UPDATE opportunities SET stage = 'won' WHERE stage <> 'won' AND id % 3 = 0`);
    await db.query(
      `UPDATE opportunities SET stage = 'lost', lost_reason = 'Testi' WHERE stage <> 'lost' AND id % 5 = 0`,
    );
    await db.query(`UPDATE opportunities SET stage = 'contacted' WHERE id % 7 = 0`);
    await db.query(`UPDATE opportunities SET expected_places = NULLIF(id % 4, 0) WHERE id % 2 = 0`);
    await db.query(`UPDATE opportunities SET employer_id = employer_id + 1 WHERE id % 11 = 0
                      AND EXISTS (SELECT 1 FROM employers e WHERE e.id = opportunities.employer_id + 1)`);
    await db.query(
      `DELETE FROM opportunity_stage_changes WHERE opportunity_id IN (SELECT id FROM opportunities WHERE id % 13 = 0)`,
    );
    await db.query(`DELETE FROM opportunities WHERE id % 13 = 0`);
    await archiveAndMoveLastContacts(db);
    await db.query(`UPDATE employers SET last_contact_at = last_contact_at - interval '1 day' WHERE id % 29 = 0`);
    await expectRollupsMatchTables();

    // Links removed, added and moved to another group; a follow-up of an archived employer changed.
    await db.query(`DELETE FROM employer_campus_groups WHERE campus_group_id = $1 AND employer_id % 4 = 0`, [a]);
    await db.query(
      `INSERT INTO employer_campus_groups (employer_id, campus_group_id)
       SELECT e.id, $1 FROM employers e WHERE e.id % 31 = 0 ON CONFLICT DO NOTHING`,
      [a],
    );
    await db.query(
      `UPDATE employer_campus_groups l SET campus_group_id = $2
        WHERE l.campus_group_id = $1 AND l.employer_id % 6 = 1
          AND NOT EXISTS (SELECT 1 FROM employer_campus_groups m WHERE m.employer_id = l.employer_id AND m.campus_group_id = $2)`,
      [a, b],
    );
    await db.query(
      `UPDATE follow_ups f SET due_date = due_date - 1 FROM employers e WHERE e.id = f.employer_id AND e.archived_at IS NOT NULL`,
    );
    // An employer with a follow-up and an open opportunity, then deleted with them.
    const added = await insertEmployer(db, { name: 'Poistettava Oy', ownerCampusGroupId: a, campusGroupIds: [b] });
    await db.query(
      `INSERT INTO follow_ups (employer_id, title, due_date, assignee_id) VALUES ($1, 'Poistuva', current_date - 1, $2)`,
      [added, admin.me.id],
    );
    await db.query(
      `INSERT INTO opportunities (employer_id, title, type, expected_places, campus_group_id)
       VALUES ($1, 'Poistuva', 'other', 3, $2)`,
      [added, a],
    );
    await db.query(`UPDATE employers SET last_contact_at = now() WHERE id = $1`, [added]);
    await expectRollupsMatchTables();
    await db.query(`DELETE FROM follow_ups WHERE employer_id = $1`, [added]);
    await db.query(`DELETE FROM opportunities WHERE employer_id = $1`, [added]);
    await db.query(`DELETE FROM employers WHERE id = $1`, [added]);
    await expectRollupsMatchTables();
  });

  it('gives a campus member the same glance through the API as the tables', async () => {
    const member = await context.signedIn('campus_member', [groups[1], groups[2]]);
    const response = await member.get('/api/home');
    expect(response.status).toBe(200);
    expect(response.body.groups).toEqual(
      await campusGroupGlancesFromTables(context.dataSource, [groups[1], groups[2]]),
    );
  });
});
