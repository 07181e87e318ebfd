import { Injectable } from '@nestjs/common';
import {
  type ContactEntryDto,
  type ContactEntryListQuery,
  createContactEntrySchema,
  type Page,
  updateContactEntrySchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { AuditService, createdFields, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { rows } from '../database/typed-query';
import { ColumnChanges, expectVersion } from '../database/versioned-update';
import { type EmployerAccessRow, readableEmployer, noteEmployerActivity, refreshEmployerActivity } from '../employers';
import { detachFollowUpsFromEntry, FollowUpsService } from '../follow-ups';
import {
  contactEntriesTable,
  contactEntryPage,
  deleteContactEntry,
  findContactEntry,
  insertContactEntry,
  linkContactPersons,
  updateContactEntry,
} from './contact-entries.table';

type CreateInput = z.output<typeof createContactEntrySchema>;
type UpdateInput = z.output<typeof updateContactEntrySchema>;

/** Audited as a flat record: persons by id, so a renamed person is not an entry change. */
const AUDITED_FIELDS = [
  'type',
  'occurredAt',
  'summary',
  'notes',
  'contactPersonIds',
  'campusGroupId',
  'topics',
] as const;

/** Logging a contact "tomorrow morning" across time zones is fine; further ahead is a typo. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

function audited(entry: ContactEntryDto) {
  return { ...entry, contactPersonIds: entry.contactPersons.map((person) => person.id).sort((a, b) => a - b) };
}

function assertNotFarFuture(occurredAt: string): void {
  if (new Date(occurredAt).getTime() > Date.now() + MAX_FUTURE_MS) {
    throw ApiException.field('occurredAt', 'too_far_in_future', 'Must not be more than one day in the future');
  }
}

/**
 * The campus group an entry is logged for. A campus member logs for one of their own groups linked
 * to the employer; staff for any group linked to it, by default the owner.
 */
function resolveCampusGroup(caller: AuthUser, employer: EmployerAccessRow, requested: number | undefined): number {
  const allowed =
    caller.role === 'campus_member'
      ? caller.campusGroupIds.filter((id) => employer.campusGroupIds.includes(id))
      : employer.campusGroupIds;
  const fallback = caller.role === 'campus_member' ? allowed[0] : employer.ownerCampusGroupId;
  const chosen = requested ?? fallback;
  if (chosen === undefined || !allowed.includes(chosen)) {
    throw ApiException.field(
      'campusGroupId',
      'campus_group_not_allowed',
      'Not a campus group of yours linked to this employer',
    );
  }
  return chosen;
}

@Injectable()
export class ContactEntriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly followUps: FollowUpsService,
  ) {}

  list(caller: AuthUser, query: ContactEntryListQuery): Promise<Page<ContactEntryDto>> {
    return contactEntryPage(this.dataSource, readScope(caller, 'contactEntries'), query);
  }

  async get(caller: AuthUser, id: number): Promise<ContactEntryDto> {
    const entry = await this.findVisible(this.dataSource.manager, caller, id);
    if (!entry) throw ApiException.notFound('Contact entry');
    return entry;
  }

  async create(caller: AuthUser, input: CreateInput): Promise<ContactEntryDto> {
    assertNotFarFuture(input.occurredAt);
    return this.dataSource.transaction(async (manager) => {
      const employer = await readableEmployer(manager, caller, input.employerId, 'contactEntries');
      if (employer.archivedAt) throw new ApiException(409, 'CONFLICT', 'The employer is archived');
      const campusGroupId = resolveCampusGroup(caller, employer, input.campusGroupId);
      const personIds = await this.validPersonIds(manager, employer.id, input.contactPersonIds, []);

      const id = await insertContactEntry(manager, {
        employer_id: employer.id,
        type: input.type,
        occurred_at: input.occurredAt,
        summary: input.summary,
        notes: input.notes ?? null,
        campus_group_id: campusGroupId,
        topics: input.topics,
        created_by: caller.id,
      });
      await linkContactPersons(manager, id, personIds, { replace: false });
      if (input.followUp) {
        await this.followUps.createInTransaction(
          manager,
          caller,
          employer,
          { ...input.followUp, contactEntryId: id },
          'followUp.',
        );
      }
      await noteEmployerActivity(manager, employer.id, {
        contactAt: input.occurredAt,
        followUpDue: input.followUp?.dueDate,
      });

      const created = (await findContactEntry(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'create',
        entityType: 'contact_entry',
        entityId: id,
        changes: createdFields(audited(created), AUDITED_FIELDS),
        employerId: employer.id,
      });
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateInput): Promise<ContactEntryDto> {
    if (input.occurredAt !== undefined) assertNotFarFuture(input.occurredAt);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.findVisible(manager, caller, id, true);
      if (found && caller.role === 'campus_member' && found.createdById !== caller.id) {
        throw ApiException.forbidden('Campus group members may edit only the contact entries they logged');
      }
      const before = expectVersion(found, input.version, 'Contact entry');

      const changes = new ColumnChanges<typeof contactEntriesTable>();
      if (input.campusGroupId !== undefined && input.campusGroupId !== before.campusGroupId) {
        const employer = await readableEmployer(manager, caller, before.employerId, 'contactEntries');
        changes.set('campus_group_id', resolveCampusGroup(caller, employer, input.campusGroupId));
      }
      const personIds =
        input.contactPersonIds === undefined
          ? undefined
          : await this.validPersonIds(
              manager,
              before.employerId,
              input.contactPersonIds,
              before.contactPersons.map((person) => person.id),
            );
      changes.setDefined(input, {
        type: 'type',
        occurredAt: 'occurred_at',
        summary: 'summary',
        notes: 'notes',
        topics: 'topics',
      });
      await updateContactEntry(manager, id, input.version, changes);
      if (personIds !== undefined) await linkContactPersons(manager, id, personIds, { replace: true });
      await refreshEmployerActivity(manager, before.employerId);

      const after = (await findContactEntry(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'update',
        entityType: 'contact_entry',
        entityId: id,
        changes: diffFields(audited(before), audited(after), AUDITED_FIELDS),
        employerId: after.employerId,
      });
      return after;
    });
  }

  async remove(caller: AuthUser, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.findVisible(manager, caller, id, true);
      if (!before) throw ApiException.notFound('Contact entry');
      await detachFollowUpsFromEntry(manager, id);
      await deleteContactEntry(manager, id);
      await refreshEmployerActivity(manager, before.employerId);
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'delete',
        entityType: 'contact_entry',
        entityId: id,
        changes: diffFields(audited(before), {}, AUDITED_FIELDS),
        employerId: before.employerId,
      });
    });
  }

  /**
   * The persons must be this employer's and not erased; a person already on the entry may stay
   * after being erased, so an unrelated edit does not fail.
   */
  private async validPersonIds(
    manager: EntityManager,
    employerId: number,
    requested: number[],
    alreadyLinked: number[],
  ): Promise<number[]> {
    const ids = [...new Set(requested)];
    if (ids.length === 0) return ids;
    const found = await rows<{ id: number }>(
      manager,
      `SELECT id FROM contact_persons
        WHERE id = ANY($1::int[]) AND employer_id = $2 AND (erased_at IS NULL OR id = ANY($3::int[]))`,
      [ids, employerId, alreadyLinked],
    );
    if (found.length !== ids.length) {
      throw ApiException.field('contactPersonIds', 'unknown_contact_person', 'Not a contact person of this employer');
    }
    return ids;
  }

  private findVisible(
    manager: EntityManager,
    caller: AuthUser,
    id: number,
    lock = false,
  ): Promise<ContactEntryDto | null> {
    return findContactEntry(manager, id, { scope: readScope(caller, 'contactEntries'), lock });
  }
}
