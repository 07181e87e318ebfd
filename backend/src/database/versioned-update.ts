import { ApiException } from '../http/api-exception';
import { SqlParams } from './sql';
import type { ColumnOf, RowOf, Table } from './table';
import { type Queryable, rows } from './typed-query';

/** The SET list of an UPDATE, its values as numbered parameters. */
export class ColumnChanges<T extends Table> {
  private readonly assignments: string[] = [];

  constructor(readonly params = new SqlParams()) {}

  set(column: ColumnOf<T>, value: unknown): this {
    this.assignments.push(`${column} = ${this.params.add(value)}`);
    return this;
  }

  /** A computed assignment, e.g. `archived_at = now()`; values in it go through `params`. */
  setSql(column: ColumnOf<T>, expression: string): this {
    this.assignments.push(`${column} = ${expression}`);
    return this;
  }

  /** Sets the column of every request field that is present (`undefined` leaves the column as it is). */
  setDefined<I extends object>(input: I, columns: { readonly [F in keyof I]?: ColumnOf<T> }): this {
    for (const field of Object.keys(columns) as (keyof I & string)[]) {
      const column = columns[field];
      if (column !== undefined && input[field] !== undefined) this.set(column, input[field]);
    }
    return this;
  }

  get sql(): string[] {
    return [...this.assignments];
  }
}

/** What a record must have for versioned saves. */
interface Versioned {
  version: number;
}

/**
 * The record the client read must still be the current one: 404 when there is none (or the caller
 * may not see it), 409 STALE_VERSION with the current record when someone saved it meanwhile.
 */
export function expectVersion<R extends Versioned>(record: R | null, version: number, what: string): R {
  if (!record) throw ApiException.notFound(what);
  if (record.version !== version) throw ApiException.staleVersion(record);
  return record;
}

export interface VersionedUpdate<T extends Table, R> {
  id: number;
  /** The version the client read. */
  version: number;
  changes: ColumnChanges<T>;
  /** The record as it is now (null when gone), for the 409 body after losing a race. */
  current: () => Promise<R | null>;
  /** For the 404 message: "Employer not found". */
  what: string;
}

/**
 * UPDATE … SET version = version + 1, updated_at = now() WHERE id = … AND version = …: the version
 * condition is what makes a concurrent save lose with 409 instead of overwriting. A row that is
 * gone is 404. Returns the updated row.
 */
export async function versionedUpdate<T extends Table, R>(
  db: Queryable,
  table: T,
  update: VersionedUpdate<T, R>,
): Promise<RowOf<T>> {
  const { params } = update.changes;
  const sets = ['version = version + 1', 'updated_at = now()', ...update.changes.sql];
  const [updated] = await rows<RowOf<T>>(
    db,
    `UPDATE ${table.name} SET ${sets.join(', ')}
      WHERE id = ${params.add(update.id)} AND version = ${params.add(update.version)} RETURNING *`,
    params.values,
  );
  if (updated) return updated;
  const current = await update.current();
  throw current === null ? ApiException.notFound(update.what) : ApiException.staleVersion(current);
}

/**
 * The update function of a table whose service works out the changes: it saves them if the row is
 * still at `version`, else 409 with the record as `find` reads it through `current` (by default
 * the same connection; a caller in a transaction may pass one outside it), or 404 when gone.
 */
export function versionedChangesUpdate<T extends Table, R>(
  table: T,
  find: (db: Queryable, id: number) => Promise<R | null>,
  what: string,
) {
  return async (
    db: Queryable,
    { id, version, changes }: { id: number; version: number; changes: ColumnChanges<T> },
    current: Queryable = db,
  ): Promise<void> => {
    await versionedUpdate(db, table, { id, version, changes, current: () => find(current, id), what });
  };
}

/**
 * The update function of a table whose request fields are stored as they are (`columns`: field →
 * column): it saves the fields the request has if the client's version is still the current one,
 * else 409 with `current()`, or 404 when the row is gone.
 */
export function versionedFieldsUpdate<T extends Table, const C extends Readonly<Record<string, ColumnOf<T>>>>(
  table: T,
  columns: C,
  what: string,
) {
  return async <R>(
    db: Queryable,
    id: number,
    input: { version: number } & { readonly [F in keyof C]?: unknown },
    current: () => Promise<R | null>,
  ): Promise<void> => {
    const changes = new ColumnChanges<T>().setDefined(input, columns);
    await versionedUpdate(db, table, { id, version: input.version, changes, current, what });
  };
}
