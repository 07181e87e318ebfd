import { Injectable } from '@nestjs/common';
import {
  CONTACT_ENTRY_AUDITED_FIELDS,
  type ContactEntryDto,
  type ContactEntryListQuery,
  type ContactTopic,
  type ContactType,
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
import { decodeCursor, encodeCursor, pageSize } from '../database/keyset';
import { SqlParams } from '../database/sql';
import {
  type EmployerAccessRow,
  employerVisibleSql,
  readableEmployer,
  noteEmployerActivity,
  refreshEmployerActivity,
} from '../employers';
import { FollowUpsService } from '../follow-ups';

type CreateInput = z.output<typeof createContactEntrySchema>;
type UpdateInput = z.output<typeof updateContactEntrySchema>;

interface ContactEntryRow {
  id: number;
  employer_id: number;
  employer_name: string;
  type: ContactType;
  occurred_at: Date;
  /** occurred_at with microseconds, for the keyset cursor. */
  occurred_key: string;
  summary: string;
  notes: string | null;
  contact_persons: { id: number; name: string }[];
  campus_group_id: number;
  campus_group_name: string;
  topics: ContactTopic[];
  created_by: number | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  follow_up_ids: number[];
}

const FROM = `contact_entries c
  JOIN employers e ON e.id = c.employer_id
  JOIN campus_groups g ON g.id = c.campus_group_id
  LEFT JOIN users u ON u.id = c.created_by`;

const COLUMNS = `c.id, c.employer_id, e.name AS employer_name, c.type, c.occurred_at,
  to_char(c.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_key,
  c.summary, c.notes, c.campus_group_id, g.name AS campus_group_name, c.topics,
  c.created_by, u.display_name AS created_by_name, c.created_at, c.updated_at, c.version,
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
              FROM contact_entry_persons cp JOIN contact_persons p ON p.id = cp.contact_person_id
             WHERE cp.contact_entry_id = c.id), '[]') AS contact_persons,
  COALESCE((SELECT array_agg(f.id ORDER BY f.id) FROM follow_ups f WHERE f.contact_entry_id = c.id), '{}')
    AS follow_up_ids`;

/** Audited as a flat record: persons by id, so a renamed person is not an entry change. */

/** Logging a contact "tomorrow morning" across time zones is fine; further ahead is a typo. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

function toDto(row: ContactEntryRow): ContactEntryDto {
  return {
    id: row.id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    summary: row.summary,
    notes: row.notes,
    contactPersons: row.contact_persons,
    campusGroupId: row.campus_group_id,
    campusGroupName: row.campus_group_name,
    topics: row.topics,
    createdById: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    followUpIds: row.follow_up_ids.map(Number),
  };
}

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

  async list(caller: AuthUser, query: ContactEntryListQuery): Promise<Page<ContactEntryDto>> {
    const limit = pageSize(query.limit);
    const params = new SqlParams();
    const where = [employerVisibleSql(readScope(caller, 'contactEntries'), 'c.employer_id', params)];
    if (query.employerId) where.push(`c.employer_id = ${params.add(Number(query.employerId))}`);
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM contact_entries c WHERE ${where.join(' AND ')}`,
      params.values,
    );
    const cursor = decodeCursor(query.cursor, ['timestamp', 'id']);
    if (cursor) {
      where.push(`(c.occurred_at, c.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])})`);
    }
    const rows: ContactEntryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY c.occurred_at DESC, c.id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toDto),
      total,
      nextCursor: rows.length > limit && last ? encodeCursor([last.occurred_key, last.id]) : null,
    };
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
      if (employer.archivedAt) throw new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is archived');
      const campusGroupId = resolveCampusGroup(caller, employer, input.campusGroupId);
      const personIds = await this.validPersonIds(manager, employer.id, input.contactPersonIds, []);

      const [{ id }] = await manager.query(
        `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, notes, campus_group_id, topics, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          employer.id,
          input.type,
          input.occurredAt,
          input.summary,
          input.notes ?? null,
          campusGroupId,
          input.topics,
          caller.id,
        ],
      );
      await this.linkPersons(manager, id, personIds);
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

      const created = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'create',
        entityType: 'contact_entry',
        entityId: id,
        changes: createdFields(audited(created), CONTACT_ENTRY_AUDITED_FIELDS),
        employerId: employer.id,
      });
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateInput): Promise<ContactEntryDto> {
    if (input.occurredAt !== undefined) assertNotFarFuture(input.occurredAt);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findVisible(manager, caller, id, true);
      if (!before) throw ApiException.notFound('Contact entry');
      if (caller.role === 'campus_member' && before.createdById !== caller.id) {
        throw ApiException.forbidden('Campus group members may edit only the contact entries they logged');
      }
      if (before.version !== input.version) throw ApiException.staleVersion(before);

      const params = new SqlParams();
      const sets = ['version = version + 1', 'updated_at = now()'];
      if (input.campusGroupId !== undefined && input.campusGroupId !== before.campusGroupId) {
        const employer = await readableEmployer(manager, caller, before.employerId, 'contactEntries');
        sets.push(`campus_group_id = ${params.add(resolveCampusGroup(caller, employer, input.campusGroupId))}`);
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
      if (input.type !== undefined) sets.push(`type = ${params.add(input.type)}`);
      if (input.occurredAt !== undefined) sets.push(`occurred_at = ${params.add(input.occurredAt)}`);
      if (input.summary !== undefined) sets.push(`summary = ${params.add(input.summary)}`);
      if (input.notes !== undefined) sets.push(`notes = ${params.add(input.notes)}`);
      if (input.topics !== undefined) sets.push(`topics = ${params.add(input.topics)}`);

      // The version condition is what makes a concurrent save lose with 409 instead of overwriting.
      const result: [unknown[], number] = await manager.query(
        `UPDATE contact_entries SET ${sets.join(', ')} WHERE id = ${params.add(id)} AND version = ${params.add(input.version)}`,
        params.values,
      );
      if (result[1] === 0) throw ApiException.staleVersion(await this.find(this.dataSource.manager, id));
      if (personIds !== undefined) await this.setPersons(manager, id, personIds);
      await refreshEmployerActivity(manager, before.employerId);

      const after = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'update',
        entityType: 'contact_entry',
        entityId: id,
        changes: diffFields(audited(before), audited(after), CONTACT_ENTRY_AUDITED_FIELDS),
        employerId: after.employerId,
      });
      return after;
    });
  }

  async remove(caller: AuthUser, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.findVisible(manager, caller, id, true);
      if (!before) throw ApiException.notFound('Contact entry');
      // Follow-ups outlive the contact that created them; only the link goes.
      await manager.query(`UPDATE follow_ups SET contact_entry_id = NULL WHERE contact_entry_id = $1`, [id]);
      await manager.query(`DELETE FROM contact_entries WHERE id = $1`, [id]);
      await refreshEmployerActivity(manager, before.employerId);
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'delete',
        entityType: 'contact_entry',
        entityId: id,
        changes: diffFields(audited(before), {}, CONTACT_ENTRY_AUDITED_FIELDS),
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
    const rows: { id: number }[] = await manager.query(
      `SELECT id FROM contact_persons
        WHERE id = ANY($1::int[]) AND employer_id = $2 AND (erased_at IS NULL OR id = ANY($3::int[]))`,
      [ids, employerId, alreadyLinked],
    );
    if (rows.length !== ids.length) {
      throw ApiException.field('contactPersonIds', 'unknown_contact_person', 'Not a contact person of this employer');
    }
    return ids;
  }

  private async setPersons(manager: EntityManager, entryId: number, personIds: number[]): Promise<void> {
    await manager.query(`DELETE FROM contact_entry_persons WHERE contact_entry_id = $1`, [entryId]);
    await this.linkPersons(manager, entryId, personIds);
  }

  private async linkPersons(manager: EntityManager, entryId: number, personIds: number[]): Promise<void> {
    if (personIds.length === 0) return;
    await manager.query(
      `INSERT INTO contact_entry_persons (contact_entry_id, contact_person_id) SELECT $1, unnest($2::int[])`,
      [entryId, personIds],
    );
  }

  private async findVisible(
    manager: EntityManager,
    caller: AuthUser,
    id: number,
    lock = false,
  ): Promise<ContactEntryDto | null> {
    const params = new SqlParams();
    const visible = employerVisibleSql(readScope(caller, 'contactEntries'), 'c.employer_id', params);
    const rows: ContactEntryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = ${params.add(id)} AND ${visible} ${lock ? 'FOR UPDATE OF c' : ''}`,
      params.values,
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  private async find(manager: EntityManager, id: number): Promise<ContactEntryDto | null> {
    const rows: ContactEntryRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return rows[0] ? toDto(rows[0]) : null;
  }
}
