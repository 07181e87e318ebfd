import type { DataSource, EntityManager } from 'typeorm';
import { bigint, date, defineTable, integer, varchar } from '../database/table';
import type { SqlParams } from '../database/sql';

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
  | `${PipelineMetric}_${'month' | 'year'}`;

/** The pipeline summary's roll-ups by day (each also by month and year): see migration PipelineRollups. */
export type PipelineMetric =
  | 'pipeline_count'
  | 'pipeline_places'
  | 'pipeline_closed'
  | 'pipeline_stay'
  | 'pipeline_stay_open'
  | 'pipeline_stay_us';

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
 * The day metrics `metrics` summed over Helsinki days `from`…`to` (both inclusive, either end
 * open), as a FROM item of (metric, campus_group_id, label, n, n_days): the whole years inside the
 * period from the metrics' `_year` rows, the whole months outside those years from the `_month`
 * rows, the days at the edges from the day rows. A period of years is then a row per year, group
 * and label plus at most 22 months and 60 days of them, whatever the history. `n_days` sums n
 * times the row's day (days since 1970-01-01), for figures measured from the row's day.
 */
export function reportCountsInPeriodSql(
  metrics: readonly ReportMetric[],
  from: string | null | undefined,
  to: string | null | undefined,
  params: SqlParams,
): string {
  const fromDay = from ? `${params.add(from)}::date` : null;
  const endDay = to ? `(${params.add(to)}::date + 1)` : null;
  const start = fromDay ?? `'-infinity'::date`;
  const end = endDay ?? `'infinity'::date`;
  // The whole units inside [start, end) (an empty range where none fits), coarsest first.
  const whole = (unit: 'year' | 'month') => {
    const first = fromDay
      ? `(date_trunc('${unit}', (${fromDay} - 1)::timestamp) + interval '1 ${unit}')::date`
      : `'-infinity'::date`;
    const last = endDay ? `date_trunc('${unit}', ${endDay}::timestamp)::date` : `'infinity'::date`;
    return { first, end: `greatest(${first}, ${last})` };
  };
  const years = whole('year');
  const months = whole('month');
  /** Rows of `level` within [outer.first, outer.end) but outside [inner.first, inner.end). */
  const around = (level: string, outer: { first: string; end: string }, inner: { first: string; end: string }) =>
    `(r.metric = ANY(${params.add(metrics.map((metric) => `${metric}${level}`))}::text[])
      AND ((r.day >= ${outer.first} AND r.day < least(${inner.first}, ${outer.end}))
           OR (r.day >= greatest(${inner.end}, ${outer.first}) AND r.day < ${outer.end})))`;
  // Summed per metric as stored first: the names are then tidied on a row per group and label.
  return `(SELECT regexp_replace(s.metric, '_(month|year)$', '') AS metric, s.campus_group_id, s.label,
                  sum(s.n) AS n, sum(s.n_days) AS n_days
             FROM (SELECT r.metric, r.campus_group_id, r.label, sum(r.n) AS n,
                          sum(r.n::numeric * (r.day - date '1970-01-01')) AS n_days
                     FROM (SELECT * FROM report_counts UNION ALL SELECT * FROM report_count_deltas) r
                    WHERE (r.metric = ANY(${params.add(metrics.map((metric) => `${metric}_year`))}::text[])
                           AND r.day >= ${years.first} AND r.day < ${years.end})
                       OR ${around('_month', months, years)}
                       OR ${around('', { first: start, end }, months)}
                    GROUP BY 1, 2, 3) s
            GROUP BY 1, 2, 3)`;
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
