import { isSearchable } from '@tyoelama/shared';

/** Collects numbered parameters for hand-written SQL: `where.push(\`x = ${params.add(v)}\`)`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A list's `q` condition: FALSE for a term that can match nothing (see isSearchable), else `condition()`. */
export function searchCondition(q: string, condition: () => string): string {
  return isSearchable(q) ? condition() : 'FALSE';
}

/** Escapes LIKE wildcards in user text, so `%` and `_` match themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Helsinki's calendar date today: "overdue", "due today" and "on time" are Finnish days. */
export const HELSINKI_TODAY = `(now() AT TIME ZONE 'Europe/Helsinki')::date`;
