import { Injectable } from '@nestjs/common';
import type { ContactPersonDto, ContactPersonExportDto } from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditChanges, auditEventsOf, AuditService, AuditTrail } from '../audit';
import type { AuthUser } from '../auth';
import { ApiException } from '../http/api-exception';
import { foreignKeyViolation } from '../database/database-errors';
import { oneRow, rows } from '../database/typed-query';
import { expectVersion } from '../database/versioned-update';
import { readableEmployer } from '../employers';
import {
  contactPersonsOfEmployer,
  type CreateContactPersonInput,
  deleteContactPerson,
  eraseContactPerson,
  findContactPerson,
  insertContactPerson,
  PERSONAL_FIELDS,
  redactContactPersonAudit,
  updateContactPerson,
  type UpdateContactPersonInput,
} from './contacts.table';

/** What the audit trail keeps of a personal field that was erased or deleted. */
const ERASED_VALUE = '[erased]';

/** Audit changes that say which personal fields went away without repeating their values. */
function redactedChanges(before: ContactPersonDto, after: Partial<ContactPersonDto>): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of PERSONAL_FIELDS) {
    const had = before[field];
    if (had === null || (Array.isArray(had) && had.length === 0)) continue;
    changes[field] = [ERASED_VALUE, after[field] ?? null];
  }
  return changes;
}

const contactPersonAudit = new AuditTrail<ContactPersonDto>('contact_person', PERSONAL_FIELDS, 'employerId');

@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listForEmployer(caller: AuthUser, employerId: number): Promise<ContactPersonDto[]> {
    await readableEmployer(this.dataSource.manager, caller, employerId, 'contactPersons');
    return contactPersonsOfEmployer(this.dataSource, employerId);
  }

  async get(caller: AuthUser, id: number): Promise<ContactPersonDto> {
    return this.loadReadable(this.dataSource.manager, caller, id);
  }

  async create(caller: AuthUser, employerId: number, input: CreateContactPersonInput): Promise<ContactPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      await readableEmployer(manager, caller, employerId, 'contactPersons');
      const id = await insertContactPerson(manager, employerId, input);
      const created = (await findContactPerson(manager, id))!;
      await this.audit.record(manager, contactPersonAudit.created(caller.id, created));
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateContactPersonInput): Promise<ContactPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = expectVersion(await this.loadReadable(manager, caller, id), input.version, 'Contact person');
      // Editing would bring personal data back into a row that was erased on request.
      if (before.erased)
        throw new ApiException(409, 'CONTACT_PERSON_ERASED', 'An erased contact person cannot be edited');
      await updateContactPerson(manager, id, input, () => findContactPerson(this.dataSource, id));
      const after = (await findContactPerson(manager, id))!;
      await this.audit.record(manager, contactPersonAudit.updated(caller.id, before, after));
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
      const referenced = await oneRow(
        manager,
        `SELECT 1 FROM contact_entry_persons WHERE contact_person_id = $1 LIMIT 1`,
        [id],
      );
      if (referenced) throw referencedByEntries();
      try {
        await deleteContactPerson(manager, id);
      } catch (error) {
        // An entry naming the person was logged between the check and the delete.
        if (foreignKeyViolation(error) === 'contact_entry_persons_contact_person_id_fkey') throw referencedByEntries();
        throw error;
      }
      await redactContactPersonAudit(manager, id);
      await this.audit.record(
        manager,
        contactPersonAudit.event(caller.id, 'delete', before, redactedChanges(before, {})),
      );
    });
  }

  /** GDPR access request: everything held about the person. */
  async export(caller: AuthUser, id: number): Promise<ContactPersonExportDto> {
    const manager = this.dataSource.manager;
    const person = await this.loadReadable(manager, caller, id);
    const employer = await oneRow<{ id: number; name: string }>(
      manager,
      `SELECT id, name FROM employers WHERE id = $1`,
      [person.employerId],
    );
    const entries = await rows<{ id: number; occurred_at: Date; type: string; summary: string }>(
      manager,
      `SELECT ce.id, ce.occurred_at, ce.type, ce.summary
         FROM contact_entry_persons cep JOIN contact_entries ce ON ce.id = cep.contact_entry_id
        WHERE cep.contact_person_id = $1 ORDER BY ce.occurred_at, ce.id`,
      [id],
    );
    return {
      exportedAt: new Date().toISOString(),
      person,
      employer: { id: employer!.id, name: employer!.name },
      contactEntries: entries.map((e) => ({
        id: e.id,
        occurredAt: e.occurred_at.toISOString(),
        type: e.type,
        summary: e.summary,
      })),
      auditEvents: await auditEventsOf(manager, 'contact_person', id),
    };
  }

  /**
   * GDPR erasure: the row stays (contact entries keep their shape) with its personal data replaced,
   * and the same values are scrubbed from the audit trail.
   */
  async erase(caller: AuthUser, id: number): Promise<ContactPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.loadReadable(manager, caller, id);
      if (before.erased)
        throw new ApiException(409, 'CONTACT_PERSON_ERASED', 'This contact person has already been erased');
      await eraseContactPerson(manager, id);
      await redactContactPersonAudit(manager, id);
      const after = (await findContactPerson(manager, id))!;
      await this.audit.record(
        manager,
        contactPersonAudit.event(caller.id, 'erase', after, redactedChanges(before, after)),
      );
      return after;
    });
  }

  /** The person, or 404 when it does not exist or its employer is outside the caller's groups. */
  private async loadReadable(manager: EntityManager, caller: AuthUser, id: number): Promise<ContactPersonDto> {
    const person = await findContactPerson(manager, id);
    if (!person) throw ApiException.notFound('Contact person');
    try {
      await readableEmployer(manager, caller, person.employerId, 'contactPersons');
    } catch (error) {
      if (error instanceof ApiException && error.code === 'NOT_FOUND') throw ApiException.notFound('Contact person');
      throw error;
    }
    return person;
  }
}

function referencedByEntries(): ApiException {
  return new ApiException(
    409,
    'CONTACT_PERSON_IN_USE',
    'Contact entries refer to this person; erase their personal data instead of deleting them',
  );
}
