import { ApiException } from '../http/api-exception';
import { DEFAULT_PAGE_SIZE, MAX_ID, MAX_PAGE_SIZE } from '@tyoelama/shared';

/**
 * What one position of a keyset cursor holds. A cursor comes back from the client, so every value
 * is checked against the list's sort key before it reaches SQL: a value PostgreSQL cannot cast
 * would otherwise fail the query (a 500) instead of the request (a 400).
 */
export type CursorPart =
  /** A row id: an integer 1…MAX_ID. */
  | 'id'
  /** A result offset: an integer 0…MAX_ID. */
  | 'offset'
  /** Text as the sort key holds it (no NUL, which PostgreSQL text cannot hold). */
  | 'text'
  /** A calendar day `YYYY-MM-DD`, as a PostgreSQL `date` is written. */
  | 'date'
  /** An instant with its offset, as to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') or timestamptz::text writes it. */
  | 'timestamp'
  /** A PostgreSQL `integer` written as text (a rank). */
  | 'integer'
  /** Always null: the sort has no key in this position. */
  | 'null';

export type CursorSpec = readonly (CursorPart | { part: CursorPart; nullable: true })[];

type PartValue<P> = P extends 'id' | 'offset' ? number : P extends 'null' ? null : string;
type SpecValue<S> = S extends { part: infer P; nullable: true } ? PartValue<P> | null : PartValue<S>;
export type CursorValues<S extends CursorSpec> = { -readonly [K in keyof S]: SpecValue<S[K]> };

const MAX_INT4 = 2_147_483_647;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Historical offsets carry seconds (Helsinki was +01:39:49 until 1921); PostgreSQL accepts up to ±15:59:59.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?(Z|[+-](0\d|1[0-5])(:?[0-5]\d(:[0-5]\d)?)?)$/;

/** Year 1…9999 and a day the month has: what both PostgreSQL and the list's own cursor write. */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(2000, Number(month) - 1, Number(day)));
  date.setUTCFullYear(Number(year));
  return (
    Number(year) >= 1 &&
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

function fits(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case 'id':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ID;
    case 'offset':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_INT4;
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
    case 'date': {
      const match = typeof value === 'string' ? DATE.exec(value) : null;
      return match !== null && isCalendarDay(match[1], match[2], match[3]);
    }
    case 'timestamp': {
      const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
      return match !== null && isCalendarDay(match[1], match[2], match[3]);
    }
    case 'integer':
      return typeof value === 'string' && /^-?\d{1,10}$/.test(value) && Math.abs(Number(value)) <= MAX_INT4;
    case 'null':
      return value === null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Opaque keyset cursor: the sort key values of the last row, base64url JSON. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The cursor's values, each checked against the list's sort key (`spec`); no cursor → null.
 * Anything else — not base64url JSON, another length, a value of the wrong kind — is 400 INVALID_CURSOR.
 */
export function decodeCursor<const S extends CursorSpec>(cursor: string | undefined, spec: S): CursorValues<S> | null {
  if (cursor === undefined || cursor === '') return null;
  const values = parseJson(Buffer.from(cursor, 'base64url').toString('utf8'));
  const valid =
    Array.isArray(values) &&
    values.length === spec.length &&
    spec.every((expected, index) => {
      const value: unknown = values[index];
      if (typeof expected === 'string') return fits(expected, value);
      return value === null || fits(expected.part, value);
    });
  if (!valid) throw ApiException.invalidCursor();
  return values as CursorValues<S>;
}

export function pageSize(limit: string | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  const value = Number(limit);
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw ApiException.field('limit', 'out_of_range', `Must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return value;
}

/**
 * A timestamptz sort key as cursor text, to the microsecond (a JavaScript Date keeps only
 * milliseconds, so a cursor made from one would skip or repeat rows saved in the same millisecond).
 */
export function timestampKeySql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
