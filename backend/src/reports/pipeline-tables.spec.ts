import {
  addDays,
  DEFAULT_STALE_DAYS,
  helsinkiDate,
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
  type PipelineSummaryDto,
  type PipelineSummaryQuery,
  STALE_LIST_LIMIT,
} from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import type { CampusScope } from '../auth';
import { SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';
import { OPEN_STAGES_SQL } from '../opportunities';
import { startWithScaleData } from '../../test/rollup-changes';
import type { TestContext } from '../../test/test-app';
import { PipelineService } from './pipeline.service';
import { helsinkiDaysSql, where } from './reports-sql';

type Figures = Pick<PipelineSummaryDto, 'rows' | 'winRate' | 'averageDaysInStage' | 'stale'>;

/**
 * The pipeline figures as plain statements of their own, each filtering every opportunity by the
 * scope's semi-join (the tables path before it read the scope's opportunities once): the oracle the
 * one-statement path must reproduce.
 */
async function plainFigures(manager: EntityManager, scope: CampusScope, query: PipelineSummaryQuery): Promise<Figures> {
  const staleDays = Number(query.staleDays ?? DEFAULT_STALE_DAYS);
  const filters = (params: SqlParams) => {
    const conditions = [employerVisibleSql(scope, 'o.employer_id', params)];
    if (query.campusGroupId) conditions.push(`o.campus_group_id = ${params.add(Number(query.campusGroupId))}`);
    if (query.type) conditions.push(`o.type = ${params.add(query.type)}`);
    return conditions;
  };
  const run = <R>(sql: (params: SqlParams) => string): Promise<R[]> => {
    const params = new SqlParams();
    const text = sql(params);
    return manager.query(text, params.values);
  };
  const stageOrder = (stage: OpportunityStage) => OPPORTUNITY_STAGES.indexOf(stage);
  const rows = await run<PipelineSummaryDto['rows'][number]>(
    (p) =>
      `SELECT o.stage, o.campus_group_id AS "campusGroupId", cg.name AS "campusGroupName", o.type,
              count(*)::int AS count, COALESCE(sum(o.expected_places), 0)::int AS places
         FROM opportunities o JOIN campus_groups cg ON cg.id = o.campus_group_id
        WHERE ${where([...filters(p), ...helsinkiDaysSql('o.created_at', query.from, query.to, p)])}
        GROUP BY o.stage, o.campus_group_id, cg.name, o.type
        ORDER BY cg.name, o.campus_group_id, o.type`,
  );
  const [{ won, lost }] = await run<{ won: number; lost: number }>(
    (p) =>
      `SELECT count(*) FILTER (WHERE o.stage = 'won')::int AS won, count(*) FILTER (WHERE o.stage = 'lost')::int AS lost
         FROM opportunities o
        WHERE ${where([...filters(p), `o.stage IN ('won', 'lost')`, ...helsinkiDaysSql('o.stage_changed_at', query.from, query.to, p)])}`,
  );
  const durations = await run<{ stage: OpportunityStage; stays: number; averageDays: number }>(
    (p) =>
      `WITH stays AS (
         SELECT c.to_stage AS stage, c.changed_at AS entered_at,
                lead(c.changed_at) OVER (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id) AS left_at
           FROM opportunity_stage_changes c JOIN opportunities o ON o.id = c.opportunity_id
          WHERE ${where([...filters(p), ...helsinkiDaysSql('o.created_at', query.from, query.to, p)])}
       )
       SELECT stage, count(*)::int AS stays,
              round((avg(extract(epoch FROM COALESCE(left_at, now()) - entered_at)) / 86400)::numeric, 1)::float8 AS "averageDays"
         FROM stays WHERE stage IN ${OPEN_STAGES_SQL} GROUP BY stage`,
  );
  const idleSince = 'greatest(o.stage_changed_at, o.employer_last_contact_at)';
  const stale = await run<PipelineSummaryDto['stale']['items'][number] & { total: number }>(
    (p) =>
      `SELECT o.id, o.title, o.stage, o.employer_id AS "employerId", e.name AS "employerName",
              floor(extract(epoch FROM now() - ${idleSince}) / 86400)::int AS "daysIdle", count(*) OVER ()::int AS total
         FROM opportunities o JOIN employers e ON e.id = o.employer_id
        WHERE ${where([...filters(p), `o.stage IN ${OPEN_STAGES_SQL}`, 'NOT o.employer_archived', `${idleSince} < now() - make_interval(days => ${p.add(staleDays)})`])}
        ORDER BY ${idleSince}, o.id
        LIMIT ${STALE_LIST_LIMIT}`,
  );
  return {
    rows: [...rows].sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage)),
    winRate: { won, lost, rate: won + lost === 0 ? null : won / (won + lost) },
    averageDaysInStage: OPEN_STAGES.map(
      (stage) => durations.find((row) => row.stage === stage) ?? { stage, stays: 0, averageDays: null },
    ),
    stale: {
      days: staleDays,
      count: stale[0]?.total ?? 0,
      items: stale.map(({ total: _total, ...item }) => item),
    },
  };
}

/**
 * A campus member's pipeline figures (one statement over the scope's opportunities, read once from
 * their employers' links) equal the plain statements over every opportunity, for one group and for
 * two groups sharing employers (each counted once), with the period, group and type filters, on
 * generated data with stage changes, and again after links, stages and stage changes move.
 */
describe('pipeline figures from the tables', () => {
  let context: TestContext;
  let service: PipelineService;
  let groups: number[];
  /** Two groups linked to the most employers with opportunities in common. */
  let shared: [number, number];

  const daysFromToday = (days: number) => addDays(helsinkiDate(), days);

  function scopes(): CampusScope[] {
    return [
      { kind: 'groups', campusGroupIds: [shared[0]] },
      { kind: 'groups', campusGroupIds: [...shared] },
      { kind: 'groups', campusGroupIds: [groups[5], groups[6], groups[7]] },
      { kind: 'groups', campusGroupIds: [] },
      { kind: 'all' },
    ];
  }

  function queries(): PipelineSummaryQuery[] {
    return [
      {},
      { from: daysFromToday(-365), to: daysFromToday(0) },
      { from: daysFromToday(-29), to: daysFromToday(0), type: 'training_agreement' },
      { from: daysFromToday(-400), to: daysFromToday(-30), campusGroupId: String(shared[1]) },
      { type: 'apprenticeship', staleDays: '60' },
      { from: daysFromToday(-200), staleDays: '1' },
    ] as PipelineSummaryQuery[];
  }

  async function expectSameAsPlain(): Promise<Figures[]> {
    const answers: Figures[] = [];
    for (const scope of scopes()) {
      for (const query of queries()) {
        // One snapshot and one now(): open stays last until now.
        const { figures, plain } = await context.dataSource.transaction('REPEATABLE READ', async (manager) => ({
          figures: await service['figures'](manager, scope, query, 'tables'),
          plain: await plainFigures(manager, scope, query),
        }));
        const { rows, winRate, averageDaysInStage, stale } = figures;
        expect({ scope, query, figures: { rows, winRate, averageDaysInStage, stale } }).toEqual({
          scope,
          query,
          figures: plain,
        });
        answers.push(plain);
      }
    }
    return answers;
  }

  beforeAll(async () => {
    ({ context, groups } = await startWithScaleData());
    service = context.app.get(PipelineService);
    const [pair]: { a: number; b: number }[] = await context.dataSource.query(
      `SELECT l1.campus_group_id AS a, l2.campus_group_id AS b
         FROM employer_campus_groups l1
         JOIN employer_campus_groups l2 ON l2.employer_id = l1.employer_id AND l2.campus_group_id > l1.campus_group_id
        WHERE EXISTS (SELECT 1 FROM opportunities o WHERE o.employer_id = l1.employer_id)
        GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`,
    );
    shared = [pair.a, pair.b];
  }, 120_000);

  afterAll(() => context.close());

  it('equals the plain statements on generated data, with something in every figure', async () => {
    const answers = await expectSameAsPlain();
    // The two groups' answer with no filters has stays, closed ones and a stale list to compare.
    const [twoGroups] = answers.slice(queries().length, queries().length + 1);
    expect(twoGroups.rows.length).toBeGreaterThan(0);
    expect(twoGroups.winRate.won + twoGroups.winRate.lost).toBeGreaterThan(0);
    for (const stage of twoGroups.averageDaysInStage) expect(stage.stays).toBeGreaterThan(0);
    expect(twoGroups.stale.count).toBeGreaterThan(0);
  });

  it('stays equal after links, stages and stage changes move', async () => {
    const db = context.dataSource;
    // More employers linked to both groups, and some unlinked from the first.
    await db.query(
      `INSERT INTO employer_campus_groups (employer_id, campus_group_id)
       SELECT l.employer_id, $2 FROM employer_campus_groups l
        WHERE l.campus_group_id = $1 AND l.employer_id % 2 = 0 ON CONFLICT DO NOTHING`,
      shared,
    );
    await db.query(`DELETE FROM employer_campus_groups WHERE campus_group_id = $1 AND employer_id % 3 = 0`, [
      shared[0],
    ]);
    await db.query(
      `UPDATE opportunities SET stage = 'agreed', stage_changed_at = now() - interval '3 hours'
        WHERE stage IN ('identified', 'contacted') AND id % 4 = 0`,
    );
    await db.query(
      `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_at)
       SELECT id, NULL, 'agreed', now() - interval '3 hours' FROM opportunities WHERE stage = 'agreed' AND id % 4 = 0`,
    );
    await db.query(`UPDATE opportunity_stage_changes SET changed_at = changed_at - interval '5 days' WHERE id % 7 = 0`);
    await expectSameAsPlain();
  });
});
