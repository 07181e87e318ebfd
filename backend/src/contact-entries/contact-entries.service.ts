import { Injectable } from '@nestjs/common';
import {
  CONTACT_ENTRY_AUDITED_FIELDS,
  CONTACT_ENTRY_UNDO_SECONDS,
  type ContactEntryDto,
  type ContactEntryListQuery,
  createContactEntrySchema,
  type Page,
  rightOf,
  updateContactEntrySchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { AuditService, AuditTrail, createdFields, insertInsertedAuditEventsSql } from '../audit';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { ColumnChanges, expectVersion } from '../database/versioned-update';
import {
  type EmployerAccessRow,
  noteEmployerActivitySql,
  readableEmployer,
  refreshEmployerActivity,
} from '../employers';
import { FollowUpsService, insertFollowUpSql, reattachFollowUpsToEntry } from '../follow-ups';
import { employerPersonIds } from '../contacts';
import {
  contactEntriesTable,
  contactEntryPage,
  findContactEntry,
  findDeletedContactEntry,
  insertContactEntry,
  replaceContactPersons,
  trashContactEntry,
  untrashContactEntry,
  updateContactEntry,
} from './contact-entries.table';

type CreateInput = z.output<typeof createContactEntrySchema>;
type UpdateInput = z.output<typeof updateContactEntrySchema>;

/** Logging a contact "tomorrow morning" across time zones is fine; further ahead is a typo. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * How long a deleted entry stays restorable. The UI offers undo for CONTACT_ENTRY_UNDO_SECONDS; the
 * server keeps it longer so a slow network does not turn a timely undo into a 404.
 */
const RESTORE_WINDOW_SECONDS = 5 * CONTACT_ENTRY_UNDO_SECONDS;

/** Audited as a flat record: persons by id, so a renamed person is not an entry change. */
function audited(entry: ContactEntryDto) {
  return { ...entry, contactPersonIds: entry.contactPersons.map((person) => person.id).sort((a, b) => a - b) };
}

const contactEntryAudit = new AuditTrail<ReturnType<typeof audited>>(
  'contact_entry',
  CONTACT_ENTRY_AUDITED_FIELDS,
  'employerId',
);

function assertNotFarFuture(occurredAt: string): void {
  if (new Date(occurredAt).getTime() > Date.now() + MAX_FUTURE_MS) {
    throw ApiException.field('occurredAt', 'too_far_in_future', 'Must not be more than one day in the future');
  }
}

/** Staff change any entry they see; a campus member only the entries they logged. */
function assertMayChange(caller: AuthUser, createdById: number | null): void {
  if (rightOf(caller.role, 'contactEntries').write === 'all') return;
  if (createdById !== caller.id) {
    throw ApiException.forbidden('Campus group members may change only the contact entries they logged');
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

  /**
   * The checks read first, each its own statement on a pooled connection; then every write and its
   * audit rows in one statement, which commits on its own. No transaction is held open across the
   * round trips in between (bench: 7 round trips on one held connection became 2–3 short ones). Under
   * READ COMMITTED the checks saw no more in a transaction than they do now: a change committed
   * between a check and the write was not held off then either.
   */
  async create(caller: AuthUser, input: CreateInput): Promise<ContactEntryDto> {
    assertNotFarFuture(input.occurredAt);
    const db = this.dataSource.manager;
    const employer = await readableEmployer(db, caller, input.employerId, 'contactEntries');
    if (employer.archivedAt) throw new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is archived');
    const campusGroupId = resolveCampusGroup(caller, employer, input.campusGroupId);
    const personIds = await this.validPersonIds(db, employer.id, input.contactPersonIds, []);
    const followUp = input.followUp
      ? await this.followUps.newRow(db, caller, employer, input.followUp, 'followUp.')
      : null;

    const entryAudit = {
      actorId: caller.id,
      action: 'create',
      entityType: 'contact_entry',
      changes: createdFields(
        {
          type: input.type,
          // As PostgreSQL gives the stored timestamptz back: UTC, milliseconds.
          occurredAt: new Date(input.occurredAt).toISOString(),
          summary: input.summary,
          notes: input.notes ?? null,
          contactPersonIds: [...personIds].sort((a, b) => a - b),
          campusGroupId,
          topics: input.topics,
        },
        CONTACT_ENTRY_AUDITED_FIELDS,
      ),
      employerId: employer.id,
    };
    return insertContactEntry(
      db,
      {
        employer_id: employer.id,
        type: input.type,
        occurred_at: input.occurredAt,
        summary: input.summary,
        notes: input.notes ?? null,
        campus_group_id: campusGroupId,
        topics: input.topics,
        created_by: caller.id,
      },
      {
        personIds,
        followUpSql: followUp ? (params, entryId) => insertFollowUpSql(followUp, params, entryId) : undefined,
        activitySql: (params) =>
          noteEmployerActivitySql(params, employer.id, {
            contactAt: input.occurredAt,
            followUpDue: input.followUp?.dueDate,
          }),
        // The follow-up's event first, then the entry's, as when they were two statements.
        auditSql: (params, from) =>
          insertInsertedAuditEventsSql(
            [
              ...(followUp && from.followUp ? [this.followUps.insertedAudit(caller, followUp, from.followUp)] : []),
              { ...entryAudit, from: from.entry },
            ],
            params,
          ),
      },
    );
  }

  async update(caller: AuthUser, id: number, input: UpdateInput): Promise<ContactEntryDto> {
    if (input.occurredAt !== undefined) assertNotFarFuture(input.occurredAt);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.findVisible(manager, caller, id, true);
      if (found) assertMayChange(caller, found.createdById);
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
      if (personIds !== undefined) await replaceContactPersons(manager, id, personIds);
      await refreshEmployerActivity(manager, before.employerId);

      const after = (await findContactEntry(manager, id))!;
      await this.audit.record(manager, contactEntryAudit.updated(caller.id, audited(before), audited(after)));
      return after;
    });
  }

  /** Moves the entry to the trash for a while (see `restore`), audited as a deletion. */
  async remove(caller: AuthUser, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.findVisible(manager, caller, id, true);
      if (!before) throw ApiException.notFound('Contact entry');
      assertMayChange(caller, before.createdById);
      await trashContactEntry(manager, id, caller.id, RESTORE_WINDOW_SECONDS);
      await refreshEmployerActivity(manager, before.employerId);
      await this.audit.record(manager, contactEntryAudit.deleted(caller.id, audited(before)));
    });
  }

  /**
   * Undoes a recent deletion: the entry comes back with its id, version, persons (those not removed
   * since) and follow-ups. Whoever may delete the entry may restore it.
   */
  async restore(caller: AuthUser, id: number): Promise<ContactEntryDto> {
    return this.dataSource.transaction(async (manager) => {
      const deleted = await findDeletedContactEntry(manager, id, RESTORE_WINDOW_SECONDS);
      if (!deleted) throw ApiException.notFound('Deleted contact entry');
      await readableEmployer(manager, caller, deleted.employer_id, 'contactEntries');
      assertMayChange(caller, deleted.created_by);
      const personIds = await employerPersonIds(
        manager,
        deleted.employer_id,
        deleted.contact_person_ids,
        deleted.contact_person_ids,
      );
      await untrashContactEntry(manager, id, personIds);
      await reattachFollowUpsToEntry(manager, id, deleted.employer_id, deleted.follow_up_ids);
      await refreshEmployerActivity(manager, deleted.employer_id);
      const after = (await findContactEntry(manager, id))!;
      const restored = audited(after);
      await this.audit.record(
        manager,
        contactEntryAudit.event(caller.id, 'restore', restored, createdFields(restored, CONTACT_ENTRY_AUDITED_FIELDS)),
      );
      return after;
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
    const found = await employerPersonIds(manager, employerId, ids, alreadyLinked);
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
