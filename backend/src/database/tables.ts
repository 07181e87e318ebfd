import { contactEntriesTable, contactEntryPersonsTable } from '../contact-entries';
import { employerCampusGroupsTable, employerNameWordsTable, employersTable } from '../employers';
import { followUpsTable } from '../follow-ups';
import { opportunitiesTable, opportunityStageChangesTable } from '../opportunities';
import type { Table } from './table';

/**
 * Every table's declaration, for the schema-drift test. Only the declarations are imported here
 * (each feature's `*.table.ts`), never services; the migrations import nothing of the features.
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
