import { type Queryable, rows } from '../database/typed-query';
import {
  columnValues,
  EMPLOYER_FIELD_COLUMNS,
  EMPLOYER_FIELDS,
  type EmployerValues,
  employersTable,
} from './employers.table';

// Bulk writes (the import): the employers travel as one JSON array, unpacked by jsonb_to_recordset.
// Text, not the columns' own types: a value too long then fails the INSERT/UPDATE like any other.
const RECORD_TYPES = EMPLOYER_FIELDS.map((field) => {
  const column = EMPLOYER_FIELD_COLUMNS[field];
  const sqlType = employersTable.columns[column].sqlType;
  return `${column} ${sqlType === 'integer' || sqlType === 'text[]' ? sqlType : 'text'}`;
}).join(', ');

function toRecord(id: number, values: EmployerValues): Record<string, unknown> {
  return { id, ...columnValues(values) };
}

/** The employers' column fields, locked so an edit in the UI meanwhile waits instead of being overwritten unseen. */
export async function lockEmployerValues(db: Queryable, ids: number[]): Promise<Map<number, EmployerValues>> {
  if (!ids.length) return new Map();
  const aliases = EMPLOYER_FIELDS.map((field) => `${EMPLOYER_FIELD_COLUMNS[field]} AS "${field}"`);
  const locked = await rows<EmployerValues & { id: number }>(
    db,
    `SELECT id, ${aliases.join(', ')} FROM employers WHERE id = ANY($1::int[]) FOR UPDATE`,
    [ids],
  );
  return new Map(locked.map(({ id, ...values }) => [id, values]));
}

/** Inserts new employers with ids taken beforehand (see reserveEmployerIds). */
export async function insertEmployers(
  db: Queryable,
  employers: { id: number; values: EmployerValues }[],
  createdBy: number,
): Promise<void> {
  if (!employers.length) return;
  const columns = ['id', ...EMPLOYER_FIELDS.map((field) => EMPLOYER_FIELD_COLUMNS[field])];
  await db.query(
    `INSERT INTO employers (${columns.join(', ')}, created_by)
     SELECT ${columns.map((column) => `r.${column}`).join(', ')}, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(id int, ${RECORD_TYPES})`,
    [JSON.stringify(employers.map(({ id, values }) => toRecord(id, values))), createdBy],
  );
}

/** Overwrites the employers' column fields, the owner group excepted (it stays as it was). */
export async function updateEmployers(
  db: Queryable,
  employers: { id: number; values: EmployerValues }[],
): Promise<void> {
  if (!employers.length) return;
  const sets = EMPLOYER_FIELDS.filter((field) => field !== 'ownerCampusGroupId').map(
    (field) => `${EMPLOYER_FIELD_COLUMNS[field]} = r.${EMPLOYER_FIELD_COLUMNS[field]}`,
  );
  await db.query(
    `UPDATE employers e SET ${sets.join(', ')}, version = e.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id int, ${RECORD_TYPES})
      WHERE e.id = r.id`,
    [JSON.stringify(employers.map(({ id, values }) => toRecord(id, values)))],
  );
}

/** `count` new employer ids, for writing employers and what refers to them in one pass. */
export async function reserveEmployerIds(db: Queryable, count: number): Promise<number[]> {
  if (count === 0) return [];
  const reserved = await rows<{ id: number }>(
    db,
    `SELECT nextval(pg_get_serial_sequence('employers', 'id'))::int AS id FROM generate_series(1, $1)`,
    [count],
  );
  return reserved.map((row) => row.id);
}
