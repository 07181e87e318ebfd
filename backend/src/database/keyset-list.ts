import type { Page } from '@tyoelama/shared';
import { decodeCursor, pageSize } from './keyset';
import type { SqlParams } from './sql';
import { keysetPage } from './keyset-page';
import { type Queryable, rows } from './typed-query';

/** What a list's sort key is in its cursor; a timestamp or a day is cast back for the comparison. */
const KEY_CASTS = { text: '', timestamp: '::timestamptz', date: '::date' } as const;

/** A list sorted by one key, then the row id: the cursor holds both of the last row shown. */
export interface KeysetOrder<R> {
  /** SQL of the sort key, e.g. `c.occurred_at` or `lower(u.display_name)`. */
  key: string;
  keyPart: keyof typeof KEY_CASTS;
  /** SQL of the row id, e.g. `u.id`. */
  id: string;
  descending?: boolean;
  /**
   * The row's sort key as the cursor holds it: a timestamp to the microsecond (`timestampKeySql`),
   * a day as `YYYY-MM-DD`, a name lower-cased like the key.
   */
  cursorKey: (row: R) => string;
}

/**
 * Newest first by a timestamptz column `key`, then by `id`; `cursorKey` gives the row's key as
 * `timestampKeySql` renders it.
 */
export function newestFirst<R>(key: string, id: string, cursorKey: (row: R) => string): KeysetOrder<R> {
  return { key, keyPart: 'timestamp', id, descending: true, cursorKey };
}

/** One list: the rows, the conditions they meet, the order and the client's paging. */
export interface KeysetList<R extends { id: number }, I> {
  /** The table and its alias with any joins, e.g. `users u`. */
  from: string;
  /** What the total counts, when the joins of `from` are only for the columns (they neither add nor drop rows). */
  countFrom?: string;
  columns: string;
  /** Conditions every row meets (joined with AND), their values already in `params`. */
  where: readonly string[];
  params: SqlParams;
  order: KeysetOrder<R>;
  query: { cursor?: string; limit?: string };
  toItem: (row: R) => I;
}

function whereClause(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** The list's total and one keyset page of it. */
export async function keysetListPage<R extends { id: number }, I>(
  db: Queryable,
  list: KeysetList<R, I>,
): Promise<Page<I>> {
  const limit = pageSize(list.query.limit);
  const { params, order } = list;
  const [{ total }] = await rows<{ total: number }>(
    db,
    `SELECT count(*)::int AS total FROM ${list.countFrom ?? list.from} ${whereClause(list.where)}`,
    params.values,
  );
  const cursor = decodeCursor(list.query.cursor, [order.keyPart, 'id']);
  const direction = order.descending ? ' DESC' : '';
  const after = cursor
    ? `(${order.key}, ${order.id}) ${order.descending ? '<' : '>'} (${params.add(cursor[0])}${KEY_CASTS[order.keyPart]}, ${params.add(cursor[1])})`
    : null;
  const fetched = await rows<R>(
    db,
    `SELECT ${list.columns} FROM ${list.from} ${whereClause(after ? [...list.where, after] : list.where)}
      ORDER BY ${order.key}${direction}, ${order.id}${direction} LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  const page = keysetPage(fetched, limit, list.toItem, (last) => [order.cursorKey(last), last.id]);
  return { ...page, total };
}
