import type {
  EmployerAuditedField,
  EmployerDto,
  EmployerListItemDto,
  EmployerStatus,
  IndustryClassification,
  SizeClass,
} from '@tyoelama/shared';
import { SqlParams } from '../database/sql';
import { keysetPage } from '../database/keyset-page';
import {
  type ColumnOf,
  date,
  defineTable,
  integer,
  type RowOf,
  text,
  textArray,
  timestamptz,
  varchar,
} from '../database/table';
import { oneRow, type Queryable, rows } from '../database/typed-query';
import { type ColumnChanges, versionedUpdate } from '../database/versioned-update';
import { EMPLOYER_LIST_FROM, keysetColumnsSql, keysetOrderSql, type KeysetSort } from './employer-list-sql';

export const employersTable = defineTable('employers', {
  id: integer(),
  name: varchar(200),
  business_id: varchar(9).orNull(),
  industry_classification: varchar(7).as<IndustryClassification>().orNull(),
  industry_section: varchar(1).orNull(),
  industry_code: varchar(5).orNull(),
  municipality: varchar(100).orNull(),
  street_address: varchar(200).orNull(),
  postcode: varchar(5).orNull(),
  website: varchar(300).orNull(),
  size_class: varchar(6).as<SizeClass>().orNull(),
  owner_campus_group_id: integer(),
  account_manager_id: integer().orNull(),
  status: varchar(10).as<EmployerStatus>(),
  tags: textArray(),
  description: text().orNull(),
  archived_at: timestamptz().orNull(),
  /** Derived from contact entries, kept for sorting and "no contact for N days". */
  last_contact_at: timestamptz().orNull(),
  /** Derived from open follow-ups. */
  next_follow_up_due: date().orNull(),
  created_by: integer().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  version: integer(),
});

/** Every campus group that sees an employer, its owning group included, so scoping is one EXISTS. */
export const employerCampusGroupsTable = defineTable('employer_campus_groups', {
  employer_id: integer(),
  campus_group_id: integer(),
});

/** The words employer names use, kept by a trigger (see the EmployerNameWords migration) for name search. */
export const employerNameWordsTable = defineTable('employer_name_words', {
  word: text(),
});

type EmployerColumn = ColumnOf<typeof employersTable>;
type EmployerTableRow = RowOf<typeof employersTable>;

/** The audited fields stored in a column of their own: all but the campus group links (a table of their own). */
export type EmployerField = Exclude<EmployerAuditedField, 'campusGroupIds'>;

/** Request field → column, for what a client or an import writes as it is. */
export const EMPLOYER_FIELD_COLUMNS = {
  name: 'name',
  businessId: 'business_id',
  industryClassification: 'industry_classification',
  industrySection: 'industry_section',
  industryCode: 'industry_code',
  municipality: 'municipality',
  streetAddress: 'street_address',
  postcode: 'postcode',
  website: 'website',
  sizeClass: 'size_class',
  ownerCampusGroupId: 'owner_campus_group_id',
  accountManagerId: 'account_manager_id',
  status: 'status',
  tags: 'tags',
  description: 'description',
} as const satisfies Record<EmployerField, EmployerColumn>;

export const EMPLOYER_FIELDS = Object.keys(EMPLOYER_FIELD_COLUMNS) as EmployerField[];

/** The values of the column fields, as the API shows them. */
export type EmployerValues = Pick<EmployerDto, EmployerField>;

/** A list row: the employer's own columns, the joined names, the follow-up day as `YYYY-MM-DD`. */
type EmployerListRow = Pick<
  EmployerTableRow,
  | 'id'
  | 'name'
  | 'business_id'
  | 'status'
  | 'municipality'
  | 'owner_campus_group_id'
  | 'account_manager_id'
  | 'tags'
  | 'last_contact_at'
  | 'archived_at'
> & { owner_campus_group_name: string; account_manager_name: string | null; next_follow_up_due: string | null };

type EmployerDetailRow = EmployerListRow &
  Pick<
    EmployerTableRow,
    | 'industry_classification'
    | 'industry_section'
    | 'industry_code'
    | 'street_address'
    | 'postcode'
    | 'website'
    | 'size_class'
    | 'description'
    | 'created_at'
    | 'updated_at'
    | 'version'
  > & { other_campus_group_ids: number[] };

/** Columns of a list row, over EMPLOYER_LIST_FROM. */
export const LIST_COLUMNS = `e.id, e.name, e.business_id, e.status, e.municipality, e.owner_campus_group_id,
  og.name AS owner_campus_group_name, e.account_manager_id, am.display_name AS account_manager_name,
  e.tags, e.last_contact_at, e.next_follow_up_due::text AS next_follow_up_due, e.archived_at`;

const DETAIL_COLUMNS = `${LIST_COLUMNS}, e.industry_classification, e.industry_section, e.industry_code,
  e.street_address, e.postcode, e.website, e.size_class, e.description, e.created_at, e.updated_at, e.version,
  COALESCE((SELECT array_agg(l.campus_group_id ORDER BY l.campus_group_id) FROM employer_campus_groups l
             WHERE l.employer_id = e.id AND l.campus_group_id <> e.owner_campus_group_id), '{}') AS other_campus_group_ids`;

export function toListItem(row: EmployerListRow): EmployerListItemDto {
  return {
    id: row.id,
    name: row.name,
    businessId: row.business_id,
    status: row.status,
    municipality: row.municipality,
    ownerCampusGroupId: row.owner_campus_group_id,
    ownerCampusGroupName: row.owner_campus_group_name,
    accountManagerId: row.account_manager_id,
    accountManagerName: row.account_manager_name,
    tags: row.tags,
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
    nextFollowUpDue: row.next_follow_up_due,
    archived: row.archived_at !== null,
  };
}

function toDto(row: EmployerDetailRow): EmployerDto {
  return {
    ...toListItem(row),
    industryClassification: row.industry_classification,
    industrySection: row.industry_section,
    industryCode: row.industry_code,
    streetAddress: row.street_address,
    postcode: row.postcode,
    website: row.website,
    sizeClass: row.size_class,
    campusGroupIds: row.other_campus_group_ids,
    description: row.description,
    archivedAt: row.archived_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export async function findEmployer(db: Queryable, id: number): Promise<EmployerDto | null> {
  const row = await oneRow<EmployerDetailRow>(
    db,
    `SELECT ${DETAIL_COLUMNS} FROM ${EMPLOYER_LIST_FROM} WHERE e.id = $1`,
    [id],
  );
  return row && toDto(row);
}

/**
 * The filters only refer to `e`, and the joins never add or drop a row (owner group is a NOT NULL
 * foreign key, the manager a LEFT JOIN): counting the employers alone gives the same figure
 * without joining every row of a large list.
 */
export async function countEmployers(db: Queryable, where: string[], params: SqlParams): Promise<number> {
  const row = await oneRow<{ total: number }>(
    db,
    `SELECT count(*)::int AS total FROM employers e WHERE ${where.join(' AND ')}`,
    params.values,
  );
  return row!.total;
}

/** One keyset page of the list; `where` already holds the filters and the cursor's condition. */
export async function employerKeysetPage(
  db: Queryable,
  { where, params, sort, limit }: { where: string[]; params: SqlParams; sort: KeysetSort; limit: number },
): Promise<{ items: EmployerListItemDto[]; nextCursor: string | null }> {
  const fetched = await rows<EmployerListRow & { sort_lead: string | null; sort_name: string }>(
    db,
    `SELECT ${LIST_COLUMNS}, ${keysetColumnsSql(sort)} FROM ${EMPLOYER_LIST_FROM}
      WHERE ${where.join(' AND ')}
      ORDER BY ${keysetOrderSql(sort)} LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return keysetPage(fetched, limit, toListItem, (last) => [last.sort_lead, last.sort_name, last.id]);
}

/** Search results in relevance order, `limit + 1` of them from `offset`, each with the count of all matches. */
export function employersByRelevance(
  db: Queryable,
  {
    where,
    params,
    order,
    limit,
    offset,
  }: { where: string[]; params: SqlParams; order: string; limit: number; offset: number },
): Promise<(EmployerListRow & { total: number })[]> {
  return rows(
    db,
    `SELECT ${LIST_COLUMNS}, count(*) OVER ()::int AS total FROM ${EMPLOYER_LIST_FROM} WHERE ${where.join(' AND ')}
      ORDER BY ${order} LIMIT ${params.add(limit + 1)} OFFSET ${params.add(offset)}`,
    params.values,
  );
}

/** Inserts the employer (its campus group links apart) and returns its id. */
export async function insertEmployer(db: Queryable, values: EmployerValues, createdBy: number): Promise<number> {
  const params = new SqlParams();
  const columns = EMPLOYER_FIELDS.map((field) => EMPLOYER_FIELD_COLUMNS[field]);
  const placeholders = EMPLOYER_FIELDS.map((field) => params.add(values[field]));
  const row = await oneRow<{ id: number }>(
    db,
    `INSERT INTO employers (${columns.join(', ')}, created_by)
     VALUES (${placeholders.join(', ')}, ${params.add(createdBy)}) RETURNING id`,
    params.values,
  );
  return row!.id;
}

/**
 * Saves the changes if the employer is still at `version` (see versionedUpdate); the 409 carries
 * the employer as it is now, read outside the caller's transaction.
 */
export async function updateEmployer(
  db: Queryable,
  current: Queryable,
  { id, version, changes }: { id: number; version: number; changes: ColumnChanges<typeof employersTable> },
): Promise<void> {
  await versionedUpdate(db, employersTable, {
    id,
    version,
    changes,
    current: () => findEmployer(current, id),
    what: 'Employer',
  });
}

/** Every linked group, the owner included, so campus scoping is one EXISTS. */
export async function setEmployerCampusGroups(
  db: Queryable,
  employerId: number,
  ownerId: number,
  otherIds: number[],
): Promise<void> {
  await db.query(`DELETE FROM employer_campus_groups WHERE employer_id = $1`, [employerId]);
  await linkCampusGroups(db, [employerId], [...new Set([ownerId, ...otherIds])]);
}

/** Links every one of the employers to every one of the groups; existing links stay as they are. */
export async function linkCampusGroups(db: Queryable, employerIds: number[], groupIds: number[]): Promise<void> {
  await db.query(
    `INSERT INTO employer_campus_groups (employer_id, campus_group_id)
     SELECT e, g FROM unnest($1::int[]) AS e, unnest($2::int[]) AS g ON CONFLICT DO NOTHING`,
    [employerIds, groupIds],
  );
}

/** The employer other than `exceptId` that has the Y-tunnus, if any. */
export function employerWithBusinessId(
  db: Queryable,
  businessId: string,
  exceptId: number | null = null,
): Promise<{ id: number; name: string } | null> {
  return oneRow(db, `SELECT id, name FROM employers WHERE business_id = $1 AND id IS DISTINCT FROM $2`, [
    businessId,
    exceptId,
  ]);
}

// Bulk writes (the import): the employers travel as one JSON array, unpacked by jsonb_to_recordset.
// Text, not the columns' own types: a value too long then fails the INSERT/UPDATE like any other.
const RECORD_TYPES = EMPLOYER_FIELDS.map((field) => {
  const column = EMPLOYER_FIELD_COLUMNS[field];
  const sqlType = employersTable.columns[column].sqlType;
  return `${column} ${sqlType === 'integer' || sqlType === 'text[]' ? sqlType : 'text'}`;
}).join(', ');

function toRecord(id: number, values: EmployerValues): Record<string, unknown> {
  return Object.fromEntries([
    ['id', id],
    ...EMPLOYER_FIELDS.map((field) => [EMPLOYER_FIELD_COLUMNS[field], values[field]]),
  ]);
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
