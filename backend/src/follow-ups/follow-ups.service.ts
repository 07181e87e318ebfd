import { Injectable } from '@nestjs/common';
import {
  createFollowUpSchema,
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
import { oneRow } from '../database/typed-query';
import { ColumnChanges, expectVersion } from '../database/versioned-update';
import { type EmployerAccessRow, readableEmployer, noteEmployerActivity, refreshEmployerActivity } from '../employers';
import { findFollowUp, followUpPage, followUpsTable, insertFollowUp, updateFollowUp } from './follow-ups.table';

type FollowUpChanges = ColumnChanges<typeof followUpsTable>;

const AUDITED_FIELDS = ['title', 'notes', 'dueDate', 'assigneeId', 'status', 'contactEntryId'] as const;

export type FollowUpAction = 'complete' | 'reopen' | 'cancel';

/** The statuses each action may start from; anything else is a 409. */
const ACTION_FROM: Record<FollowUpAction, readonly FollowUpStatus[]> = {
  complete: ['open'],
  reopen: ['done', 'cancelled'],
  cancel: ['open'],
};

export interface NewFollowUp {
  title: string;
  notes?: string | null;
  dueDate: string;
  assigneeId?: number;
  contactEntryId?: number | null;
}

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(caller: AuthUser, query: FollowUpListQuery): Promise<Page<FollowUpDto>> {
    return followUpPage(this.dataSource, caller, readScope(caller, 'followUps'), query);
  }

  async get(caller: AuthUser, id: number): Promise<FollowUpDto> {
    const followUp = await findFollowUp(this.dataSource, id, { scope: readScope(caller, 'followUps') });
    if (!followUp) throw ApiException.notFound('Follow-up');
    return followUp;
  }

  /** A standalone follow-up (staff only; campus members create theirs with a contact entry). */
  async create(caller: AuthUser, input: z.output<typeof createFollowUpSchema>): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await readableEmployer(manager, caller, input.employerId, 'followUps');
      if (employer.archivedAt) throw new ApiException(409, 'CONFLICT', 'The employer is archived');
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
    const id = await insertFollowUp(manager, {
      employer_id: employer.id,
      contact_entry_id: input.contactEntryId ?? null,
      title: input.title,
      notes: input.notes ?? null,
      due_date: input.dueDate,
      assignee_id: assigneeId,
      created_by: caller.id,
    });
    const created = (await findFollowUp(manager, id))!;
    await this.audit.record(manager, {
      actorId: caller.id,
      action: 'create',
      entityType: 'follow_up',
      entityId: id,
      changes: createdFields(created, AUDITED_FIELDS),
      employerId: employer.id,
    });
    return created;
  }

  async update(caller: AuthUser, id: number, input: z.output<typeof updateFollowUpSchema>): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = expectVersion(await this.findWritable(manager, caller, id), input.version, 'Follow-up');
      if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
        const employer = await readableEmployer(manager, caller, before.employerId, 'followUps');
        await this.assertAssignable(manager, caller, employer, input.assigneeId, 'assigneeId');
      }
      const changes = new ColumnChanges<typeof followUpsTable>().setDefined(input, {
        title: 'title',
        notes: 'notes',
        dueDate: 'due_date',
        assigneeId: 'assignee_id',
      });
      return this.saveChange(manager, caller, before, changes, 'update');
    });
  }

  /** complete (open → done), reopen (done/cancelled → open), cancel (open → cancelled). */
  async act(caller: AuthUser, id: number, action: FollowUpAction, version: number): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = expectVersion(await this.findWritable(manager, caller, id), version, 'Follow-up');
      if (!ACTION_FROM[action].includes(before.status)) {
        throw new ApiException(409, 'CONFLICT', `A ${before.status} follow-up cannot be given the action ${action}`);
      }
      return this.saveChange(manager, caller, before, actionChanges(action, caller), action);
    });
  }

  private async saveChange(
    manager: EntityManager,
    caller: AuthUser,
    before: FollowUpDto,
    changes: FollowUpChanges,
    action: string,
  ): Promise<FollowUpDto> {
    const after = await updateFollowUp(manager, before, changes);
    await refreshEmployerActivity(manager, after.employerId);
    await this.audit.record(manager, {
      actorId: caller.id,
      action,
      entityType: 'follow_up',
      entityId: after.id,
      changes: diffFields(before, after, AUDITED_FIELDS),
      employerId: after.employerId,
    });
    return after;
  }

  /** 404 outside the caller's scope; 403 for a campus member's colleague's follow-up. */
  private async findWritable(manager: EntityManager, caller: AuthUser, id: number): Promise<FollowUpDto> {
    const followUp = await findFollowUp(manager, id, { scope: readScope(caller, 'followUps'), lock: true });
    if (!followUp) throw ApiException.notFound('Follow-up');
    if (caller.role === 'campus_member' && followUp.assigneeId !== caller.id) {
      throw ApiException.forbidden('Campus group members may change only follow-ups assigned to them');
    }
    return followUp;
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
    const assignee = await oneRow<{ role: AuthUser['role']; active: boolean; campus_group_ids: number[] }>(
      manager,
      `SELECT u.role, u.active,
              COALESCE((SELECT array_agg(m.campus_group_id) FROM user_campus_groups m WHERE m.user_id = u.id), '{}')
                AS campus_group_ids
         FROM users u WHERE u.id = $1`,
      [assigneeId],
    );
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
    const entry = await oneRow(manager, `SELECT 1 FROM contact_entries WHERE id = $1 AND employer_id = $2`, [
      contactEntryId,
      employerId,
    ]);
    if (!entry) {
      throw ApiException.field(
        'contactEntryId',
        'not_of_employer',
        'The contact entry does not belong to this employer',
      );
    }
  }
}

function actionChanges(action: FollowUpAction, caller: AuthUser): FollowUpChanges {
  const changes: FollowUpChanges = new ColumnChanges();
  switch (action) {
    case 'complete':
      return changes.set('status', 'done').setSql('completed_at', 'now()').set('completed_by', caller.id);
    case 'reopen':
      return changes.set('status', 'open').set('completed_at', null).set('completed_by', null);
    case 'cancel':
      return changes.set('status', 'cancelled');
    default:
      return assertUnreachable(action);
  }
}
