import { contactEntriesTable, contactEntryPersonsTable } from './contact-entries';
import type { Table } from './database/table';
import { employerCampusGroupsTable, employerNameWordsTable, employersTable } from './employers';
import { followUpsTable } from './follow-ups';
import { opportunitiesTable, opportunityStageChangesTable } from './opportunities';

/**
 * Every table's declaration (each feature's `*.table.ts`, exported by its index), for the
 * schema-drift test. A composition root beside app.module.ts rather than a file of database/: the
 * features build on database/, so database/ must not import them back.
 */
export const TABLES: readonly Table[] = [
  employersTable,
  employerCampusGroupsTable,
  employerNameWordsTable,
  contactEntriesTable,
  contactEntryPersonsTable,
  followUpsTable,
  opportunitiesTable,
  opportunityStageChangesTable,
];
