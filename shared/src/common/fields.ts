import * as z from 'zod/mini';
import { ROLES } from '../auth/roles';
import { LOCALES } from './locale';
import { DATE_YEAR_RANGE } from './date-year-range';

/** A trimmed, required one-line text with an upper bound. */
export const requiredText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A trimmed optional text; empty strings become null so "cleared" is stored as no value. */
export const optionalText = (max: number) =>
  z.optional(
    z.nullable(
      z.pipe(
        z.string().check(z.trim(), z.maxLength(max)),
        z.transform((value) => (value === '' ? null : value)),
      ),
    ),
  );

/** An optional text that must match a pattern when given; empty means none. */
export const optionalPattern = (pattern: RegExp, max: number) =>
  z.optional(
    z.nullable(
      z.pipe(
        z.string().check(z.trim(), z.maxLength(max), z.regex(new RegExp(`^$|${pattern.source}`))),
        z.transform((value) => (value === '' ? null : value)),
      ),
    ),
  );

export const emailField = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email());

export const optionalEmail = z.optional(
  z.nullable(
    z.pipe(
      z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/)),
      z.transform((value) => (value === '' ? null : value)),
    ),
  ),
);

/** Database ids are positive integers (bigint serials kept under 2^53). */
export const idField = z.int().check(z.positive(), z.maximum(2_147_483_647));

/** Optimistic-lock version every PATCH must echo back. */
export const versionField = z.int().check(z.nonnegative(), z.maximum(2_147_483_647));

/** The written year (`YYYY-…`) is within DATE_YEAR_RANGE. */
const yearInRange = z.refine<string>(
  (value) => {
    const year = Number(value.slice(0, 4));
    return year >= DATE_YEAR_RANGE.min && year <= DATE_YEAR_RANGE.max;
  },
  {
    message: `The year must be between ${DATE_YEAR_RANGE.min} and ${DATE_YEAR_RANGE.max}`,
    params: { code: 'date_out_of_range' },
    abort: true,
  },
);

/** A calendar date `YYYY-MM-DD` (due dates, expected starts): no time zone games. */
export const dateField = z.iso.date({ abort: true }).check(yearInRange);

// Real time zones lie within UTC−12:00…+14:00; PostgreSQL refuses offsets beyond ±15:59.
const MAX_OFFSET_MINUTES = 14 * 60;

/** An instant with offset, e.g. `2026-11-24T13:05:00.000Z`. */
export const dateTimeField = z.iso.datetime({ offset: true, abort: true }).check(
  yearInRange,
  z.refine<string>(
    (value) => {
      const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
      return !offset || Number(offset[2]) * 60 + Number(offset[3]) <= MAX_OFFSET_MINUTES;
    },
    { message: 'Invalid datetime', params: { code: 'invalid_datetime' } },
  ),
);

/** A list of distinct values from an enum, at most `max`. */
export const enumList = <const T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z.pipe(
    z.array(z.enum(values)).check(z.maxLength(max)),
    z.transform((list) => [...new Set(list)]),
  );

/** Ids are PostgreSQL `integer`s: anything above this can match no row and must not reach SQL. */
export const MAX_ID = 2_147_483_647;

/** An id written as text: digits only (so `1e3` or `0x10` never become ids), within the integer range. */
export const idText = z.string().check(
  z.regex(/^[1-9][0-9]{0,9}$/),
  z.refine((value) => Number(value) <= MAX_ID, { message: 'Out of range', params: { code: 'out_of_range' } }),
);

/** Path or query id given as text. */
export const idParam = z.pipe(
  idText,
  z.transform((value) => Number(value)),
);

/** Query-string id filters. */
export const idQuery = z.optional(idText);
const limitQuery = z.optional(z.string().check(z.regex(/^[0-9]{1,3}$/)));
const cursorQuery = z.optional(z.string().check(z.maxLength(500)));

/** A list's query: its own filters, then the keyset paging every list takes (`cursor`, `limit`). */
export function listQuerySchema<const F extends z.core.$ZodLooseShape>(filters: F) {
  return z.strictObject({ ...filters, cursor: cursorQuery, limit: limitQuery });
}
/** PostgreSQL text cannot hold NUL; refuse it at the edge instead of failing in SQL (or mid-export). */
export const withoutNul = z.refine<string>((value) => !value.includes('\u0000'), {
  message: 'Contains a NUL character',
  params: { code: 'invalid_characters' },
});
export const searchQuery = z.optional(z.string().check(z.trim(), z.maxLength(200), withoutNul));

export const localeField = z.enum(LOCALES);
export const roleField = z.enum(ROLES);
