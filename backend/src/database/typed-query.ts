import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SqlParams } from './sql';
import type { ColumnOf, Table } from './table';

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

/**
 * `rows()` as a named prepared statement: each pooled connection parses and plans it once and then
 * only binds and runs it (PostgreSQL keeps custom plans for the first five runs, then a generic one
 * when that costs no more). For the few statements behind a page asked for on every visit, whose
 * planning under load costs as much as running them. Named by the text, so two texts never share a
 * name; the text must therefore vary only with the shape of the query (a scope), never with values.
 */
export async function preparedRows<T>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const name = `crm_${createHash('sha1').update(sql).digest('base64url').slice(0, 24)}`;
  // TypeORM hands the statement to pg's query() as it is, and pg takes a { name, text } config there.
  const result: unknown = await db.query({ name, text: sql } as unknown as string, [...params]);
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

/**
 * INSERTs one row of the table from column → value and returns its id. A column left out (or
 * `undefined`) takes its default.
 */
export async function insertRow<T extends Table>(
  db: Queryable,
  table: T,
  values: Partial<Record<ColumnOf<T>, unknown>>,
): Promise<number> {
  const params = new SqlParams();
  const columns = (Object.keys(values) as ColumnOf<T>[]).filter((column) => values[column] !== undefined);
  const placeholders = columns.map((column) => params.add(values[column]));
  const [{ id }] = await rows<{ id: number }>(
    db,
    `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING id`,
    params.values,
  );
  return id;
}
