/**
 * A table's one description on the backend: its columns with their PostgreSQL types (as
 * information_schema names them, so the schema-drift test can compare them with the migrated
 * database) and the TypeScript type node-postgres hands back for each, so a row is typed where it
 * leaves PostgreSQL. The migrations stay the source of constraints, defaults and indexes.
 */
export class Column<T, Nullable extends boolean = false> {
  /** Type-only: what a `SELECT column` returns (never set at run time). */
  declare readonly valueType: T;

  constructor(
    /** `character varying(200)`, `text[]`, `timestamp with time zone`: information_schema's words. */
    readonly sqlType: string,
    readonly nullable: Nullable,
  ) {}

  orNull(): Column<T, true> {
    return new Column<T, true>(this.sqlType, true);
  }

  /** Narrows the value type, e.g. a varchar a CHECK constraint keeps to a union of statuses. */
  as<U extends T>(): Column<U, Nullable> {
    return this as unknown as Column<U, Nullable>;
  }
}

// node-postgres defaults (no custom type parsers are installed): int8 and numeric arrive as text
// (they can exceed a double), date and timestamptz as JavaScript Dates.
export const integer = (): Column<number> => new Column('integer', false);
export const smallint = (): Column<number> => new Column('smallint', false);
export const bigint = (): Column<string> => new Column('bigint', false);
export const boolean = (): Column<boolean> => new Column('boolean', false);
export const text = (): Column<string> => new Column('text', false);
export const varchar = (length: number): Column<string> => new Column(`character varying(${length})`, false);
export const char = (length: number): Column<string> => new Column(`character(${length})`, false);
export const timestamptz = (): Column<Date> => new Column('timestamp with time zone', false);
/** A Date at local midnight when selected as is; lists select `column::text` for the `YYYY-MM-DD` the API sends. */
export const date = (): Column<Date> => new Column('date', false);
export const jsonb = <T = unknown>(): Column<T> => new Column('jsonb', false);
export const textArray = (): Column<string[]> => new Column('text[]', false);
export const integerArray = (): Column<number[]> => new Column('integer[]', false);

export type Columns = Record<string, Column<unknown, boolean>>;

export interface Table<C extends Columns = Columns> {
  readonly name: string;
  readonly columns: C;
}

export function defineTable<const C extends Columns>(name: string, columns: C): Table<C> {
  return { name, columns };
}

type ValueOf<K> = K extends Column<infer T, infer Nullable> ? (Nullable extends true ? T | null : T) : never;

/** One row of the table as `SELECT *` returns it. */
export type RowOf<T extends Table> = { [K in keyof T['columns']]: ValueOf<T['columns'][K]> };

/** A column name of the table. */
export type ColumnOf<T extends Table> = keyof T['columns'] & string;

/** `alias.a, alias.b, …` for the given columns of the table (all of them by default). */
export function columnList<T extends Table>(
  table: T,
  alias?: string,
  names: readonly ColumnOf<T>[] = Object.keys(table.columns),
): string {
  return names.map((name) => (alias ? `${alias}.${name}` : name)).join(', ');
}

/** `alias.a, alias.b, …` for every column of the table but the omitted ones (selected otherwise, or never). */
export function columnListExcept<T extends Table>(table: T, alias: string, omitted: readonly ColumnOf<T>[]): string {
  const names = Object.keys(table.columns) as ColumnOf<T>[];
  return columnList(
    table,
    alias,
    names.filter((name) => !omitted.includes(name)),
  );
}
