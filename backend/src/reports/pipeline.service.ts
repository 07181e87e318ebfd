import { Injectable } from '@nestjs/common';
import {
  DEFAULT_STALE_DAYS,
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
  type OpportunityType,
  type PipelineRowDto,
  type PipelineSummaryDto,
  type PipelineSummaryQuery,
  STALE_LIST_LIMIT,
  type StaleOpportunityDto,
} from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import { type AuthUser, type CampusScope, readScope } from '../auth';
import type { JsonText } from '../http/json-text';
import { SqlParams } from '../database/sql';
import { employerOfScopeSql, employerVisibleSql } from '../employers';
import { IDLE_SINCE_SQL, OPEN_STAGES_SQL, OPEN_UNARCHIVED_SQL } from '../opportunities';
import { camelFields } from '../database/record-fields';
import {
  foldReportCounts,
  NO_PARALLEL_WORKERS_SQL,
  type PipelineMetric,
  reportCountsInPeriodSql,
} from './report-counts';
import { CachedReport, daysSinceSql, helsinkiDaysSql, where } from './reports-sql';

interface PipelineRow {
  stage: OpportunityStage;
  campus_group_id: number;
  campus_group_name: string;
  type: OpportunityType;
  count: number;
  places: number;
}

interface StaleRow {
  id: number;
  title: string;
  stage: OpportunityStage;
  employer_id: number;
  employer_name: string;
  days_idle: number;
}

function staleItemOf(row: StaleRow): StaleOpportunityDto {
  return { ...camelFields(row, ['id', 'title', 'stage', 'employer_id', 'employer_name', 'days_idle']) };
}

/** The query's campus group and type, on the opportunity `o`: filters every pipeline figure shares. */
function groupAndTypeSql(query: PipelineSummaryQuery, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (query.campusGroupId) conditions.push(`o.campus_group_id = ${params.add(Number(query.campusGroupId))}`);
  if (query.type) conditions.push(`o.type = ${params.add(query.type)}`);
  return conditions;
}

const stageIndex = (stage: OpportunityStage) => OPPORTUNITY_STAGES.indexOf(stage);

/** Ordered by group and type (SQL), then by stage. */
function pipelineRowsOf(rows: PipelineRow[]): PipelineRowDto[] {
  return rows
    .map((row) => ({
      ...camelFields(row, ['stage', 'campus_group_id', 'campus_group_name', 'type', 'count', 'places']),
    }))
    .sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
}

function winRateOf(won: number, lost: number) {
  return { won, lost, rate: won + lost === 0 ? null : won / (won + lost) };
}

interface DurationRow {
  stage: OpportunityStage;
  stays: number;
  average_days: number;
}

function durationsOf(rows: DurationRow[]) {
  return new Map(rows.map((row) => [row.stage, { stage: row.stage, stays: row.stays, averageDays: row.average_days }]));
}

/** figuresFromTables()' one row: each figure's rows as JSON. */
interface TableFiguresRow {
  rows: PipelineRow[];
  win_rate: { won: number; lost: number };
  durations: DurationRow[];
  stale: StaleRow[];
  stale_count: number;
}

interface TableFigures {
  rows: PipelineRowDto[];
  winRate: PipelineSummaryDto['winRate'];
  durations: ReturnType<typeof durationsOf>;
  stale: { count: number; items: StaleOpportunityDto[] };
}

/**
 * The roll-up rows of `metrics` in the query's period, group and type (every employer's), with the
 * label split into stage and type.
 */
function rollupsSql(metrics: readonly PipelineMetric[], query: PipelineSummaryQuery, params: SqlParams): string {
  const conditions: string[] = [];
  if (query.campusGroupId) conditions.push(`r.campus_group_id = ${params.add(Number(query.campusGroupId))}`);
  if (query.type) conditions.push(`split_part(r.label, ':', 2) = ${params.add(query.type)}`);
  return `(SELECT r.metric, r.campus_group_id, split_part(r.label, ':', 1) AS stage,
                  split_part(r.label, ':', 2) AS type, r.n, r.n_days
             FROM ${reportCountsInPeriodSql(metrics, query.from, query.to, params)} r
            WHERE ${where(conditions)})`;
}

@Injectable()
export class PipelineService extends CachedReport<PipelineSummaryQuery, PipelineSummaryDto> {
  summary(caller: AuthUser, query: PipelineSummaryQuery): Promise<JsonText<PipelineSummaryDto>> {
    return this.report(caller, query);
  }

  /**
   * The whole college reads the roll-ups (migration PipelineRollups), folded just before; a campus
   * member's employers (linked to their groups, whatever the opportunity's group) count from the
   * tables, which the scope narrows to those employers' opportunities.
   */
  protected async compute(scope: CampusScope, query: PipelineSummaryQuery): Promise<PipelineSummaryDto> {
    if (scope.kind !== 'all') {
      return this.dataSource.transaction('REPEATABLE READ', (manager) => this.figures(manager, scope, query, 'tables'));
    }
    await foldReportCounts(this.dataSource);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query(NO_PARALLEL_WORKERS_SQL);
      return this.figures(manager, scope, query, 'rollups');
    });
  }

  /**
   * The summary from the roll-ups and from the tables, in one snapshot and at one now() (open stays
   * last until now): what the roll-ups must equal (pipeline-rollups.spec.ts).
   */
  async summaryBothWays(
    caller: Pick<AuthUser, 'role' | 'campusGroupIds'>,
    query: PipelineSummaryQuery,
  ): Promise<{ rollups: PipelineSummaryDto; tables: PipelineSummaryDto }> {
    const scope = readScope(caller, 'reports');
    await foldReportCounts(this.dataSource);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
      rollups: await this.figures(manager, scope, query, 'rollups'),
      tables: await this.figures(manager, scope, query, 'tables'),
    }));
  }

  /** One snapshot for every figure, so the totals and the rows agree. Roll-ups hold every employer's: 'all' scope only. */
  private async figures(
    manager: EntityManager,
    scope: CampusScope,
    query: PipelineSummaryQuery,
    source: 'rollups' | 'tables',
  ): Promise<PipelineSummaryDto> {
    const staleDays = query.staleDays ? Number(query.staleDays) : DEFAULT_STALE_DAYS;
    const { rows, winRate, durations, stale } =
      source === 'rollups' && scope.kind === 'all'
        ? {
            rows: await this.stageRowsFromRollups(manager, query),
            winRate: await this.winRateFromRollups(manager, query),
            durations: await this.stageDurationsFromRollups(manager, query),
            stale: await this.stale(manager, scope, query, staleDays),
          }
        : await this.figuresFromTables(manager, scope, query, staleDays);
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      rows,
      totalsByStage: OPPORTUNITY_STAGES.map((stage) => {
        const ofStage = rows.filter((row) => row.stage === stage);
        return {
          stage,
          count: ofStage.reduce((sum, row) => sum + row.count, 0),
          places: ofStage.reduce((sum, row) => sum + row.places, 0),
        };
      }),
      winRate,
      averageDaysInStage: OPEN_STAGES.map((stage) => durations.get(stage) ?? { stage, stays: 0, averageDays: null }),
      stale: { days: staleDays, ...stale },
    };
  }

  /**
   * Every figure from the tables in one statement, which reads the scope's opportunities (in the
   * query's group and type) once: a campus member's from their employers' links (employerOfScopeSql),
   * a few thousand rows each figure then counts from. Statements of their own each read them again,
   * and a semi-join of every opportunity with the scope's employers cost more than the figures.
   *
   * The stage table is the cohort created in the period; closed ones are those whose current stage
   * is won or lost and was reached in the period. A stay starts at a stage change into the stage and
   * ends at the opportunity's next change, or now for the stage it is still in (won and lost are
   * final and have no duration): the window reads the stage changes' index only (migration
   * StageChangesCoveringIndex). Stale: see stale().
   */
  private async figuresFromTables(
    manager: EntityManager,
    scope: CampusScope,
    query: PipelineSummaryQuery,
    staleDays: number,
  ): Promise<TableFigures> {
    const params = new SqlParams();
    const visible = [employerOfScopeSql(scope, 'o.employer_id', params), ...groupAndTypeSql(query, params)];
    const createdIn = where(helsinkiDaysSql('o.created_at', query.from, query.to, params));
    const closedIn = where([
      `o.stage IN ('won', 'lost')`,
      ...helsinkiDaysSql('o.stage_changed_at', query.from, query.to, params),
    ]);
    const stale = [...OPEN_UNARCHIVED_SQL, `o.idle_since < now() - make_interval(days => ${params.add(staleDays)})`];
    const [figures]: TableFiguresRow[] = await manager.query(
      `WITH visible AS MATERIALIZED (
         SELECT o.id, o.employer_id, o.title, o.stage, o.campus_group_id, o.type, o.expected_places, o.created_at,
                o.stage_changed_at, o.employer_archived, ${IDLE_SINCE_SQL} AS idle_since
           FROM opportunities o WHERE ${where(visible)}
       ),
       stage_rows AS (
         SELECT r.stage, r.campus_group_id, cg.name AS campus_group_name, r.type, r.count, r.places
           FROM (SELECT o.stage, o.campus_group_id, o.type,
                        count(*)::int AS count, COALESCE(sum(o.expected_places), 0)::int AS places
                   FROM visible o WHERE ${createdIn}
                  GROUP BY o.stage, o.campus_group_id, o.type) r
           JOIN campus_groups cg ON cg.id = r.campus_group_id
       ),
       stays AS (
         SELECT c.to_stage AS stage, c.changed_at AS entered_at,
                lead(c.changed_at) OVER (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id) AS left_at
           FROM opportunity_stage_changes c JOIN visible o ON o.id = c.opportunity_id
          WHERE ${createdIn}
       ),
       durations AS (
         SELECT stage, count(*)::int AS stays,
                round((avg(extract(epoch FROM COALESCE(left_at, now()) - entered_at)) / 86400)::numeric, 1)::float8 AS average_days
           FROM stays WHERE stage IN ${OPEN_STAGES_SQL} GROUP BY stage
       ),
       stale AS (SELECT o.id, o.title, o.stage, o.employer_id, o.idle_since FROM visible o WHERE ${where(stale)}),
       stale_first AS (
         SELECT o.id, o.title, o.stage, o.employer_id, e.name AS employer_name,
                ${daysSinceSql('o.idle_since')} AS days_idle, o.idle_since
           FROM (SELECT * FROM stale o ORDER BY o.idle_since, o.id LIMIT ${STALE_LIST_LIMIT}) o
           JOIN employers e ON e.id = o.employer_id
       )
       SELECT (SELECT COALESCE(json_agg(r ORDER BY r.campus_group_name, r.campus_group_id, r.type), '[]')
                 FROM stage_rows r) AS rows,
              (SELECT json_build_object('won', count(*) FILTER (WHERE o.stage = 'won'),
                                        'lost', count(*) FILTER (WHERE o.stage = 'lost'))
                 FROM visible o WHERE ${closedIn}) AS win_rate,
              (SELECT COALESCE(json_agg(d), '[]') FROM durations d) AS durations,
              (SELECT COALESCE(json_agg(s ORDER BY s.idle_since, s.id), '[]') FROM stale_first s) AS stale,
              (SELECT count(*)::int FROM stale) AS stale_count`,
      params.values,
    );
    return {
      rows: pipelineRowsOf(figures.rows),
      winRate: winRateOf(figures.win_rate.won, figures.win_rate.lost),
      durations: durationsOf(figures.durations),
      stale: { count: figures.stale_count, items: figures.stale.map(staleItemOf) },
    };
  }

  /** The stage table for every employer: opportunities and places by created day (by month within the period). */
  private async stageRowsFromRollups(manager: EntityManager, query: PipelineSummaryQuery): Promise<PipelineRowDto[]> {
    const params = new SqlParams();
    const counts = rollupsSql(['pipeline_count', 'pipeline_places'], query, params);
    const rows: PipelineRow[] = await manager.query(
      `SELECT r.stage, r.campus_group_id, cg.name AS campus_group_name, r.type,
              sum(r.n) FILTER (WHERE r.metric = 'pipeline_count')::int AS count,
              COALESCE(sum(r.n) FILTER (WHERE r.metric = 'pipeline_places'), 0)::int AS places
         FROM ${counts} r JOIN campus_groups cg ON cg.id = r.campus_group_id
        GROUP BY r.stage, r.campus_group_id, cg.name, r.type
       HAVING sum(r.n) FILTER (WHERE r.metric = 'pipeline_count') <> 0
        ORDER BY cg.name, r.campus_group_id, r.type`,
      params.values,
    );
    return pipelineRowsOf(rows);
  }

  /** The win rate for every employer: won and lost ones by the day their stage was reached. */
  private async winRateFromRollups(manager: EntityManager, query: PipelineSummaryQuery) {
    const params = new SqlParams();
    const closed = rollupsSql(['pipeline_closed'], query, params);
    const [{ won, lost }]: { won: number; lost: number }[] = await manager.query(
      `SELECT COALESCE(sum(r.n) FILTER (WHERE r.stage = 'won'), 0)::int AS won,
              COALESCE(sum(r.n) FILTER (WHERE r.stage = 'lost'), 0)::int AS lost
         FROM ${closed} r`,
      params.values,
    );
    return winRateOf(won, lost);
  }

  /**
   * The stays for every employer, without the window over the stage changes: per stage the ended stays' summed
   * durations less the open stays' summed starts (kept together, in microseconds after the row's
   * day at UTC midnight), plus the open stays' count × (now − that midnight). The sum is then the
   * same numeric, and so is the average.
   */
  private async stageDurationsFromRollups(manager: EntityManager, query: PipelineSummaryQuery) {
    const params = new SqlParams();
    const stays = rollupsSql(['pipeline_stay', 'pipeline_stay_open', 'pipeline_stay_us'], query, params);
    const rows: DurationRow[] = await manager.query(
      `SELECT r.stage, sum(r.n) FILTER (WHERE r.metric = 'pipeline_stay')::int AS stays,
              round(round((COALESCE(sum(r.n) FILTER (WHERE r.metric = 'pipeline_stay_us'), 0)
                           + COALESCE(sum(r.n * extract(epoch FROM now()) * 1000000 - r.n_days * 86400000000)
                                        FILTER (WHERE r.metric = 'pipeline_stay_open'), 0)) / 1000000, 6)
                     / sum(r.n) FILTER (WHERE r.metric = 'pipeline_stay')::numeric
                     / 86400, 1)::float8 AS average_days
         FROM ${stays} r
        WHERE r.stage IN ${OPEN_STAGES_SQL}
        GROUP BY r.stage
       HAVING sum(r.n) FILTER (WHERE r.metric = 'pipeline_stay') <> 0`,
      params.values,
    );
    return durationsOf(rows);
  }

  /**
   * Open opportunities with neither a stage change nor a contact with the employer for `days`: the
   * first rows of ix_opportunities_idle_since, and the count a range of it (the whole college's list;
   * figuresFromTables() lists a campus member's from the rows it has read). The count is a statement
   * of its own (count(*) OVER () would read every row before the limit), in the same snapshot and at
   * the same now(): figures() runs in one transaction.
   */
  private async stale(manager: EntityManager, scope: CampusScope, query: PipelineSummaryQuery, days: number) {
    const params = new SqlParams();
    const conditions = [
      employerVisibleSql(scope, 'o.employer_id', params),
      ...groupAndTypeSql(query, params),
      ...OPEN_UNARCHIVED_SQL,
      `${IDLE_SINCE_SQL} < now() - make_interval(days => ${params.add(days)})`,
    ];
    const rows: StaleRow[] = await manager.query(
      `SELECT o.id, o.title, o.stage, o.employer_id, e.name AS employer_name, ${daysSinceSql(IDLE_SINCE_SQL)} AS days_idle
         FROM opportunities o JOIN employers e ON e.id = o.employer_id
        WHERE ${where(conditions)}
        ORDER BY ${IDLE_SINCE_SQL}, o.id
        LIMIT ${STALE_LIST_LIMIT}`,
      params.values,
    );
    let count = rows.length;
    if (count === STALE_LIST_LIMIT) {
      const [total]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM opportunities o WHERE ${where(conditions)}`,
        params.values,
      );
      count = total.count;
    }
    return { count, items: rows.map(staleItemOf) };
  }
}
