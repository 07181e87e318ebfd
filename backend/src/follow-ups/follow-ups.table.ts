import type {
  FollowUpAuditedField,
  FollowUpDto,
  FollowUpListQuery,
  FollowUpStatus,
  HomeFollowUps,
  Page,
} from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { assertUnreachable, type CampusScope } from '../auth';
import { HELSINKI_TODAY, SqlParams } from '../database/sql';
import { type EmployerOwnedFind, type EmployerOwnedView, employerVisibleSql, findEmployerOwnedRow } from '../employers';
import { keysetListPage } from '../database/keyset-list';
import { camelFields, versionedColumns, versionedRecordFields } from '../database/record-fields';
import { columnList, date, defineTable, integer, type RowOf, text, timestamptz, varchar } from '../database/table';
import { preparedRows, type Queryable, rows } from '../database/typed-query';
import { type ColumnChanges, versionedUpdate } from '../database/versioned-update';

export const followUpsTable = defineTable('follow_ups', {
  id: integer(),
  employer_id: integer(),
  /** The contact entry that asked for it; cleared when the entry is deleted, the follow-up stays. */
  contact_entry_id: integer().orNull(),
  title: varchar(300),
  notes: text().orNull(),
  due_date: date(),
  assignee_id: integer(),
  status: varchar(10).as<FollowUpStatus>(),
  completed_at: timestamptz().orNull(),
  completed_by: integer().orNull(),
  created_by: integer().orNull(),
  ...versionedColumns(),
});

export type FollowUpRow = RowOf<typeof followUpsTable>;

/** A follow-up as the API shows it: the day as `YYYY-MM-DD` and the names of the rows it refers to. */
interface FollowUpView extends Omit<FollowUpRow, 'due_date' | 'completed_by'> {
  due_date: string;
  employer_name: string;
  assignee_name: string;
  completed_by_name: string | null;
  overdue: boolean;
}

/** Open and past its due day, a Helsinki day; `f` is the alias of follow_ups in the query. */
export function followUpOverdueSql(alias = 'f'): string {
  return `(${alias}.status = 'open' AND ${alias}.due_date < ${HELSINKI_TODAY})`;
}

const VIEW_FROM = `follow_ups f
  JOIN employers e ON e.id = f.employer_id
  JOIN users a ON a.id = f.assignee_id
  LEFT JOIN users cb ON cb.id = f.completed_by`;

const VIEW_COLUMNS = `${columnList(followUpsTable, 'f', [
  'id',
  'employer_id',
  'contact_entry_id',
  'title',
  'notes',
  'assignee_id',
  'status',
  'completed_at',
  'created_by',
  'created_at',
  'updated_at',
  'version',
])}, f.due_date::text AS due_date, e.name AS employer_name, a.display_name AS assignee_name,
  cb.display_name AS completed_by_name, ${followUpOverdueSql('f')} AS overdue`;

const VIEW: EmployerOwnedView = { columns: VIEW_COLUMNS, from: VIEW_FROM, alias: 'f' };

function toDto(row: FollowUpView): FollowUpDto {
  return {
    ...camelFields(row, [
      'id',
      'employer_id',
      'employer_name',
      'contact_entry_id',
      'title',
      'notes',
      'due_date',
      'assignee_id',
      'assignee_name',
      'status',
      'completed_by_name',
      'overdue',
    ]),
    completedAt: row.completed_at?.toISOString() ?? null,
    createdById: row.created_by,
    ...versionedRecordFields(row),
  };
}

/** List filters other than scope and paging, as SQL conditions (the exports use them too). */
export function followUpFilterConditions(caller: AuthUser, query: FollowUpListQuery, params: SqlParams): string[] {
  const where: string[] = [];
  if (query.assignee) {
    where.push(`f.assignee_id = ${params.add(query.assignee === 'me' ? caller.id : Number(query.assignee))}`);
  }
  if (query.status) where.push(`f.status = ${params.add(query.status)}`);
  if (query.employerId) where.push(`f.employer_id = ${params.add(Number(query.employerId))}`);
  if (query.due) where.push(dueCondition(query.due));
  return where;
}

function dueCondition(due: NonNullable<FollowUpListQuery['due']>): string {
  switch (due) {
    case 'overdue':
      return followUpOverdueSql('f');
    case 'today':
      // Whatever the status: today's list also shows what was already done today.
      return `f.due_date = ${HELSINKI_TODAY}`;
    case 'week':
      return `(f.status = 'open' AND f.due_date BETWEEN ${HELSINKI_TODAY} AND ${HELSINKI_TODAY} + 6)`;
    default:
      return assertUnreachable(due);
  }
}

/** The page of follow-ups the caller may see, by due day then id. */
export async function followUpPage(
  db: Queryable,
  caller: AuthUser,
  scope: CampusScope,
  query: FollowUpListQuery,
): Promise<Page<FollowUpDto>> {
  const params = new SqlParams();
  return keysetListPage(db, {
    from: VIEW_FROM,
    countFrom: 'follow_ups f',
    columns: VIEW_COLUMNS,
    where: [employerVisibleSql(scope, 'f.employer_id', params), ...followUpFilterConditions(caller, query, params)],
    params,
    order: { key: 'f.due_date', keyPart: 'date', id: 'f.id', cursorKey: (row: FollowUpView) => row.due_date },
    query,
    toItem: toDto,
  });
}

type DueSection = keyof HomeFollowUps;

/**
 * The open follow-ups assigned to `assigneeId` that are overdue, due `today` or due in the next six
 * days (Helsinki days, `today` given by the caller so the sections match the day its answer is
 * remembered for), at most `limit` per section, with each section's total. One statement on the
 * assignee index instead of a count and a page per section: the home page is asked for on every visit.
 */
export async function dueFollowUpsOf(
  db: Queryable,
  assigneeId: number,
  scope: CampusScope,
  limit: number,
  today: string,
): Promise<HomeFollowUps> {
  const params = new SqlParams();
  const visible = employerVisibleSql(scope, 'f.employer_id', params);
  const day = `${params.add(today)}::date`;
  // Ranked on the bare index rows first: a busy assignee has a thousand open follow-ups, and
  // joining names to all of them before cutting each section to `limit` took 200 ms.
  const fetched = await preparedRows<FollowUpView & { section: DueSection; section_total: number }>(
    db,
    `WITH due AS (
       SELECT f.id, f.due_date,
              CASE WHEN f.due_date < ${day} THEN 'overdue' WHEN f.due_date = ${day} THEN 'today' ELSE 'week' END AS section
         FROM follow_ups f
        WHERE f.assignee_id = ${params.add(assigneeId)} AND f.status = 'open'
          AND f.due_date <= ${day} + 6 AND ${visible}),
     ranked AS (
       SELECT id, section, row_number() OVER (PARTITION BY section ORDER BY due_date, id) AS position,
              count(*) OVER (PARTITION BY section)::int AS section_total
         FROM due)
     SELECT v.*, r.section, r.section_total
       FROM ranked r
      -- Looked up by id, one by one (OFFSET 0 keeps the planner from flattening the subquery): it
      -- cannot tell that only a few rows survive the cut, and otherwise hash-joins every follow-up.
      CROSS JOIN LATERAL (SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE f.id = r.id OFFSET 0) v
      WHERE r.position <= ${params.add(limit)}
      ORDER BY v.due_date, v.id`,
    params.values,
  );
  const sections: HomeFollowUps = {
    overdue: { items: [], total: 0 },
    today: { items: [], total: 0 },
    week: { items: [], total: 0 },
  };
  for (const row of fetched) {
    sections[row.section].items.push(toDto(row));
    sections[row.section].total = row.section_total;
  }
  return sections;
}

/** The follow-up if the scope sees its employer: see `findEmployerOwnedRow`. */
export async function findFollowUp(db: Queryable, id: number, find?: EmployerOwnedFind): Promise<FollowUpDto | null> {
  const row = await findEmployerOwnedRow<FollowUpView>(db, VIEW, id, find);
  return row && toDto(row);
}

export type NewFollowUpRow = Pick<
  FollowUpRow,
  'employer_id' | 'contact_entry_id' | 'title' | 'notes' | 'assignee_id' | 'created_by'
> & { due_date: string };

/** The columns of a new follow-up its audit record is made of, as an INSERT … RETURNING list. */
const CREATED_COLUMNS = 'id, title, notes, due_date::text AS due_date, assignee_id, status, contact_entry_id';

/** A follow-up as its INSERT returned it (CREATED_COLUMNS). */
export interface CreatedFollowUpRow {
  id: number;
  title: string;
  notes: string | null;
  due_date: string;
  assignee_id: number;
  status: FollowUpStatus;
  contact_entry_id: number | null;
}

/**
 * The INSERT of a new follow-up, returning CREATED_COLUMNS. `contactEntryIdSql` is a parameter, or
 * a column of the WITH query a contact entry is inserted by in the same statement (`FROM`).
 */
export function insertFollowUpSql(
  values: Omit<NewFollowUpRow, 'contact_entry_id'>,
  params: SqlParams,
  contactEntryId: { sql: string; from?: string },
): string {
  return `INSERT INTO follow_ups (employer_id, contact_entry_id, title, notes, due_date, assignee_id, created_by)
     SELECT ${params.add(values.employer_id)}::int, ${contactEntryId.sql}, ${params.add(values.title)}, ${params.add(values.notes)},
            ${params.add(values.due_date)}::date, ${params.add(values.assignee_id)}::int, ${params.add(values.created_by)}::int
            ${contactEntryId.from ? `FROM ${contactEntryId.from}` : ''}
     RETURNING ${CREATED_COLUMNS}`;
}

export async function insertFollowUp(db: Queryable, values: NewFollowUpRow): Promise<CreatedFollowUpRow> {
  const params = new SqlParams();
  const sql = insertFollowUpSql(values, params, { sql: `${params.add(values.contact_entry_id)}::int` });
  const [created] = await rows<CreatedFollowUpRow>(db, sql, params.values);
  return created;
}

/** The audited fields of a new follow-up (FOLLOW_UP_AUDITED_FIELDS), from its INSERT's row. */
export function createdFollowUpFields(row: CreatedFollowUpRow): Pick<FollowUpDto, FollowUpAuditedField> {
  return {
    title: row.title,
    notes: row.notes,
    dueDate: row.due_date,
    assigneeId: row.assignee_id,
    status: row.status,
    contactEntryId: row.contact_entry_id,
  };
}

/** Saves `changes` if `before` is still the current version; returns the follow-up as saved. */
export async function updateFollowUp(
  db: Queryable,
  before: FollowUpDto,
  changes: ColumnChanges<typeof followUpsTable>,
): Promise<FollowUpDto> {
  await versionedUpdate(db, followUpsTable, {
    id: before.id,
    version: before.version,
    changes,
    current: () => findFollowUp(db, before.id),
    what: 'Follow-up',
  });
  return (await findFollowUp(db, before.id))!;
}

/** The ids of the follow-ups a contact entry asked for, as an `integer[]` expression. */
export function followUpIdsOfEntrySql(contactEntryIdSql: string): string {
  return `COALESCE((SELECT array_agg(f.id ORDER BY f.id) FROM follow_ups f WHERE f.contact_entry_id = ${contactEntryIdSql}), '{}')`;
}

/**
 * Links follow-ups back to their restored contact entry; one linked elsewhere since, or moved to
 * another employer, stays as it is.
 */
export async function reattachFollowUpsToEntry(
  db: Queryable,
  contactEntryId: number,
  employerId: number,
  followUpIds: readonly number[],
): Promise<void> {
  if (followUpIds.length === 0) return;
  await db.query(
    `UPDATE follow_ups SET contact_entry_id = $1
      WHERE id = ANY($3::int[]) AND employer_id = $2 AND contact_entry_id IS NULL`,
    [contactEntryId, employerId, followUpIds],
  );
}

/** Follow-ups outlive the contact entry that asked for them: only the link goes. */
export async function detachFollowUpsFromEntry(db: Queryable, contactEntryId: number): Promise<void> {
  await db.query(`UPDATE follow_ups SET contact_entry_id = NULL WHERE contact_entry_id = $1`, [contactEntryId]);
}
