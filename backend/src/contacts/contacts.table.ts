import {
  CONTACT_PERSON_AUDITED_FIELDS,
  type ContactPersonDto,
  type ContactRole,
  type createContactPersonSchema,
  type updateContactPersonSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import { versionedRecordFields } from '../database/record-fields';
import { columnList, defineTable, integer, type RowOf, text, textArray, timestamptz, varchar } from '../database/table';
import { oneRow, type Queryable, rows } from '../database/typed-query';
import { ColumnChanges, versionedUpdate } from '../database/versioned-update';

export type CreateContactPersonInput = z.output<typeof createContactPersonSchema>;
export type UpdateContactPersonInput = z.output<typeof updateContactPersonSchema>;

export const contactPersonsTable = defineTable('contact_persons', {
  id: integer(),
  employer_id: integer(),
  name: varchar(200),
  title: varchar(200).orNull(),
  email: varchar(254).orNull(),
  phone: varchar(30).orNull(),
  roles: textArray().as<ContactRole[]>(),
  notes: text().orNull(),
  erased_at: timestamptz().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  version: integer(),
});

type ContactPersonRow = RowOf<typeof contactPersonsTable>;

const COLUMNS = columnList(contactPersonsTable, 'p');

/**
 * The personal fields: what erasure removes, from the row and from the audit trail (the database
 * function crm_redact_contact_person_audit names the same fields). Roles go too: with the employer
 * they can single a person out.
 */
export const PERSONAL_FIELDS = CONTACT_PERSON_AUDITED_FIELDS;

/** The fixed name an erased person keeps, so past contact entries still show that someone took part. */
export const ERASED_NAME = 'Poistettu henkilö';

const UPDATABLE_COLUMNS = {
  name: 'name',
  title: 'title',
  email: 'email',
  phone: 'phone',
  roles: 'roles',
  notes: 'notes',
} as const satisfies Partial<Record<keyof UpdateContactPersonInput, keyof ContactPersonRow>>;

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
    ...versionedRecordFields(row),
  };
}

export async function findContactPerson(db: Queryable, id: number): Promise<ContactPersonDto | null> {
  const row = await oneRow<ContactPersonRow>(db, `SELECT ${COLUMNS} FROM contact_persons p WHERE p.id = $1`, [id]);
  return row ? toDto(row) : null;
}

export async function contactPersonsOfEmployer(db: Queryable, employerId: number): Promise<ContactPersonDto[]> {
  const found = await rows<ContactPersonRow>(
    db,
    `SELECT ${COLUMNS} FROM contact_persons p WHERE p.employer_id = $1 ORDER BY crm_normalise(p.name), p.id`,
    [employerId],
  );
  return found.map(toDto);
}

export async function insertContactPerson(
  db: Queryable,
  employerId: number,
  input: CreateContactPersonInput,
): Promise<number> {
  const [{ id }] = await rows<{ id: number }>(
    db,
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
  return id;
}

/** Saves the given fields if the client's version is still the current one (else 409, or 404 when gone). */
export async function updateContactPerson(
  db: Queryable,
  id: number,
  input: UpdateContactPersonInput,
  current: () => Promise<ContactPersonDto | null>,
): Promise<void> {
  await versionedUpdate(db, contactPersonsTable, {
    id,
    version: input.version,
    changes: new ColumnChanges<typeof contactPersonsTable>().setDefined(input, UPDATABLE_COLUMNS),
    current,
    what: 'Contact person',
  });
}

/** Replaces the personal data with the erased marker; the row stays for the entries that name it. */
export async function eraseContactPerson(db: Queryable, id: number): Promise<void> {
  await db.query(
    `UPDATE contact_persons
        SET name = $2, title = NULL, email = NULL, phone = NULL, notes = NULL, roles = '{}',
            erased_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, ERASED_NAME],
  );
}

export async function deleteContactPerson(db: Queryable, id: number): Promise<void> {
  await db.query(`DELETE FROM contact_persons WHERE id = $1`, [id]);
}

/** The person's own audit events are scrubbed as the row is (the app role cannot change audit rows otherwise). */
export async function redactContactPersonAudit(db: Queryable, id: number): Promise<void> {
  // The owner's function does this one scrub (migration 1764120000000).
  await db.query(`SELECT crm_redact_contact_person_audit($1)`, [id]);
}
