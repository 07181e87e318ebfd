// Kept free of zod: the app shell's translations quote it, and must not pull the validator into the first load.

/**
 * The years a date in this CRM can fall in. Wider than any real due date or contact, narrow enough
 * that PostgreSQL and every client parse it (year 0000 does not exist in either).
 */
export const DATE_YEAR_RANGE = { min: 1900, max: 2100 } as const;
