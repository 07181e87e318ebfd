import {
  CONTACT_PERSON_AUDITED_FIELDS,
  type ContactPersonDto,
  type ContactPersonSource,
  type ContactRole,
  type createContactPersonSchema,
  type updateContactPersonSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import { camelFields, fieldColumns, versionedColumns, versionedRecordFields } from '../database/record-fields';
import { columnList, defineTable, integer, type RowOf, text, textArray, timestamptz, varchar } from '../database/table';
import { insertRow, oneRow, type Queryable, rows } from '../database/typed-query';
import { versionedFieldsUpdate } from '../database/versioned-update';

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
  /** NULL when typed into the CRM; 'ehoks' for a workplace instructor read from an eHOKS export. */
  source: varchar(10).as<ContactPersonSource>().orNull(),
  ...versionedColumns(),
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

const UPDATABLE_COLUMNS = fieldColumns(['name', 'title', 'email', 'phone', 'roles', 'notes']) satisfies Partial<
  Record<keyof UpdateContactPersonInput, keyof ContactPersonRow>
>;

function toDto(row: ContactPersonRow): ContactPersonDto {
  return {
    ...camelFields(row, ['id', 'employer_id', 'name', 'title', 'email', 'phone', 'roles', 'notes']),
    erased: row.erased_at !== null,
    source: row.source,
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
  return insertRow(db, contactPersonsTable, {
    employer_id: employerId,
    name: input.name,
    title: input.title ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    roles: input.roles,
    notes: input.notes ?? null,
  });
}

export const updateContactPerson = versionedFieldsUpdate(contactPersonsTable, UPDATABLE_COLUMNS, 'Contact person');

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

/**
 * The persons of `personIdsSql` (a subquery of contact person ids) as a json array of `{id, name}`
 * ordered by name: how a contact entry shows who took part.
 */
export function contactPersonRefsSql(personIdsSql: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
              FROM contact_persons p WHERE p.id IN (${personIdsSql})), '[]')`;
}

/**
 * Those of `ids` that are persons of the employer and not erased; the ids in `keep` count even when
 * erased (a person already on a contact entry may stay there).
 */
export async function employerPersonIds(
  db: Queryable,
  employerId: number,
  ids: readonly number[],
  keep: readonly number[],
): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    `SELECT id FROM contact_persons
      WHERE id = ANY($1::int[]) AND employer_id = $2 AND (erased_at IS NULL OR id = ANY($3::int[]))`,
    [ids, employerId, keep],
  );
  return found.map((row) => row.id);
}
