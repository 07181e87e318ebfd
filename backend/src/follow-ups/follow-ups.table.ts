import type { FollowUpDto, FollowUpListQuery, FollowUpStatus, Page } from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { assertUnreachable, type CampusScope } from '../auth';
import { decodeCursor, pageSize } from '../database/keyset';
import { HELSINKI_TODAY, SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';
import { keysetPage } from '../database/keyset-page';
import { columnList, date, defineTable, integer, type RowOf, text, timestamptz, varchar } from '../database/table';
import { oneRow, type Queryable, rows } from '../database/typed-query';
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
  created_at: timestamptz(),
  updated_at: timestamptz(),
  version: integer(),
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

function toDto(row: FollowUpView): FollowUpDto {
  return {
    id: row.id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    contactEntryId: row.contact_entry_id,
    title: row.title,
    notes: row.notes,
    dueDate: row.due_date,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    status: row.status,
    completedAt: row.completed_at?.toISOString() ?? null,
    completedByName: row.completed_by_name,
    createdById: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    overdue: row.overdue,
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
  const limit = pageSize(query.limit);
  const params = new SqlParams();
  const where = [
    employerVisibleSql(scope, 'f.employer_id', params),
    ...followUpFilterConditions(caller, query, params),
  ];
  const [{ total }] = await rows<{ total: number }>(
    db,
    `SELECT count(*)::int AS total FROM follow_ups f WHERE ${where.join(' AND ')}`,
    params.values,
  );
  const cursor = decodeCursor(query.cursor, ['date', 'id']);
  if (cursor) where.push(`(f.due_date, f.id) > (${params.add(cursor[0])}::date, ${params.add(cursor[1])})`);
  const fetched = await rows<FollowUpView>(
    db,
    `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE ${where.join(' AND ')}
      ORDER BY f.due_date, f.id LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return { ...keysetPage(fetched, limit, toDto, (last) => [last.due_date, last.id]), total };
}

/**
 * The follow-up if the scope sees its employer (everyone's by default). `lock` holds the row for
 * the transaction's change.
 */
export async function findFollowUp(
  db: Queryable,
  id: number,
  { scope = { kind: 'all' }, lock = false }: { scope?: CampusScope; lock?: boolean } = {},
): Promise<FollowUpDto | null> {
  const params = new SqlParams();
  const visible = employerVisibleSql(scope, 'f.employer_id', params);
  const row = await oneRow<FollowUpView>(
    db,
    `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE f.id = ${params.add(id)} AND ${visible} ${lock ? 'FOR UPDATE OF f' : ''}`,
    params.values,
  );
  return row && toDto(row);
}

export type NewFollowUpRow = Pick<
  FollowUpRow,
  'employer_id' | 'contact_entry_id' | 'title' | 'notes' | 'assignee_id' | 'created_by'
> & { due_date: string };

export async function insertFollowUp(db: Queryable, values: NewFollowUpRow): Promise<number> {
  const [{ id }] = await rows<Pick<FollowUpRow, 'id'>>(
    db,
    `INSERT INTO follow_ups (employer_id, contact_entry_id, title, notes, due_date, assignee_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      values.employer_id,
      values.contact_entry_id,
      values.title,
      values.notes,
      values.due_date,
      values.assignee_id,
      values.created_by,
    ],
  );
  return id;
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

/** Follow-ups outlive the contact entry that asked for them: only the link goes. */
export async function detachFollowUpsFromEntry(db: Queryable, contactEntryId: number): Promise<void> {
  await db.query(`UPDATE follow_ups SET contact_entry_id = NULL WHERE contact_entry_id = $1`, [contactEntryId]);
}
