import type { RegisterRefreshDto, RegisterRefreshStatus } from '@tyoelama/shared';
import { defineTable, integer, type RowOf, timestamptz, varchar } from '../database/table';
import { oneRow, type Queryable } from '../database/typed-query';

/** The admin's "refresh from YTJ" job: its state lives here, so any instance can carry it on. */
export const registerRefreshesTable = defineTable('business_register_refreshes', {
  id: integer(),
  status: varchar(10).as<RegisterRefreshStatus>(),
  total: integer(),
  progress: integer(),
  /** The last employer id done: the job walks the employers with a Y-tunnus in id order. */
  cursor_employer_id: integer(),
  changed: integer(),
  flagged: integer(),
  not_found: integer(),
  failed: integer(),
  /** Unanswered requests in a row (the register down); past a limit the job fails. */
  retries: integer(),
  /** No request before this, over all instances: the job's rate limit. */
  next_request_at: timestamptz(),
  error: varchar(100).orNull(),
  started_by: integer().orNull(),
  started_at: timestamptz(),
  updated_at: timestamptz(),
  finished_at: timestamptz().orNull(),
});

export type RegisterRefreshRow = RowOf<typeof registerRefreshesTable>;

/** The counters a step may move (by how much). */
export type RefreshCounts = Partial<Record<'progress' | 'changed' | 'flagged' | 'not_found' | 'failed', number>>;

function toDto(row: RegisterRefreshRow & { started_by_name: string | null }): RegisterRefreshDto {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    total: row.total,
    changed: row.changed,
    flagged: row.flagged,
    notFound: row.not_found,
    failed: row.failed,
    error: row.error,
    startedBy: row.started_by,
    startedByName: row.started_by_name,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** The running job, else the latest one. */
export async function latestRefresh(db: Queryable): Promise<RegisterRefreshDto | null> {
  const row = await oneRow<RegisterRefreshRow & { started_by_name: string | null }>(
    db,
    `SELECT r.*, u.display_name AS started_by_name FROM business_register_refreshes r
       LEFT JOIN users u ON u.id = r.started_by
      ORDER BY (r.status = 'running') DESC, r.id DESC LIMIT 1`,
  );
  return row && toDto(row);
}

export async function findRefresh(db: Queryable, id: number): Promise<RegisterRefreshDto> {
  const row = await oneRow<RegisterRefreshRow & { started_by_name: string | null }>(
    db,
    `SELECT r.*, u.display_name AS started_by_name FROM business_register_refreshes r
       LEFT JOIN users u ON u.id = r.started_by WHERE r.id = $1`,
    [id],
  );
  return toDto(row!);
}

/** A new running job; the unique index on running jobs refuses a second one. */
export async function insertRefresh(db: Queryable, total: number, startedBy: number, now: Date): Promise<number> {
  const row = await oneRow<{ id: number }>(
    db,
    `INSERT INTO business_register_refreshes (total, started_by, started_at, updated_at, next_request_at)
     VALUES ($1, $2, $3, $3, $3) RETURNING id`,
    [total, startedBy, now],
  );
  return row!.id;
}

/** A failed job goes on from its cursor: running again, its counts kept, `total` raised by what was added since. */
export async function resumeRefresh(db: Queryable, id: number, remaining: number, now: Date): Promise<void> {
  await db.query(
    `UPDATE business_register_refreshes
        SET status = 'running', error = NULL, finished_at = NULL, retries = 0, total = progress + $2,
            next_request_at = $3, updated_at = $3
      WHERE id = $1`,
    [id, remaining, now],
  );
}

/**
 * The running job, locked for this transaction; null when none runs or another instance holds it
 * (SKIP LOCKED): whoever holds the row does the next step, the others wait for their next round.
 */
export function lockRunningRefresh(db: Queryable): Promise<RegisterRefreshRow | null> {
  return oneRow<RegisterRefreshRow>(
    db,
    `SELECT * FROM business_register_refreshes WHERE status = 'running' FOR UPDATE SKIP LOCKED`,
  );
}

/** One employer done: the cursor moves past it, the counters add up, the next request waits its turn. */
export async function advanceRefresh(
  db: Queryable,
  id: number,
  step: { cursor: number; counts: RefreshCounts; nextRequestAt: Date; now: Date },
): Promise<void> {
  const { counts } = step;
  await db.query(
    `UPDATE business_register_refreshes
        SET cursor_employer_id = $2, progress = progress + $3, changed = changed + $4, flagged = flagged + $5,
            not_found = not_found + $6, failed = failed + $7, retries = 0, next_request_at = $8, updated_at = $9
      WHERE id = $1`,
    [
      id,
      step.cursor,
      counts.progress ?? 0,
      counts.changed ?? 0,
      counts.flagged ?? 0,
      counts.not_found ?? 0,
      counts.failed ?? 0,
      step.nextRequestAt,
      step.now,
    ],
  );
}

/** The register did not answer: try the same employer again after `nextRequestAt`. */
export async function retryRefreshLater(db: Queryable, id: number, nextRequestAt: Date, now: Date): Promise<void> {
  await db.query(
    `UPDATE business_register_refreshes SET retries = retries + 1, next_request_at = $2, updated_at = $3 WHERE id = $1`,
    [id, nextRequestAt, now],
  );
}

export async function finishRefresh(
  db: Queryable,
  id: number,
  status: Exclude<RegisterRefreshStatus, 'running'>,
  error: string | null,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE business_register_refreshes SET status = $2, error = $3, finished_at = $4, updated_at = $4 WHERE id = $1`,
    [id, status, error, now],
  );
}
