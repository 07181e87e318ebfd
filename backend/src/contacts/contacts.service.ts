import { Injectable } from '@nestjs/common';
import {
  CONTACT_PERSON_AUDITED_FIELDS,
  type ContactPersonDto,
  type ContactPersonExportDto,
  type ContactRole,
  createContactPersonSchema,
  updateContactPersonSchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import type { AuditChanges } from '../audit';
import { AuditService, createdFields, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { ApiException } from '../http/api-exception';
import { foreignKeyViolation } from '../database/database-errors';
import { SqlParams } from '../database/sql';
import { readableEmployer } from '../employers';

type CreateContactPersonInput = z.output<typeof createContactPersonSchema>;
type UpdateContactPersonInput = z.output<typeof updateContactPersonSchema>;

interface ContactPersonRow {
  id: number;
  employer_id: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  roles: ContactRole[];
  notes: string | null;
  erased_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = `p.id, p.employer_id, p.name, p.title, p.email, p.phone, p.roles, p.notes, p.erased_at,
  p.created_at, p.updated_at, p.version`;

/**
 * The personal fields: what erasure removes, from the row and from the audit trail (the database
 * function crm_redact_contact_person_audit names the same fields). Roles go too: with the employer
 * they can single a person out.
 */

/** The fixed name an erased person keeps, so past contact entries still show that someone took part. */
export const ERASED_NAME = 'Poistettu henkilö';
export const ERASED_VALUE = '[erased]';

const UPDATABLE_COLUMNS = {
  name: 'name',
  title: 'title',
  email: 'email',
  phone: 'phone',
  roles: 'roles',
  notes: 'notes',
} as const satisfies Partial<Record<keyof UpdateContactPersonInput, string>>;

function toDto(row: ContactPersonRow): ContactPersonDto {
  return {
    id: row.id,
    employerId: row.employer_id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    roles: row.roles,
    notes: row.notes,
    erased: row.erased_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Audit changes that say which personal fields went away without repeating their values. */
function redactedChanges(before: ContactPersonDto, after: Partial<ContactPersonDto>): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of CONTACT_PERSON_AUDITED_FIELDS) {
    const had = before[field];
    if (had === null || (Array.isArray(had) && had.length === 0)) continue;
    changes[field] = [ERASED_VALUE, after[field] ?? null];
  }
  return changes;
}

@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listForEmployer(caller: AuthUser, employerId: number): Promise<ContactPersonDto[]> {
    await readableEmployer(this.dataSource.manager, caller, employerId, 'contactPersons');
    const rows: ContactPersonRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM contact_persons p WHERE p.employer_id = $1 ORDER BY crm_normalise(p.name), p.id`,
      [employerId],
    );
    return rows.map(toDto);
  }

  async get(caller: AuthUser, id: number): Promise<ContactPersonDto> {
    return this.loadReadable(this.dataSource.manager, caller, id);
  }

  async create(caller: AuthUser, employerId: number, input: CreateContactPersonInput): Promise<ContactPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      await readableEmployer(manager, caller, employerId, 'contactPersons');
      const [{ id }]: { id: number }[] = await manager.query(
        `INSERT INTO contact_persons (employer_id, name, title, email, phone, roles, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          employerId,
          input.name,
          input.title ?? null,
          input.email ?? null,
          input.phone ?? null,
          input.roles,
          input.notes ?? null,
        ],
      );
      const created = (await this.find(manager, id))!;
      await this.record(manager, caller, 'create', created, createdFields(created, CONTACT_PERSON_AUDITED_FIELDS));
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateContactPersonInput): Promise<ContactPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.loadReadable(manager, caller, id);
      if (before.version !== input.version) throw ApiException.staleVersion(before);
      // Editing would bring personal data back into a row that was erased on request.
      if (before.erased)
        throw new ApiException(409, 'CONTACT_PERSON_ERASED', 'An erased contact person cannot be edited');
      const params = new SqlParams();
      const sets = ['version = version + 1', 'updated_at = now()'];
      for (const [field, column] of Object.entries(UPDATABLE_COLUMNS) as [keyof typeof UPDATABLE_COLUMNS, string][]) {
        if (input[field] !== undefined) sets.push(`${column} = ${params.add(input[field])}`);
      }
      const [rows]: [unknown[], number] = await manager.query(
        `UPDATE contact_persons SET ${sets.join(', ')}
          WHERE id = ${params.add(id)} AND version = ${params.add(input.version)} RETURNING id`,
        params.values,
      );
      if (rows.length === 0) throw ApiException.staleVersion(await this.find(this.dataSource.manager, id));
      const after = (await this.find(manager, id))!;
      await this.record(manager, caller, 'update', after, diffFields(before, after, CONTACT_PERSON_AUDITED_FIELDS));
      return after;
    });
  }

  /**
   * Hard delete for a person nobody's history refers to (e.g. added by mistake). Their earlier audit
   * rows are scrubbed as on erasure: once the row is gone nobody could erase them any more.
   */
  async delete(caller: AuthUser, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadReadable(manager, caller, id);
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM contact_entry_persons WHERE contact_person_id = $1`,
        [id],
      );
      if (count > 0) throw referencedByEntries();
      try {
        await manager.query(`DELETE FROM contact_persons WHERE id = $1`, [id]);
      } catch (error) {
        // An entry naming the person was logged between the count and the delete.
        if (foreignKeyViolation(error) === 'contact_entry_persons_contact_person_id_fkey') throw referencedByEntries();
        throw error;
      }
      await this.redactAuditTrail(manager, id);
      await this.record(manager, caller, 'delete', before, redactedChanges(before, {}));
    });
  }

  /** GDPR access request: everything held about the person. */
  async export(caller: AuthUser, id: number): Promise<ContactPersonExportDto> {
    const manager = this.dataSource.manager;
    const person = await this.loadReadable(manager, caller, id);
    const [employer]: { id: number; name: string }[] = await manager.query(
      `SELECT id, name FROM employers WHERE id = $1`,
      [person.employerId],
    );
    const entries: { id: number; occurred_at: Date; type: string; summary: string }[] = await manager.query(
      `SELECT ce.id, ce.occurred_at, ce.type, ce.summary
         FROM contact_entry_persons cep JOIN contact_entries ce ON ce.id = cep.contact_entry_id
        WHERE cep.contact_person_id = $1 ORDER BY ce.occurred_at, ce.id`,
      [id],
    );
    const events: { occurred_at: Date; action: string; changes: AuditChanges }[] = await manager.query(
      `SELECT occurred_at, action, changes FROM audit_events
        WHERE entity_type = 'contact_person' AND entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
    return {
      exportedAt: new Date().toISOString(),
      person,
      employer: { id: employer.id, name: employer.name },
      contactEntries: entries.map((e) => ({
        id: e.id,
        occurredAt: e.occurred_at.toISOString(),
        type: e.type,
        summary: e.summary,
      })),
      auditEvents: events.map((e) => ({
        occurredAt: e.occurred_at.toISOString(),
        action: e.action,
        changes: e.changes,
      })),
    };
  }

  /**
   * GDPR erasure: the row stays (contact entries keep their shape) with its personal data replaced,
   * and the same values are scrubbed from the audit trail.
   */
  async erase(caller: AuthUser, id: number): Promise<ContactPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.loadReadable(manager, caller, id);
      if (before.erased) {
        throw new ApiException(409, 'CONTACT_PERSON_ERASED', 'This contact person has already been erased');
      }
      await manager.query(
        `UPDATE contact_persons
            SET name = $2, title = NULL, email = NULL, phone = NULL, notes = NULL, roles = '{}',
                erased_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, ERASED_NAME],
      );
      await this.redactAuditTrail(manager, id);
      const after = (await this.find(manager, id))!;
      await this.record(manager, caller, 'erase', after, redactedChanges(before, after));
      return after;
    });
  }

  private async redactAuditTrail(manager: EntityManager, id: number): Promise<void> {
    // The app role cannot change audit rows; the owner's function does this one scrub (migration 1764120000000).
    await manager.query(`SELECT crm_redact_contact_person_audit($1)`, [id]);
  }

  private record(
    manager: EntityManager,
    caller: AuthUser,
    action: string,
    person: ContactPersonDto,
    changes: AuditChanges,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId: caller.id,
      action,
      entityType: 'contact_person',
      entityId: person.id,
      employerId: person.employerId,
      changes,
    });
  }

  /** The person, or 404 when it does not exist or its employer is outside the caller's groups. */
  private async loadReadable(manager: EntityManager, caller: AuthUser, id: number): Promise<ContactPersonDto> {
    const person = await this.find(manager, id);
    if (!person) throw ApiException.notFound('Contact person');
    try {
      await readableEmployer(manager, caller, person.employerId, 'contactPersons');
    } catch (error) {
      if (error instanceof ApiException && error.code === 'NOT_FOUND') throw ApiException.notFound('Contact person');
      throw error;
    }
    return person;
  }

  private async find(manager: EntityManager, id: number): Promise<ContactPersonDto | null> {
    const rows: ContactPersonRow[] = await manager.query(`SELECT ${COLUMNS} FROM contact_persons p WHERE p.id = $1`, [
      id,
    ]);
    return rows[0] ? toDto(rows[0]) : null;
  }
}

function referencedByEntries(): ApiException {
  return new ApiException(
    409,
    'CONTACT_PERSON_IN_USE',
    'Contact entries refer to this person; erase their personal data instead of deleting them',
  );
}
