import type { ContactEntryDto, ContactEntryListQuery, ContactTopic, ContactType, Page } from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { timestampKeySql } from '../database/keyset';
import { SqlParams } from '../database/sql';
import { keysetListPage, newestFirst } from '../database/keyset-list';
import { camelFields, versionedColumns, versionedRecordFields } from '../database/record-fields';
import {
  columnList,
  defineTable,
  integer,
  integerArray,
  jsonb,
  type RowOf,
  text,
  textArray,
  timestamptz,
  varchar,
} from '../database/table';
import { oneRow, preparedRows, type Queryable } from '../database/typed-query';
import { type ColumnChanges, versionedUpdate } from '../database/versioned-update';
import { contactPersonRefsSql } from '../contacts';
import { type EmployerOwnedFind, type EmployerOwnedView, employerVisibleSql, findEmployerOwnedRow } from '../employers';
import { detachFollowUpsFromEntry, followUpIdsOfEntrySql } from '../follow-ups';

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
  ...versionedColumns(),
});

/** The contact persons involved in a contact entry. */
export const contactEntryPersonsTable = defineTable('contact_entry_persons', {
  contact_entry_id: integer(),
  contact_person_id: integer(),
});

/**
 * Deleted entries waiting for an undo: the row as JSON with its persons and follow-ups. Keeping them
 * out of contact_entries leaves every query of contact entries (lists, search, reports and their
 * roll-up triggers, exports, the timeline) correct without a "not deleted" condition.
 */
export const contactEntriesDeletedTable = defineTable('contact_entries_deleted', {
  id: integer(),
  employer_id: integer(),
  created_by: integer().orNull(),
  entry: jsonb(),
  contact_person_ids: integerArray(),
  follow_up_ids: integerArray(),
  deleted_by: integer(),
  deleted_at: timestamptz(),
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
  ${contactPersonRefsSql('SELECT cp.contact_person_id FROM contact_entry_persons cp WHERE cp.contact_entry_id = c.id')}
    AS contact_persons,
  ${followUpIdsOfEntrySql('c.id')} AS follow_up_ids`;

const VIEW: EmployerOwnedView = { columns: VIEW_COLUMNS, from: VIEW_FROM, alias: 'c' };

function toDto(row: Omit<ContactEntryView, 'occurred_key'>): ContactEntryDto {
  return {
    ...camelFields(row, [
      'id',
      'employer_id',
      'employer_name',
      'type',
      'summary',
      'notes',
      'contact_persons',
      'campus_group_id',
      'campus_group_name',
      'topics',
      'created_by_name',
    ]),
    occurredAt: row.occurred_at.toISOString(),
    createdById: row.created_by,
    ...versionedRecordFields(row),
    followUpIds: row.follow_up_ids.map(Number),
  };
}

/** The page of entries the scope sees, newest first. */
export async function contactEntryPage(
  db: Queryable,
  scope: CampusScope,
  query: ContactEntryListQuery,
): Promise<Page<ContactEntryDto>> {
  const params = new SqlParams();
  const where = [employerVisibleSql(scope, 'c.employer_id', params)];
  if (query.employerId) where.push(`c.employer_id = ${params.add(Number(query.employerId))}`);
  return keysetListPage(db, {
    from: VIEW_FROM,
    countFrom: 'contact_entries c',
    columns: VIEW_COLUMNS,
    where,
    params,
    order: newestFirst('c.occurred_at', 'c.id', (row: ContactEntryView) => row.occurred_key),
    query,
    toItem: toDto,
  });
}

/** The entry if the scope sees its employer: see `findEmployerOwnedRow`. */
export async function findContactEntry(
  db: Queryable,
  id: number,
  find?: EmployerOwnedFind,
): Promise<ContactEntryDto | null> {
  const row = await findEmployerOwnedRow<ContactEntryView>(db, VIEW, id, find);
  return row && toDto(row);
}

export type NewContactEntryRow = Pick<
  ContactEntryRow,
  'employer_id' | 'type' | 'summary' | 'notes' | 'campus_group_id' | 'topics' | 'created_by'
> & { occurred_at: string };

/**
 * A new entry with its persons, the follow-up it asks for (`followUpSql(params, contactEntryId)`:
 * the follow-ups' INSERT), the employer's activity columns (`activitySql`: the employers' UPDATE)
 * and the audit rows (`auditSql(params, { entry, followUp })`: an INSERT over the WITH queries that
 * hold the new rows), as one statement: every write of the request in one round trip, atomic on its
 * own, so no transaction is held open around it. Answers the entry as the API shows it, from what
 * the statement inserted (no re-read); the persons named are `personIds`.
 */
export async function insertContactEntry(
  db: Queryable,
  values: NewContactEntryRow,
  also: {
    personIds: readonly number[];
    followUpSql?: (params: SqlParams, contactEntryId: { sql: string; from: string }) => string;
    activitySql: (params: SqlParams) => string;
    auditSql: (params: SqlParams, from: { entry: string; followUp?: string }) => string;
  },
): Promise<ContactEntryDto> {
  const params = new SqlParams();
  const entry = `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, notes, campus_group_id, topics, created_by)
     VALUES (${[
       values.employer_id,
       values.type,
       values.occurred_at,
       values.summary,
       values.notes,
       values.campus_group_id,
       values.topics,
       values.created_by,
     ]
       .map((value) => params.add(value))
       .join(', ')})
     RETURNING ${columnList(contactEntriesTable)}`;
  const personIds = params.add(also.personIds);
  const steps = [`entry AS (${entry})`, `activity AS (${also.activitySql(params)})`];
  if (also.personIds.length > 0) {
    steps.push(`persons AS (INSERT INTO contact_entry_persons (contact_entry_id, contact_person_id)
       SELECT entry.id, unnest(${personIds}::int[]) FROM entry)`);
  }
  if (also.followUpSql) {
    steps.push(`follow_up AS (${also.followUpSql(params, { sql: 'entry.id', from: 'entry' })})`);
  }
  steps.push(
    `audit AS (${also.auditSql(params, { entry: 'entry', followUp: also.followUpSql ? 'follow_up' : undefined })})`,
  );
  // The statement's own inserts are not visible to its sub-selects: persons and follow-up ids come
  // from the parameters and the WITH queries; the names from the tables the statement only reads.
  // Prepared: its text varies only with whether persons and a follow-up come along, and planning it
  // cost about as much as running its inserts.
  const [row] = await preparedRows<Omit<ContactEntryView, 'occurred_key'>>(
    db,
    `WITH ${steps.join(',\n')}
     SELECT ${columnList(contactEntriesTable, 'entry')},
            (SELECT e.name FROM employers e WHERE e.id = entry.employer_id) AS employer_name,
            (SELECT g.name FROM campus_groups g WHERE g.id = entry.campus_group_id) AS campus_group_name,
            (SELECT u.display_name FROM users u WHERE u.id = entry.created_by) AS created_by_name,
            ${contactPersonRefsSql(`SELECT unnest(${personIds}::int[])`)} AS contact_persons,
            ${also.followUpSql ? 'ARRAY(SELECT follow_up.id FROM follow_up)' : `'{}'::int[]`} AS follow_up_ids
       FROM entry`,
    params.values,
  );
  return toDto(row);
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

/**
 * Moves the entry to contact_entries_deleted (its follow-ups' links go with it, the follow-ups stay),
 * and purges deleted entries older than `keepSeconds`, which can no longer be restored.
 */
export async function trashContactEntry(db: Queryable, id: number, deletedBy: number, keepSeconds: number) {
  await db.query(`DELETE FROM contact_entries_deleted WHERE deleted_at < now() - make_interval(secs => $1)`, [
    keepSeconds,
  ]);
  await db.query(
    `INSERT INTO contact_entries_deleted (id, employer_id, created_by, entry, contact_person_ids, follow_up_ids, deleted_by)
     SELECT c.id, c.employer_id, c.created_by, to_jsonb(c),
            COALESCE((SELECT array_agg(cp.contact_person_id ORDER BY cp.contact_person_id)
                        FROM contact_entry_persons cp WHERE cp.contact_entry_id = c.id), '{}'),
            ${followUpIdsOfEntrySql('c.id')}, $2
       FROM contact_entries c WHERE c.id = $1`,
    [id, deletedBy],
  );
  await detachFollowUpsFromEntry(db, id);
  await db.query(`DELETE FROM contact_entries WHERE id = $1`, [id]);
}

export type DeletedContactEntryRow = Pick<
  RowOf<typeof contactEntriesDeletedTable>,
  'id' | 'employer_id' | 'created_by' | 'contact_person_ids' | 'follow_up_ids'
>;

/** A deleted entry still restorable (deleted less than `keepSeconds` ago), held for the restore. */
export function findDeletedContactEntry(
  db: Queryable,
  id: number,
  keepSeconds: number,
): Promise<DeletedContactEntryRow | null> {
  return oneRow<DeletedContactEntryRow>(
    db,
    `SELECT id, employer_id, created_by, contact_person_ids, follow_up_ids FROM contact_entries_deleted
      WHERE id = $1 AND deleted_at >= now() - make_interval(secs => $2) FOR UPDATE`,
    [id, keepSeconds],
  );
}

/**
 * Puts a deleted entry back as it was (same id, version and times) with the given persons; the
 * caller re-links its follow-ups.
 */
export async function untrashContactEntry(db: Queryable, id: number, personIds: readonly number[]): Promise<void> {
  // jsonb_populate_record gives the table's row type, so the INSERT's implicit column list matches.
  await db.query(
    `WITH gone AS (DELETE FROM contact_entries_deleted WHERE id = $1 RETURNING entry)
     INSERT INTO contact_entries SELECT (jsonb_populate_record(NULL::contact_entries, gone.entry)).* FROM gone`,
    [id],
  );
  await replaceContactPersons(db, id, personIds);
}

/** Replaces the entry's persons (a new entry gets its persons with its INSERT). */
export async function replaceContactPersons(
  db: Queryable,
  entryId: number,
  personIds: readonly number[],
): Promise<void> {
  await db.query(`DELETE FROM contact_entry_persons WHERE contact_entry_id = $1`, [entryId]);
  if (personIds.length === 0) return;
  await db.query(
    `INSERT INTO contact_entry_persons (contact_entry_id, contact_person_id) SELECT $1, unnest($2::int[])`,
    [entryId, personIds],
  );
}
