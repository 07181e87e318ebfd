import { integer, type RowOf, type Table, timestamptz } from './table';

/** The columns every versioned table has (saved with `versionedUpdate`); spread into its declaration. */
export const versionedColumns = () => ({ created_at: timestamptz(), updated_at: timestamptz(), version: integer() });

/** The columns every versioned table has, as its row arrives from PostgreSQL. */
export type VersionedRow = RowOf<Table<ReturnType<typeof versionedColumns>>>;

/** The DTO fields of a versioned record: when it was created and last saved, and the version a save must name. */
export function versionedRecordFields(row: VersionedRow): { createdAt: string; updatedAt: string; version: number } {
  return { createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(), version: row.version };
}

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** The fields of the named columns under their camelCase names, e.g. `employer_id` → `employerId`. */
export type CamelFields<R, K extends keyof R & string> = { [P in K as CamelCase<P>]: R[P] };

/**
 * The DTO fields that are a column as PostgreSQL returned it, under the field's camelCase name;
 * a DTO's `toDto` spreads them and writes out only the fields it converts or computes.
 */
export function camelFields<R extends object, const K extends keyof R & string>(
  row: R,
  columns: readonly K[],
): CamelFields<R, K> {
  const fields: Record<string, unknown> = {};
  for (const column of columns) {
    fields[column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())] = row[column];
  }
  return fields as CamelFields<R, K>;
}

type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** Request field → column, for fields stored under their snake_case names (`displayName` → `display_name`). */
export function fieldColumns<const F extends string>(fields: readonly F[]): { readonly [K in F]: SnakeCase<K> } {
  return Object.fromEntries(
    fields.map((field) => [field, field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)]),
  ) as { readonly [K in F]: SnakeCase<K> };
}
