import type { Page } from '@tyoelama/shared';
import { encodeCursor } from './keyset';

/**
 * A keyset page from rows fetched with `LIMIT limit + 1`: the extra row only tells that there is a
 * next page, whose cursor is the sort key of the last row shown.
 */
export function keysetPage<R, I>(
  fetched: readonly R[],
  limit: number,
  toItem: (row: R) => I,
  cursorOf: (last: R) => readonly (string | number | null)[],
): Omit<Page<I>, 'total'> {
  const shown = fetched.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toItem),
    nextCursor: fetched.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/** An offset page (for orders a keyset cannot follow, like search relevance): the cursor is `[next offset]`. */
export function offsetPage<R, I>(
  fetched: readonly R[],
  limit: number,
  offset: number,
  toItem: (row: R) => I,
): Omit<Page<I>, 'total'> {
  return {
    items: fetched.slice(0, limit).map(toItem),
    nextCursor: fetched.length > limit ? encodeCursor([offset + limit]) : null,
  };
}
