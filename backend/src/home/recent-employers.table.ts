import type { RecentEmployerDto } from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { SqlParams } from '../database/sql';
import { defineTable, integer, timestamptz } from '../database/table';
import { preparedRows, type Queryable } from '../database/typed-query';
import { employerVisibleSql } from '../employers';

/** The employers each user opened last (the home page's "recently viewed"). */
export const recentEmployerViewsTable = defineTable('recent_employer_views', {
  user_id: integer(),
  employer_id: integer(),
  viewed_at: timestamptz(),
});

/** Moves the employer to the front of the user's list and forgets all but the latest `kept`. */
export async function recordEmployerView(db: Queryable, userId: number, employerId: number, kept: number) {
  await db.query(
    `INSERT INTO recent_employer_views (user_id, employer_id) VALUES ($1, $2)
     ON CONFLICT (user_id, employer_id) DO UPDATE SET viewed_at = now()`,
    [userId, employerId],
  );
  // A separate statement: a DELETE in the same statement would not see the row just written.
  await db.query(
    `DELETE FROM recent_employer_views WHERE user_id = $1 AND employer_id NOT IN (
       SELECT employer_id FROM recent_employer_views WHERE user_id = $1 ORDER BY viewed_at DESC, employer_id LIMIT $2)`,
    [userId, kept],
  );
}

/**
 * The user's recently viewed employers that they may still read (a campus member may have left the
 * group since), archived ones left out, latest first.
 */
export async function recentEmployersOf(
  db: Queryable,
  userId: number,
  scope: CampusScope,
  limit: number,
): Promise<RecentEmployerDto[]> {
  const params = new SqlParams();
  const visible = employerVisibleSql(scope, 'v.employer_id', params);
  // Prepared: the one statement every Home request runs (the rest is remembered until a change).
  const found = await preparedRows<{ id: number; name: string; municipality: string | null; viewed_at: Date }>(
    db,
    `SELECT e.id, e.name, e.municipality, v.viewed_at
       FROM recent_employer_views v JOIN employers e ON e.id = v.employer_id
      WHERE v.user_id = ${params.add(userId)} AND e.archived_at IS NULL AND ${visible}
      ORDER BY v.viewed_at DESC, e.id LIMIT ${params.add(limit)}`,
    params.values,
  );
  return found.map((row) => ({
    id: row.id,
    name: row.name,
    municipality: row.municipality,
    viewedAt: row.viewed_at.toISOString(),
  }));
}
