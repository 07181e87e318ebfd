import type { DataSource, EntityManager } from 'typeorm';
import { bigint, date, defineTable, integer, varchar } from '../database/table';

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
  'entry' | 'entry_month' | 'entry_day' | 'follow_up_open' | 'follow_up_done' | 'employer_last_contact';

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

/** Recounts every roll-up from the tables (owner only: it truncates). For bulk loads that skip triggers. */
export async function rebuildReportCounts(manager: Pick<EntityManager, 'query'>): Promise<void> {
  await manager.query(`SELECT crm_rebuild_report_counts()`);
}

/**
 * For a transaction reading only roll-ups: a few thousand rows, where starting parallel workers
 * costs more than the scan (measured: 260 of 340 ms on a busy machine for a 60 ms read).
 */
export const NO_PARALLEL_WORKERS_SQL = `SET LOCAL max_parallel_workers_per_gather = 0`;
