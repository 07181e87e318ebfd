import { contactEntriesTable, contactEntryPersonsTable } from '../src/contact-entries/contact-entries.table';
import { employerCampusGroupsTable, employerNameWordsTable, employersTable } from '../src/employers/employers.table';
import { followUpsTable } from '../src/follow-ups/follow-ups.table';
import { opportunitiesTable, opportunityStageChangesTable } from '../src/opportunities/opportunities.table';
import type { Table } from '../src/database/table';

/**
 * Every table's declaration, for the schema-drift test. Only the declarations are imported here
 * (each feature's `*.table.ts`), never services; the migrations import nothing of the features.
 * It lives with the tests: in backend/src/database it would make database/ depend on every feature
 * that depends on database/ (a folder cycle).
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
