import type { EmployerListQuery } from '@tyoelama/shared';
import type { DataSource } from 'typeorm';
import type { CampusScope } from '../auth';
import { SqlParams } from '../database/sql';
import { bigint, boolean, defineTable, integer, integerArray, varchar } from '../database/table';
import { oneRow } from '../database/typed-query';

/**
 * Employer counts by status, account manager (0 for none), archived or not and set of linked
 * campus groups, kept current by the writing transaction (migration EmployerListCounts): folded
 * counts, the signed deltas writers append until a reader folds them, and the key each employer is
 * counted under.
 */
const employerListCountColumns = {
  status: varchar(10),
  account_manager_id: integer(),
  archived: boolean(),
  campus_group_ids: integerArray(),
  n: bigint(),
};

export const employerListCountsTable = defineTable('employer_list_counts', employerListCountColumns);
export const employerListCountDeltasTable = defineTable('employer_list_count_deltas', employerListCountColumns);
export const employerListKeysTable = defineTable('employer_list_keys', {
  employer_id: integer(),
  status: varchar(10),
  account_manager_id: integer(),
  archived: boolean(),
  campus_group_ids: integerArray(),
});

/**
 * The query's keys the roll-up answers for: its own filters and the paging, which leaves the total
 * as it is. Any other (search, tag, industry, no contact, register flags, or a filter added later)
 * is counted.
 */
const ROLLED_UP_QUERY_KEYS = new Set([
  'status',
  'campusGroupId',
  'accountManagerId',
  'archived',
  'sort',
  'cursor',
  'limit',
]);

/**
 * The list's total from the roll-up, when the query's filters are all ones it is keyed by (status,
 * campus group, account manager, archived) and the scope's; null for any other filter or a search,
 * which count the matching rows. Must select exactly what employerFilterSql selects.
 */
export async function rolledUpEmployerTotal(
  dataSource: DataSource,
  scope: CampusScope,
  query: EmployerListQuery,
): Promise<number | null> {
  const asked = Object.entries(query).filter(([, value]) => value !== undefined && value !== '');
  if (asked.some(([key]) => !ROLLED_UP_QUERY_KEYS.has(key))) return null;
  const params = new SqlParams();
  const where: string[] = [];
  if (scope.kind === 'groups') where.push(`campus_group_ids && ${params.add(scope.campusGroupIds)}::int[]`);
  const archived = query.archived ?? 'false';
  if (archived !== 'all') where.push(`archived = ${params.add(archived === 'true')}`);
  if (query.status) where.push(`status = ${params.add(query.status)}`);
  if (query.campusGroupId) where.push(`${params.add(Number(query.campusGroupId))}::int = ANY(campus_group_ids)`);
  if (query.accountManagerId) where.push(`account_manager_id = ${params.add(Number(query.accountManagerId))}`);
  await foldEmployerListCounts(dataSource);
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Folded counts and pending deltas in one snapshot: a fold running meanwhile moves rows from one
  // to the other, never shows a change twice or not at all.
  const row = await oneRow<{ total: number }>(
    dataSource,
    `SELECT COALESCE(sum(n), 0)::int AS total FROM (
       SELECT status, account_manager_id, archived, campus_group_ids, n FROM employer_list_counts
       UNION ALL
       SELECT status, account_manager_id, archived, campus_group_ids, n FROM employer_list_count_deltas) c
     ${condition}`,
    params.values,
  );
  return row!.total;
}

/**
 * Moves the pending deltas into the folded counts. Concurrent folds are safe: a delta row is deleted,
 * and so counted, by exactly one of them; the upsert goes in key order, so two folds cannot deadlock.
 * Keys that net to zero are dropped, so the folded rows stay as many as the keys in use.
 */
export async function foldEmployerListCounts(dataSource: DataSource): Promise<void> {
  const folded: { n: string }[] = await dataSource.query(
    `WITH moved AS (DELETE FROM employer_list_count_deltas
                    RETURNING status, account_manager_id, archived, campus_group_ids, n)
     INSERT INTO employer_list_counts (status, account_manager_id, archived, campus_group_ids, n)
     SELECT status, account_manager_id, archived, campus_group_ids, sum(n) FROM moved
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
     ON CONFLICT (status, account_manager_id, archived, campus_group_ids)
     DO UPDATE SET n = employer_list_counts.n + EXCLUDED.n
     RETURNING n`,
  );
  // A zero row sums to nothing, so dropping it may wait for a fold that emptied one.
  if (folded.some((row) => Number(row.n) === 0)) await dataSource.query(`DELETE FROM employer_list_counts WHERE n = 0`);
}
