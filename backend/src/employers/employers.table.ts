import {
  EMPLOYER_AUDITED_FIELDS,
  type EmployerAuditedField,
  type RegisterFlag,
  type RegisterSituation,
  type EmployerDto,
  type EmployerListItemDto,
  type EmployerStatus,
  type IndustryClassification,
  type SizeClass,
} from '@tyoelama/shared';
import { SqlParams } from '../database/sql';
import { keysetPage } from '../database/keyset-page';
import { camelFields, fieldColumns, versionedColumns, versionedRecordFields } from '../database/record-fields';
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
import { insertRow, oneRow, type Queryable, rows } from '../database/typed-query';
import { versionedChangesUpdate } from '../database/versioned-update';
import {
  EMPLOYER_LIST_FROM,
  keysetColumnsSql,
  keysetOrderSql,
  type KeysetSort,
  REGISTER_FLAGS_SQL,
} from './employer-list-sql';
import { REGISTER_DETAIL_COLUMNS, registerFactColumns, registerFacts } from './employer-register.table';

export const employersTable = defineTable('employers', {
  id: integer(),
  name: varchar(200),
  business_id: varchar(9).orNull(),
  company_form: varchar(100).orNull(),
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
  // The business register's facts, beside the CRM's own fields and never over them.
  ...registerFactColumns,
  ...versionedColumns(),
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

export const EMPLOYER_FIELDS = EMPLOYER_AUDITED_FIELDS.filter(
  (field): field is EmployerField => field !== 'campusGroupIds',
);

/** Request field → column, for what a client or an import writes as it is. */
export const EMPLOYER_FIELD_COLUMNS = fieldColumns(EMPLOYER_FIELDS) satisfies Record<EmployerField, EmployerColumn>;

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
> & {
  owner_campus_group_name: string;
  account_manager_name: string | null;
  next_follow_up_due: string | null;
  register_flags: RegisterFlag[];
};

type EmployerDetailRow = EmployerListRow &
  Pick<
    EmployerTableRow,
    | 'company_form'
    | 'register_found'
    | 'register_name'
    | 'register_checked_at'
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
  > & { other_campus_group_ids: number[]; register_situations: RegisterSituation[]; register_ceased_on: string | null };

/** Columns of a list row, over EMPLOYER_LIST_FROM. */
export const LIST_COLUMNS = `e.id, e.name, e.business_id, e.status, e.municipality, e.owner_campus_group_id,
  og.name AS owner_campus_group_name, e.account_manager_id, am.display_name AS account_manager_name,
  e.tags, e.last_contact_at, e.next_follow_up_due::text AS next_follow_up_due, e.archived_at,
  ${REGISTER_FLAGS_SQL} AS register_flags`;

const DETAIL_COLUMNS = `${LIST_COLUMNS}, e.company_form, ${REGISTER_DETAIL_COLUMNS}, e.industry_classification, e.industry_section, e.industry_code,
  e.street_address, e.postcode, e.website, e.size_class, e.description, e.created_at, e.updated_at, e.version,
  COALESCE((SELECT array_agg(l.campus_group_id ORDER BY l.campus_group_id) FROM employer_campus_groups l
             WHERE l.employer_id = e.id AND l.campus_group_id <> e.owner_campus_group_id), '{}') AS other_campus_group_ids`;

export function toListItem(row: EmployerListRow): EmployerListItemDto {
  return {
    ...camelFields(row, [
      'id',
      'name',
      'business_id',
      'status',
      'municipality',
      'owner_campus_group_id',
      'owner_campus_group_name',
      'account_manager_id',
      'account_manager_name',
      'tags',
      'next_follow_up_due',
      'register_flags',
    ]),
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
    archived: row.archived_at !== null,
  };
}

function toDto(row: EmployerDetailRow): EmployerDto {
  return {
    ...toListItem(row),
    ...camelFields(row, [
      'company_form',
      'industry_classification',
      'industry_section',
      'industry_code',
      'street_address',
      'postcode',
      'website',
      'size_class',
      'description',
    ]),
    campusGroupIds: row.other_campus_group_ids,
    archivedAt: row.archived_at?.toISOString() ?? null,
    register: registerFacts(row),
    ...versionedRecordFields(row),
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

/** The column fields of a new employer: what the request (or import row) leaves out is empty. */
export function newEmployerValues(
  fields: Partial<EmployerValues> & Pick<EmployerValues, 'name' | 'ownerCampusGroupId' | 'status' | 'tags'>,
): EmployerValues {
  return Object.fromEntries(EMPLOYER_FIELDS.map((field) => [field, fields[field] ?? null])) as EmployerValues;
}

/** Column → value of the employer's column fields. */
export function columnValues(values: EmployerValues): Partial<Record<EmployerColumn, unknown>> {
  return Object.fromEntries(EMPLOYER_FIELDS.map((field) => [EMPLOYER_FIELD_COLUMNS[field], values[field]]));
}

/** Inserts the employer (its campus group links apart) and returns its id. */
export async function insertEmployer(db: Queryable, values: EmployerValues, createdBy: number): Promise<number> {
  return insertRow(db, employersTable, { ...columnValues(values), created_by: createdBy });
}

export const updateEmployer = versionedChangesUpdate(employersTable, findEmployer, 'Employer');

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
