import { Injectable } from '@nestjs/common';
import {
  FOLLOW_UP_AUDITED_FIELDS,
  createFollowUpSchema,
  FOLLOW_UP_ACTION_FROM,
  type FollowUpAction,
  type FollowUpDto,
  type FollowUpListQuery,
  type FollowUpStatus,
  type Page,
  updateFollowUpSchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { AuditService, createdFields, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { assertUnreachable, readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { decodeCursor, encodeCursor, pageSize } from '../database/keyset';
import { HELSINKI_TODAY, SqlParams } from '../database/sql';
import {
  type EmployerAccessRow,
  employerVisibleSql,
  readableEmployer,
  noteEmployerActivity,
  refreshEmployerActivity,
} from '../employers';


interface FollowUpRow {
  id: number;
  employer_id: number;
  employer_name: string;
  contact_entry_id: number | null;
  title: string;
  notes: string | null;
  due_date: string;
  assignee_id: number;
  assignee_name: string;
  status: FollowUpStatus;
  completed_at: Date | null;
  completed_by_name: string | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  overdue: boolean;
}

const FROM = `follow_ups f
  JOIN employers e ON e.id = f.employer_id
  JOIN users a ON a.id = f.assignee_id
  LEFT JOIN users cb ON cb.id = f.completed_by`;

const COLUMNS = `f.id, f.employer_id, e.name AS employer_name, f.contact_entry_id, f.title, f.notes,
  f.due_date::text AS due_date, f.assignee_id, a.display_name AS assignee_name, f.status, f.completed_at,
  cb.display_name AS completed_by_name, f.created_by, f.created_at, f.updated_at, f.version,
  (f.status = 'open' AND f.due_date < ${HELSINKI_TODAY}) AS overdue`;


export interface NewFollowUp {
  title: string;
  notes?: string | null;
  dueDate: string;
  assigneeId?: number;
  contactEntryId?: number | null;
}

function toDto(row: FollowUpRow): FollowUpDto {
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
      return `(f.status = 'open' AND f.due_date < ${HELSINKI_TODAY})`;
    case 'today':
      // Whatever the status: today's list also shows what was already done today.
      return `f.due_date = ${HELSINKI_TODAY}`;
    case 'week':
      return `(f.status = 'open' AND f.due_date BETWEEN ${HELSINKI_TODAY} AND ${HELSINKI_TODAY} + 6)`;
    default:
      return assertUnreachable(due);
  }
}

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser, query: FollowUpListQuery): Promise<Page<FollowUpDto>> {
    const limit = pageSize(query.limit);
    const params = new SqlParams();
    const where = [
      employerVisibleSql(readScope(caller, 'followUps'), 'f.employer_id', params),
      ...followUpFilterConditions(caller, query, params),
    ];
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM follow_ups f WHERE ${where.join(' AND ')}`,
      params.values,
    );
    const cursor = decodeCursor(query.cursor, ['date', 'id']);
    if (cursor) {
      where.push(`(f.due_date, f.id) > (${params.add(cursor[0])}::date, ${params.add(cursor[1])})`);
    }
    const rows: FollowUpRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY f.due_date, f.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const items = rows.slice(0, limit).map(toDto);
    const last = items.at(-1);
    return { items, total, nextCursor: rows.length > limit && last ? encodeCursor([last.dueDate, last.id]) : null };
  }

  async get(caller: AuthUser, id: number): Promise<FollowUpDto> {
    const followUp = await this.findVisible(this.dataSource.manager, caller, id);
    if (!followUp) throw ApiException.notFound('Follow-up');
    return followUp;
  }

  /** A standalone follow-up (staff only; campus members create theirs with a contact entry). */
  async create(caller: AuthUser, input: z.output<typeof createFollowUpSchema>): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await readableEmployer(manager, caller, input.employerId, 'followUps');
      if (employer.archivedAt) throw new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is archived');
      if (input.contactEntryId) await this.assertEntryOfEmployer(manager, input.contactEntryId, employer.id);
      const created = await this.createInTransaction(manager, caller, employer, input, '');
      await noteEmployerActivity(manager, employer.id, { followUpDue: input.dueDate });
      return created;
    });
  }

  /**
   * Inserts and audits a follow-up inside the caller's transaction, so a contact entry and its
   * follow-up are saved together or not at all. `pathPrefix` places field errors (`followUp.`).
   * The caller refreshes the employer's activity columns.
   */
  async createInTransaction(
    manager: EntityManager,
    caller: AuthUser,
    employer: EmployerAccessRow,
    input: NewFollowUp,
    pathPrefix: string,
  ): Promise<FollowUpDto> {
    const assigneeId = input.assigneeId ?? caller.id;
    await this.assertAssignable(manager, caller, employer, assigneeId, `${pathPrefix}assigneeId`);
    const [{ id }] = await manager.query(
      `INSERT INTO follow_ups (employer_id, contact_entry_id, title, notes, due_date, assignee_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        employer.id,
        input.contactEntryId ?? null,
        input.title,
        input.notes ?? null,
        input.dueDate,
        assigneeId,
        caller.id,
      ],
    );
    const created = (await this.find(manager, id))!;
    await this.audit.record(manager, {
      actorId: caller.id,
      action: 'create',
      entityType: 'follow_up',
      entityId: id,
      changes: createdFields(created, FOLLOW_UP_AUDITED_FIELDS),
      employerId: employer.id,
    });
    return created;
  }

  async update(caller: AuthUser, id: number, input: z.output<typeof updateFollowUpSchema>): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findWritable(manager, caller, id);
      if (before.version !== input.version) throw ApiException.staleVersion(before);
      if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
        const employer = await readableEmployer(manager, caller, before.employerId, 'followUps');
        await this.assertAssignable(manager, caller, employer, input.assigneeId, 'assigneeId');
      }
      const params = new SqlParams();
      const sets = ['version = version + 1', 'updated_at = now()'];
      if (input.title !== undefined) sets.push(`title = ${params.add(input.title)}`);
      if (input.notes !== undefined) sets.push(`notes = ${params.add(input.notes)}`);
      if (input.dueDate !== undefined) sets.push(`due_date = ${params.add(input.dueDate)}`);
      if (input.assigneeId !== undefined) sets.push(`assignee_id = ${params.add(input.assigneeId)}`);
      return this.saveChange(manager, caller, before, sets, params, 'update');
    });
  }

  /** complete (open → done), reopen (done/cancelled → open), cancel (open → cancelled). */
  async act(caller: AuthUser, id: number, action: FollowUpAction, version: number): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findWritable(manager, caller, id);
      if (before.version !== version) throw ApiException.staleVersion(before);
      if (!FOLLOW_UP_ACTION_FROM[action].includes(before.status)) {
        throw new ApiException(
          409,
          'FOLLOW_UP_ACTION_NOT_ALLOWED',
          `A ${before.status} follow-up cannot be given the action ${action}`,
        );
      }
      const params = new SqlParams();
      const sets = ['version = version + 1', 'updated_at = now()', ...actionSets(action, caller, params)];
      return this.saveChange(manager, caller, before, sets, params, action);
    });
  }

  private async saveChange(
    manager: EntityManager,
    caller: AuthUser,
    before: FollowUpDto,
    sets: string[],
    params: SqlParams,
    action: string,
  ): Promise<FollowUpDto> {
    // The version condition is what makes a concurrent save lose with 409 instead of overwriting.
    const result: [unknown[], number] = await manager.query(
      `UPDATE follow_ups SET ${sets.join(', ')} WHERE id = ${params.add(before.id)} AND version = ${params.add(before.version)}`,
      params.values,
    );
    if (result[1] === 0) throw ApiException.staleVersion(await this.find(this.dataSource.manager, before.id));
    const after = (await this.find(manager, before.id))!;
    await refreshEmployerActivity(manager, after.employerId);
    await this.audit.record(manager, {
      actorId: caller.id,
      action,
      entityType: 'follow_up',
      entityId: after.id,
      changes: diffFields(before, after, FOLLOW_UP_AUDITED_FIELDS),
      employerId: after.employerId,
    });
    return after;
  }

  /** 404 outside the caller's scope; 403 for a campus member's colleague's follow-up. */
  private async findWritable(manager: EntityManager, caller: AuthUser, id: number): Promise<FollowUpDto> {
    const followUp = await this.findVisible(manager, caller, id, true);
    if (!followUp) throw ApiException.notFound('Follow-up');
    if (caller.role === 'campus_member' && followUp.assigneeId !== caller.id) {
      throw ApiException.forbidden('Campus group members may change only follow-ups assigned to them');
    }
    return followUp;
  }

  private async findVisible(
    manager: EntityManager,
    caller: AuthUser,
    id: number,
    lock = false,
  ): Promise<FollowUpDto | null> {
    const params = new SqlParams();
    const visible = employerVisibleSql(readScope(caller, 'followUps'), 'f.employer_id', params);
    const rows: FollowUpRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = ${params.add(id)} AND ${visible} ${lock ? 'FOR UPDATE OF f' : ''}`,
      params.values,
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  private async find(manager: EntityManager, id: number): Promise<FollowUpDto | null> {
    const rows: FollowUpRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = $1`, [id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  /**
   * The assignee must be an active user who can act on the follow-up: not leadership (reads only),
   * and a campus member only for employers of their own groups. Campus members assign only themselves.
   */
  private async assertAssignable(
    manager: EntityManager,
    caller: AuthUser,
    employer: EmployerAccessRow,
    assigneeId: number,
    path: string,
  ): Promise<void> {
    if (caller.role === 'campus_member' && assigneeId !== caller.id) {
      throw ApiException.field(
        path,
        'assignee_not_allowed',
        'Campus group members can assign follow-ups only to themselves',
      );
    }
    // The caller is signed in (so active) and has just been shown to read this employer, which is
    // what working on its follow-ups takes for every role that may create them.
    if (assigneeId === caller.id) return;
    const rows: { role: AuthUser['role']; active: boolean; campus_group_ids: number[] }[] = await manager.query(
      `SELECT u.role, u.active,
              COALESCE((SELECT array_agg(m.campus_group_id) FROM user_campus_groups m WHERE m.user_id = u.id), '{}')
                AS campus_group_ids
         FROM users u WHERE u.id = $1`,
      [assigneeId],
    );
    const assignee = rows[0];
    if (!assignee || !assignee.active) throw ApiException.field(path, 'unknown_assignee', 'No such active user');
    const groups = assignee.campus_group_ids.map(Number);
    const canAct =
      assignee.role === 'admin' ||
      assignee.role === 'account_manager' ||
      (assignee.role === 'campus_member' && groups.some((g) => employer.campusGroupIds.includes(g)));
    if (!canAct) {
      throw ApiException.field(path, 'assignee_cannot_act', 'This user cannot work on follow-ups of this employer');
    }
  }

  private async assertEntryOfEmployer(
    manager: EntityManager,
    contactEntryId: number,
    employerId: number,
  ): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM contact_entries WHERE id = $1 AND employer_id = $2`, [
      contactEntryId,
      employerId,
    ]);
    if (rows.length === 0) {
      throw ApiException.field(
        'contactEntryId',
        'not_of_employer',
        'The contact entry does not belong to this employer',
      );
    }
  }
}

function actionSets(action: FollowUpAction, caller: AuthUser, params: SqlParams): string[] {
  switch (action) {
    case 'complete':
      return [`status = 'done'`, 'completed_at = now()', `completed_by = ${params.add(caller.id)}`];
    case 'reopen':
      return [`status = 'open'`, 'completed_at = NULL', 'completed_by = NULL'];
    case 'cancel':
      return [`status = 'cancelled'`];
    default:
      return assertUnreachable(action);
  }
}
