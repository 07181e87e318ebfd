import { Injectable } from '@nestjs/common';
import {
  FOLLOW_UP_AUDITED_FIELDS,
  createFollowUpSchema,
  FOLLOW_UP_ACTION_FROM,
  type FollowUpAction,
  type FollowUpAssigneeDto,
  type FollowUpDto,
  type FollowUpListQuery,
  type Page,
  updateFollowUpSchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { type AuditRecord, AuditService, createdFields, diffFields, type InsertedAuditEvent } from '../audit';
import type { AuthUser } from '../auth';
import { assertUnreachable, readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { oneRow } from '../database/typed-query';
import { followUpAssigneeCandidates } from '../users';
import { ColumnChanges, expectVersion } from '../database/versioned-update';
import { type EmployerAccessRow, readableEmployer, noteEmployerActivity, refreshEmployerActivity } from '../employers';
import {
  type CreatedFollowUpRow,
  createdFollowUpFields,
  findFollowUp,
  followUpPage,
  followUpsTable,
  insertFollowUp,
  type NewFollowUpRow,
  updateFollowUp,
} from './follow-ups.table';

type FollowUpChanges = ColumnChanges<typeof followUpsTable>;

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

  /** Whom the caller may hand a follow-up of this employer to (404 when they may not read it). */
  async assignees(caller: AuthUser, employerId: number): Promise<FollowUpAssigneeDto[]> {
    const employer = await readableEmployer(this.dataSource.manager, caller, employerId, 'followUps');
    const candidates = await followUpAssigneeCandidates(this.dataSource, employer.campusGroupIds);
    return candidates
      .filter((user) => user.can_act)
      .map((user) => ({ id: user.id, displayName: user.display_name, role: user.role }));
  }

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
      if (employer.archivedAt) throw new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is archived');
      if (input.contactEntryId) await this.assertEntryOfEmployer(manager, input.contactEntryId, employer.id);
      const created = await this.createInTransaction(manager, caller, employer, input, '');
      await noteEmployerActivity(manager, employer.id, { followUpDue: input.dueDate });
      return created;
    });
  }

  /**
   * Inserts and audits a follow-up inside the caller's transaction. `pathPrefix` places field
   * errors. The caller refreshes the employer's activity columns.
   */
  async createInTransaction(
    manager: EntityManager,
    caller: AuthUser,
    employer: EmployerAccessRow,
    input: NewFollowUp,
    pathPrefix: string,
  ): Promise<FollowUpDto> {
    const row = await this.newRow(manager, caller, employer, input, pathPrefix);
    const created = await insertFollowUp(manager, { ...row, contact_entry_id: input.contactEntryId ?? null });
    await this.audit.record(manager, this.createdAudit(caller, employer.id, created));
    return (await findFollowUp(manager, created.id))!;
  }

  /**
   * The row of a new follow-up, its assignee checked (`pathPrefix` places field errors:
   * `followUp.`), for a caller that inserts it in its own statement, as a contact entry does.
   */
  async newRow(
    manager: EntityManager,
    caller: AuthUser,
    employer: EmployerAccessRow,
    input: Omit<NewFollowUp, 'contactEntryId'>,
    pathPrefix: string,
  ): Promise<Omit<NewFollowUpRow, 'contact_entry_id'>> {
    const assigneeId = input.assigneeId ?? caller.id;
    await this.assertAssignable(manager, caller, employer, assigneeId, `${pathPrefix}assigneeId`);
    return {
      employer_id: employer.id,
      title: input.title,
      notes: input.notes ?? null,
      due_date: input.dueDate,
      assignee_id: assigneeId,
      created_by: caller.id,
    };
  }

  /**
   * The audit event of a follow-up that a contact entry's statement inserts as the WITH query `from`
   * (`row` as `newRow` gave it): its status (the column's default) and entry come from the inserted row.
   */
  insertedAudit(caller: AuthUser, row: Omit<NewFollowUpRow, 'contact_entry_id'>, from: string): InsertedAuditEvent {
    return {
      actorId: caller.id,
      action: 'create',
      entityType: 'follow_up',
      changes: createdFields<FollowUpDto>(
        { title: row.title, notes: row.notes, dueDate: row.due_date, assigneeId: row.assignee_id },
        FOLLOW_UP_AUDITED_FIELDS,
      ),
      employerId: row.employer_id,
      from,
      fromRow: { status: 'status', contactEntryId: 'contact_entry_id' },
    };
  }

  /** The audit record of a follow-up just inserted. */
  private createdAudit(caller: AuthUser, employerId: number, created: CreatedFollowUpRow): AuditRecord {
    return {
      actorId: caller.id,
      action: 'create',
      entityType: 'follow_up',
      entityId: created.id,
      changes: createdFields(createdFollowUpFields(created), FOLLOW_UP_AUDITED_FIELDS),
      employerId,
    };
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
      if (!FOLLOW_UP_ACTION_FROM[action].includes(before.status)) {
        throw new ApiException(
          409,
          'FOLLOW_UP_ACTION_NOT_ALLOWED',
          `A ${before.status} follow-up cannot be given the action ${action}`,
        );
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
      changes: diffFields(before, after, FOLLOW_UP_AUDITED_FIELDS),
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
    const [assignee] = await followUpAssigneeCandidates(manager, employer.campusGroupIds, assigneeId);
    if (!assignee) throw ApiException.field(path, 'unknown_assignee', 'No such active user');
    if (!assignee.can_act) {
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
