import type { Page } from '@tyoelama/shared';
import { decodeCursor, pageSize } from './keyset';
import type { SqlParams } from './sql';
import { keysetPage } from './keyset-page';
import { oneRow, type Queryable, rows } from './typed-query';

/** A list sorted by a name (case-insensitively), then id: campus groups, users. */
export interface NameOrderedList<R extends { id: number }, I> {
  /** The table and its alias, e.g. `users u`. */
  from: string;
  columns: string;
  /** Conditions every row meets (joined with AND), their values already in `params`. */
  where: readonly string[];
  params: SqlParams;
  /** The name column the list sorts by, e.g. `u.display_name`. */
  name: string;
  id: string;
  query: { cursor?: string; limit?: string };
  toItem: (row: R) => I;
  /** The row's name as the sort key holds it (lower-cased). */
  sortName: (row: R) => string;
}

/** The list's total and one keyset page of it. */
export async function nameOrderedPage<R extends { id: number }, I>(
  db: Queryable,
  list: NameOrderedList<R, I>,
): Promise<Page<I>> {
  const limit = pageSize(list.query.limit);
  const { params } = list;
  const whereClause = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const counted = await oneRow<{ total: number }>(
    db,
    `SELECT count(*)::int AS total FROM ${list.from} ${whereClause(list.where)}`,
    params.values,
  );
  const cursor = decodeCursor(list.query.cursor, ['text', 'id']);
  const pageWhere = cursor
    ? [...list.where, `(lower(${list.name}), ${list.id}) > (${params.add(cursor[0])}, ${params.add(cursor[1])})`]
    : list.where;
  const fetched = await rows<R>(
    db,
    `SELECT ${list.columns} FROM ${list.from} ${whereClause(pageWhere)}
      ORDER BY lower(${list.name}), ${list.id} LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  const { items, nextCursor } = keysetPage(fetched, limit, list.toItem, (last) => [list.sortName(last), last.id]);
  return { items, total: counted?.total ?? 0, nextCursor };
}
