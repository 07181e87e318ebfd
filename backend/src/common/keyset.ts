import { ApiException } from './api-exception';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@tyoelama/shared';

/** Opaque keyset cursor: the sort key values of the last row, base64url JSON. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((value) => value === null || typeof value === 'string' || typeof value === 'number')
    ) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through to the field error
  }
  throw ApiException.field('cursor', 'invalid_cursor', 'Invalid cursor');
}

export function pageSize(limit: string | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  const value = Number(limit);
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw ApiException.field('limit', 'out_of_range', `Must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return value;
}
