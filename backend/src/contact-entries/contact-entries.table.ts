import type { ContactEntryDto, ContactEntryListQuery, ContactTopic, ContactType, Page } from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { decodeCursor, pageSize, timestampKeySql } from '../database/keyset';
import { SqlParams } from '../database/sql';
import { keysetPage } from '../database/keyset-page';
import { columnList, defineTable, integer, type RowOf, text, textArray, timestamptz, varchar } from '../database/table';
import { oneRow, type Queryable, rows } from '../database/typed-query';
import { type ColumnChanges, versionedUpdate } from '../database/versioned-update';
import { employerVisibleSql } from '../employers';
import { followUpIdsOfEntrySql } from '../follow-ups';

export const contactEntriesTable = defineTable('contact_entries', {
  id: integer(),
  employer_id: integer(),
  type: varchar(20).as<ContactType>(),
  occurred_at: timestamptz(),
  summary: varchar(300),
  notes: text().orNull(),
  /** The campus group the contact is counted for. */
  campus_group_id: integer(),
  topics: textArray().as<ContactTopic[]>(),
  created_by: integer().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  version: integer(),
});

/** The contact persons involved in a contact entry. */
export const contactEntryPersonsTable = defineTable('contact_entry_persons', {
  contact_entry_id: integer(),
  contact_person_id: integer(),
});

type ContactEntryRow = RowOf<typeof contactEntriesTable>;

/** An entry as the API shows it: the row with the names it refers to, its persons and follow-ups. */
interface ContactEntryView extends ContactEntryRow {
  employer_name: string;
  /** occurred_at as the keyset cursor holds it. */
  occurred_key: string;
  contact_persons: { id: number; name: string }[];
  campus_group_name: string;
  created_by_name: string | null;
  follow_up_ids: number[];
}

const VIEW_FROM = `contact_entries c
  JOIN employers e ON e.id = c.employer_id
  JOIN campus_groups g ON g.id = c.campus_group_id
  LEFT JOIN users u ON u.id = c.created_by`;

const VIEW_COLUMNS = `${columnList(contactEntriesTable, 'c')}, e.name AS employer_name,
  ${timestampKeySql('c.occurred_at')} AS occurred_key,
  g.name AS campus_group_name, u.display_name AS created_by_name,
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
              FROM contact_entry_persons cp JOIN contact_persons p ON p.id = cp.contact_person_id
             WHERE cp.contact_entry_id = c.id), '[]') AS contact_persons,
  ${followUpIdsOfEntrySql('c.id')} AS follow_up_ids`;

function toDto(row: ContactEntryView): ContactEntryDto {
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

/** The page of entries the scope sees, newest first. */
export async function contactEntryPage(
  db: Queryable,
  scope: CampusScope,
  query: ContactEntryListQuery,
): Promise<Page<ContactEntryDto>> {
  const limit = pageSize(query.limit);
  const params = new SqlParams();
  const where = [employerVisibleSql(scope, 'c.employer_id', params)];
  if (query.employerId) where.push(`c.employer_id = ${params.add(Number(query.employerId))}`);
  const [{ total }] = await rows<{ total: number }>(
    db,
    `SELECT count(*)::int AS total FROM contact_entries c WHERE ${where.join(' AND ')}`,
    params.values,
  );
  const cursor = decodeCursor(query.cursor, ['timestamp', 'id']);
  if (cursor) {
    where.push(`(c.occurred_at, c.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])})`);
  }
  const fetched = await rows<ContactEntryView>(
    db,
    `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE ${where.join(' AND ')}
      ORDER BY c.occurred_at DESC, c.id DESC LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return { ...keysetPage(fetched, limit, toDto, (last) => [last.occurred_key, last.id]), total };
}

/**
 * The entry if the scope sees its employer (everyone's by default). `lock` holds the row for the
 * transaction's change.
 */
export async function findContactEntry(
  db: Queryable,
  id: number,
  { scope = { kind: 'all' }, lock = false }: { scope?: CampusScope; lock?: boolean } = {},
): Promise<ContactEntryDto | null> {
  const params = new SqlParams();
  const visible = employerVisibleSql(scope, 'c.employer_id', params);
  const row = await oneRow<ContactEntryView>(
    db,
    `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE c.id = ${params.add(id)} AND ${visible} ${lock ? 'FOR UPDATE OF c' : ''}`,
    params.values,
  );
  return row && toDto(row);
}

export type NewContactEntryRow = Pick<
  ContactEntryRow,
  'employer_id' | 'type' | 'summary' | 'notes' | 'campus_group_id' | 'topics' | 'created_by'
> & { occurred_at: string };

export async function insertContactEntry(db: Queryable, values: NewContactEntryRow): Promise<number> {
  const [{ id }] = await rows<Pick<ContactEntryRow, 'id'>>(
    db,
    `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, notes, campus_group_id, topics, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      values.employer_id,
      values.type,
      values.occurred_at,
      values.summary,
      values.notes,
      values.campus_group_id,
      values.topics,
      values.created_by,
    ],
  );
  return id;
}

/** Saves `changes` if the entry is still at `version`. */
export async function updateContactEntry(
  db: Queryable,
  id: number,
  version: number,
  changes: ColumnChanges<typeof contactEntriesTable>,
): Promise<void> {
  await versionedUpdate(db, contactEntriesTable, {
    id,
    version,
    changes,
    current: () => findContactEntry(db, id),
    what: 'Contact entry',
  });
}

export async function deleteContactEntry(db: Queryable, id: number): Promise<void> {
  await db.query(`DELETE FROM contact_entries WHERE id = $1`, [id]);
}

/** Replaces the entry's persons; `replace: false` only adds them (a new entry has none). */
export async function linkContactPersons(
  db: Queryable,
  entryId: number,
  personIds: readonly number[],
  { replace }: { replace: boolean },
): Promise<void> {
  if (replace) await db.query(`DELETE FROM contact_entry_persons WHERE contact_entry_id = $1`, [entryId]);
  if (personIds.length === 0) return;
  await db.query(
    `INSERT INTO contact_entry_persons (contact_entry_id, contact_person_id) SELECT $1, unnest($2::int[])`,
    [entryId, personIds],
  );
}
