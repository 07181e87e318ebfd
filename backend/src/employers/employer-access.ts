import type { Resource } from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth';
import { type CampusScope, inScope, readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { SqlParams } from '../database/sql';
import { camelFields } from '../database/record-fields';
import { oneRow, preparedRows, type Queryable } from '../database/typed-query';

/**
 * SQL condition: the employer whose id is `employerIdSql` is visible in the scope. Every query of
 * employer-owned rows (employers, contacts, entries, follow-ups, opportunities, timeline) uses it.
 */
export function employerVisibleSql(scope: CampusScope, employerIdSql: string, params: SqlParams): string {
  if (scope.kind === 'all') return 'TRUE';
  return `EXISTS (SELECT 1 FROM employer_campus_groups scope_ecg
    WHERE scope_ecg.employer_id = ${employerIdSql} AND scope_ecg.campus_group_id = ANY(${params.add(scope.campusGroupIds)}::int[]))`;
}

/**
 * The same rows as employerVisibleSql(), for a column with an index: the scope's employer ids are
 * read first (from the link table's group index), and the rows then found by `employerIdSql`'s
 * index. A campus member's few thousand employers' rows, instead of a semi-join that reads every
 * row of the table. An employer linked to several of the groups still matches once.
 */
export function employerOfScopeSql(scope: CampusScope, employerIdSql: string, params: SqlParams): string {
  if (scope.kind === 'all') return 'TRUE';
  return `${employerIdSql} = ANY (ARRAY(SELECT scope_ecg.employer_id FROM employer_campus_groups scope_ecg
    WHERE scope_ecg.campus_group_id = ANY(${params.add(scope.campusGroupIds)}::int[])))`;
}

/** A view of an employer-owned table: its SELECT list, its FROM (joins included) and the owned table's alias there. */
export interface EmployerOwnedView {
  columns: string;
  from: string;
  alias: string;
}

/** Whose employers a find by id sees (everyone's by default), and whether it locks the row it finds. */
export interface EmployerOwnedFind {
  scope?: CampusScope;
  lock?: boolean;
}

/**
 * Row `id` of an employer-owned view if the scope sees its employer (everyone's by default). `lock`
 * holds the owned table's row for the transaction's change.
 */
export function findEmployerOwnedRow<R>(
  db: Queryable,
  view: EmployerOwnedView,
  id: number,
  { scope = { kind: 'all' }, lock = false }: EmployerOwnedFind = {},
): Promise<R | null> {
  const { columns, from, alias } = view;
  const params = new SqlParams();
  const visible = employerVisibleSql(scope, `${alias}.employer_id`, params);
  return oneRow<R>(
    db,
    `SELECT ${columns} FROM ${from} WHERE ${alias}.id = ${params.add(id)} AND ${visible} ${lock ? `FOR UPDATE OF ${alias}` : ''}`,
    params.values,
  );
}

export interface EmployerAccessRow {
  id: number;
  name: string;
  ownerCampusGroupId: number;
  /** All linked groups, the owner included. */
  campusGroupIds: number[];
  archivedAt: Date | null;
}

/** Loads an employer's scoping facts; 404 when it does not exist or the caller may not read it. */
export async function readableEmployer(
  manager: EntityManager,
  caller: Pick<AuthUser, 'role' | 'campusGroupIds'>,
  employerId: number,
  resource: Resource = 'employers',
): Promise<EmployerAccessRow> {
  // Prepared: asked before every write on an employer.
  const [row] = await preparedRows<{
    id: number;
    name: string;
    owner_campus_group_id: number;
    archived_at: Date | null;
    campus_group_ids: number[];
  }>(
    manager,
    `SELECT e.id, e.name, e.owner_campus_group_id, e.archived_at,
              COALESCE((SELECT array_agg(g.campus_group_id) FROM employer_campus_groups g WHERE g.employer_id = e.id), '{}')
                AS campus_group_ids
         FROM employers e WHERE e.id = $1`,
    [employerId],
  );
  // Outside the caller's groups the employer answers as if it did not exist: existence must not leak.
  if (!row || !inScope(readScope(caller, resource), row.campus_group_ids.map(Number))) {
    throw ApiException.notFound('Employer');
  }
  return {
    ...camelFields(row, ['id', 'name', 'owner_campus_group_id']),
    campusGroupIds: row.campus_group_ids.map(Number),
    archivedAt: row.archived_at,
  };
}

/**
 * Recomputes the employer's derived activity columns (last contact, next open follow-up due) from
 * their sources. Call it in the same transaction as any change to contact entries or follow-ups.
 */
export async function refreshEmployerActivity(manager: EntityManager, employerId: number): Promise<void> {
  // Lock first, in its own statement: the UPDATE below then takes its snapshot after any parallel
  // writer on this employer has committed, so it sees their rows too (READ COMMITTED would otherwise
  // let the last committer overwrite last_contact_at from a snapshot missing the others' entries).
  // NO KEY UPDATE: the FK checks of parallel inserts hold KEY SHARE on the row, which FOR UPDATE would deadlock on.
  await manager.query(`SELECT 1 FROM employers WHERE id = $1 FOR NO KEY UPDATE`, [employerId]);
  await manager.query(
    `UPDATE employers SET
        last_contact_at = (SELECT max(occurred_at) FROM contact_entries WHERE employer_id = $1),
        next_follow_up_due = (SELECT min(due_date) FROM follow_ups WHERE employer_id = $1 AND status = 'open')
      WHERE id = $1`,
    [employerId],
  );
}

/**
 * The same columns after something was only added: a contact entry that happened at `contactAt`
 * and/or an open follow-up due `followUpDue`. One statement instead of a lock and two subqueries;
 * safe under parallel writers, because an UPDATE that waited for another's row lock evaluates
 * GREATEST/LEAST on that writer's committed values. The SQL form lets a write put it in its own
 * statement (as a data-modifying WITH), saving the round trip.
 */
export function noteEmployerActivitySql(
  params: SqlParams,
  employerId: number,
  added: { contactAt?: string; followUpDue?: string },
): string {
  return `UPDATE employers SET
        last_contact_at = GREATEST(last_contact_at, ${params.add(added.contactAt ?? null)}::timestamptz),
        next_follow_up_due = LEAST(next_follow_up_due, ${params.add(added.followUpDue ?? null)}::date)
      WHERE id = ${params.add(employerId)}`;
}

export async function noteEmployerActivity(
  manager: EntityManager,
  employerId: number,
  added: { contactAt?: string; followUpDue?: string },
): Promise<void> {
  const params = new SqlParams();
  await manager.query(noteEmployerActivitySql(params, employerId, added), params.values);
}
