import type { DataSource, EntityManager } from 'typeorm';
import { bigint, date, defineTable, integer, varchar } from '../database/table';
import type { SqlParams } from '../database/sql';
import { where } from './reports-sql';

/**
 * The per-day roll-ups the writing transaction keeps current (migration ReportRollups): folded
 * counts, and the signed deltas writers append until a reader folds them. Metrics and what each
 * row contributes: see the migration.
 */
const reportCountColumns = {
  metric: varchar(30).as<ReportMetric>(),
  day: date(),
  campus_group_id: integer(),
  label: varchar(30),
  n: bigint(),
};

export const reportCountsTable = defineTable('report_counts', reportCountColumns);
export const reportCountDeltasTable = defineTable('report_count_deltas', reportCountColumns);

export type ReportMetric =
  | 'entry'
  | 'entry_month'
  | 'entry_day'
  | 'follow_up_open'
  | 'follow_up_done'
  | 'employer_last_contact'
  | PipelineMetric
  | `${PipelineMetric}_month`;

/** The pipeline summary's roll-ups by day (each also by month, `_month`): see migration PipelineRollups. */
export type PipelineMetric =
  | 'pipeline_count'
  | 'pipeline_places'
  | 'pipeline_closed'
  | 'pipeline_stay_ended'
  | 'pipeline_stay_ended_us'
  | 'pipeline_stay_open'
  | 'pipeline_stay_open_us';

/**
 * Moves the pending deltas into the folded counts in one transaction. Concurrent folds (several
 * viewers, several instances) are safe: a delta row is deleted, and so counted, by exactly one of
 * them; the upsert goes in key order, so two folds cannot deadlock.
 */
export async function foldReportCounts(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `WITH moved AS (DELETE FROM report_count_deltas RETURNING metric, day, campus_group_id, label, n)
     INSERT INTO report_counts (metric, day, campus_group_id, label, n)
     SELECT metric, day, campus_group_id, label, sum(n) FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT (metric, day, campus_group_id, label) DO UPDATE SET n = report_counts.n + EXCLUDED.n`,
  );
}

/**
 * The rows of `metric` (a SQL literal or parameter) as a FROM item: folded counts and pending
 * deltas, so a reader inside one snapshot sees every committed change once, folded or not.
 */
export function reportCountsSql(metric: string): string {
  return `(SELECT day, campus_group_id, label, n FROM report_counts WHERE metric = ${metric}
           UNION ALL
           SELECT day, campus_group_id, label, n FROM report_count_deltas WHERE metric = ${metric})`;
}

/**
 * The rows of the day metrics `metrics` on Helsinki days `from`…`to` (both inclusive, either end
 * open), as a FROM item like reportCountsSql() with the metric's name: the whole months inside the
 * period from the metrics' `_month` rows, the days at its edges from the day rows. A period of
 * years is then a row per month, group and label, not per day.
 */
export function reportCountsInPeriodSql(
  metrics: readonly ReportMetric[],
  from: string | null | undefined,
  to: string | null | undefined,
  params: SqlParams,
): string {
  const fromDay = from ? `${params.add(from)}::date` : null;
  const toDay = to ? `${params.add(to)}::date` : null;
  // The whole months inside the period: [firstMonth, endMonth).
  const firstMonth = fromDay ? `(date_trunc('month', (${fromDay} - 1)::timestamp) + interval '1 month')::date` : `'-infinity'::date`;
  const endMonth = toDay ? `date_trunc('month', (${toDay} + 1)::timestamp)::date` : `'infinity'::date`;
  const inMonths = `r.day >= ${firstMonth} AND r.day < ${endMonth}`;
  const inPeriod = where([...(fromDay ? [`r.day >= ${fromDay}`] : []), ...(toDay ? [`r.day <= ${toDay}`] : [])]);
  const dayMetrics = params.add(metrics);
  const monthMetrics = params.add(metrics.map((metric) => `${metric}_month`));
  return `(SELECT replace(r.metric, '_month', '') AS metric, r.day, r.campus_group_id, r.label, r.n
             FROM (SELECT * FROM report_counts UNION ALL SELECT * FROM report_count_deltas) r
            WHERE (r.metric = ANY(${dayMetrics}::text[]) AND ${inPeriod} AND NOT (${inMonths}))
               OR (r.metric = ANY(${monthMetrics}::text[]) AND ${inMonths}))`;
}

/** Recounts every roll-up from the tables (owner only: it truncates). For bulk loads that skip triggers. */
export async function rebuildReportCounts(manager: Pick<EntityManager, 'query'>): Promise<void> {
  await manager.query(`SELECT crm_rebuild_report_counts()`);
}

/**
 * For a transaction reading only roll-ups: a few thousand rows, where starting parallel workers
 * costs more than the scan (measured: 260 of 340 ms on a busy machine for a 60 ms read).
 */
export const NO_PARALLEL_WORKERS_SQL = `SET LOCAL max_parallel_workers_per_gather = 0`;
