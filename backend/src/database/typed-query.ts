import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: the DataSource, a transaction's EntityManager. */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * TypeORM answers an UPDATE or DELETE with `[rows, affectedCount]` and anything else with the rows.
 * A row is an object, never an array, so the two cannot be mistaken for each other.
 */
function isRowsAndCount(result: unknown): result is [unknown[], number] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

/**
 * The rows a statement returns (a SELECT, or any statement with RETURNING), typed as the caller
 * declares them: `T` is the one place the shape of the result is written down.
 */
export async function rows<T>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(sql, [...params]);
  return (isRowsAndCount(result) ? result[0] : result) as T[];
}

/** The first row, or null when there is none. */
export async function oneRow<T>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T | null> {
  return (await rows<T>(db, sql, params))[0] ?? null;
}

/** How many rows an UPDATE or DELETE touched. */
export async function affectedRows(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<number> {
  const result: unknown = await db.query(sql, [...params]);
  if (!isRowsAndCount(result)) throw new Error('affectedRows() counts the rows of an UPDATE or DELETE only');
  return result[1];
}
