import { z } from 'zod/mini';

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

export const emailField = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email());

/** Database ids are positive integers (bigint serials kept under 2^53). */
export const idField = z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));

/** Optimistic-lock version every PATCH must echo back. */
export const versionField = z.int().check(z.nonnegative(), z.maximum(2_147_483_647));

/** Path or query id given as text: digits only, so `1e3` or `0x10` never become ids. */
export const idParam = z.pipe(
  z.string().check(z.regex(/^[1-9][0-9]{0,15}$/)),
  z.transform((value) => Number(value)),
);
