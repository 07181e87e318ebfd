import type { PipelineSummaryQuery, Role } from '@tyoelama/shared';
import { DataChanges } from '../cache/data-changes';
import { archiveAndMoveLastContacts, startWithScaleData } from '../../test/rollup-changes';
import type { Client, TestContext } from '../../test/test-app';
import { PipelineService } from './pipeline.service';

/**
 * The pipeline roll-ups give exactly what the straightforward SQL over the tables gives (in one
 * snapshot and at one now(), the open stays lasting until now): on generated scale data (bulk-loaded
 * without triggers and recounted), and again after changes of every kind made through the
 * triggers, by the API and by plain SQL as the app role, several rows of one opportunity per
 * statement included.
 */
describe('pipeline roll-ups', () => {
  let context: TestContext;
  let admin: Client;
  let service: PipelineService;
  let groups: number[];
  const adminCaller = { role: 'admin' as Role, campusGroupIds: [] as number[] };

  const helsinkiDate = (offsetDays: number) =>
    new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });

  /** Periods (none, open-ended, years, within a month, across month edges) and filters a viewer can ask for. */
  function queries(): PipelineSummaryQuery[] {
    const group = String(groups[0]);
    return [
      {},
      { from: helsinkiDate(-365), to: helsinkiDate(0) },
      { from: helsinkiDate(-400), to: helsinkiDate(-30), type: 'training_agreement' },
      { from: helsinkiDate(-20), to: helsinkiDate(0) },
      { from: helsinkiDate(-200) },
      { to: helsinkiDate(-100), campusGroupId: group },
      { campusGroupId: group, type: 'apprenticeship', staleDays: '60' },
      { from: helsinkiDate(-1000), to: helsinkiDate(60) },
    ] as PipelineSummaryQuery[];
  }

  async function expectRollupsMatchTables(): Promise<void> {
    context.app.get(DataChanges).changed();
    for (const query of queries()) {
      const { rollups, tables } = await service.summaryBothWays(adminCaller, query);
      expect({ query, answer: rollups }).toEqual({ query, answer: tables });
      // The API's answer (roll-ups, folded first) is the same figures.
      const response = await admin.get('/api/pipeline/summary').query(query);
      expect(response.status).toBe(200);
      expect(response.body.rows).toEqual(tables.rows);
      expect(response.body.winRate).toEqual(tables.winRate);
      expect(response.body.averageDaysInStage.map((stage: { stays: number }) => stage.stays)).toEqual(
        tables.averageDaysInStage.map((stage) => stage.stays),
      );
    }
  }

  beforeAll(async () => {
    ({ context, groups } = await startWithScaleData());
    service = context.app.get(PipelineService);
    admin = await context.signedIn('admin');
  }, 120_000);

  afterAll(() => context.close());

  it('has data in every figure, so the comparisons below compare something', async () => {
    const { tables } = await service.summaryBothWays(adminCaller, {});
    expect(tables.rows.length).toBeGreaterThan(50);
    expect(tables.winRate.won).toBeGreaterThan(0);
    expect(tables.winRate.lost).toBeGreaterThan(0);
    for (const stage of tables.averageDaysInStage) expect(stage.stays).toBeGreaterThan(0);
    expect(tables.stale.count).toBeGreaterThan(0);
  });

  it('equals the straightforward SQL on freshly seeded (recounted) data', async () => {
    await expectRollupsMatchTables();
  });

  it('stays equal after opportunities are created, moved, retyped and regrouped through the API', async () => {
    // An employer two groups work with, so the opportunity can move to the other one.
    const [employer]: { id: number; other_group: number }[] = await context.dataSource.query(
      `SELECT e.id, max(l.campus_group_id) AS other_group
         FROM employers e JOIN employer_campus_groups l ON l.employer_id = e.id
        WHERE e.archived_at IS NULL GROUP BY e.id HAVING count(*) > 1 ORDER BY e.id LIMIT 1`,
    );
    const created = await admin.post('/api/opportunities', {
      employerId: employer.id,
      title: 'Rullaustesti',
      type: 'recruitment',
      expectedPlaces: 4,
    });
    expect(created.status).toBe(201);
    let version = created.body.version as number;
    for (const change of [
      { stage: 'contacted' },
      { stage: 'negotiating', type: 'apprenticeship' },
      { campusGroupId: employer.other_group, expectedPlaces: 7 },
      { stage: 'lost', lostReason: 'Budjetti' },
    ]) {
      const moved = await admin.patch(`/api/opportunities/${created.body.id}`, { version, ...change });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    await expectRollupsMatchTables();
  });

  it('stays equal after row-by-row changes of every counted column, several of one opportunity per statement', async () => {
    const db = context.dataSource;
    // Stage moves as the app makes them, and two changes of one opportunity in one statement.
    await db.query(
      `UPDATE opportunities SET stage = 'agreed', stage_changed_at = now() - interval '2 hours'
        WHERE stage IN ('identified', 'contacted', 'negotiating') AND id % 5 = 0`,
    );
    await db.query(
      `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_at)
       SELECT o.id, NULL, s.stage, now() - s.ago
         FROM opportunities o
         CROSS JOIN (VALUES ('contacted', interval '3 days'), ('agreed', interval '2 hours')) s(stage, ago)
        WHERE o.stage = 'agreed' AND o.id % 5 = 0`,
    );
    await db.query(
      `UPDATE opportunities SET stage = 'won', stage_changed_at = now() WHERE stage = 'agreed' AND id % 3 = 0`,
    );
    // What the stays and counts are keyed by: type, group, created day, places.
    await db.query(`UPDATE opportunities SET type = 'co_development' WHERE id % 7 = 0`);
    await db.query(`UPDATE opportunities SET campus_group_id = $1 WHERE id % 11 = 0`, [groups[2]]);
    await db.query(`UPDATE opportunities SET created_at = created_at - interval '40 days 3 hours' WHERE id % 13 = 0`);
    await db.query(`UPDATE opportunities SET expected_places = NULL WHERE id % 17 = 0`);
    await db.query(
      `UPDATE opportunities SET stage_changed_at = stage_changed_at - interval '31 days' WHERE id % 4 = 0`,
    );
    // Stage changes moved in time (reordered), moved to another opportunity, deleted.
    await db.query(`UPDATE opportunity_stage_changes SET changed_at = changed_at - interval '9 days' WHERE id % 6 = 0`);
    await db.query(
      `UPDATE opportunity_stage_changes SET opportunity_id = opportunity_id + 1
        WHERE id % 31 = 0 AND opportunity_id < (SELECT max(id) FROM opportunities)`,
    );
    await db.query(`DELETE FROM opportunity_stage_changes WHERE id % 9 = 0 OR opportunity_id % 29 = 0`);
    // Opportunities deleted with their stage changes.
    await db.query(`DELETE FROM opportunities WHERE id % 19 = 0`);
    await archiveAndMoveLastContacts(db);
    await expectRollupsMatchTables();
  });

  it('gives a campus member of one or two groups the same answer as the tables (scoped from the tables)', async () => {
    for (const memberGroups of [[groups[2]], [groups[2], groups[3]]]) {
      const member = await context.signedIn('campus_member', memberGroups);
      const query = { from: helsinkiDate(-365) } as PipelineSummaryQuery;
      const response = await member.get('/api/pipeline/summary').query(query);
      expect(response.status).toBe(200);
      const { tables } = await service.summaryBothWays({ role: 'campus_member', campusGroupIds: memberGroups }, query);
      expect(response.body.rows).toEqual(tables.rows);
      expect(response.body.winRate).toEqual(tables.winRate);
      expect(response.body.stale).toEqual(tables.stale);
      expect(response.body.rows.length).toBeGreaterThan(0);
    }
  });
});
