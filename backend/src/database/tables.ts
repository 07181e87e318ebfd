import { employerCampusGroupsTable, employerNameWordsTable, employersTable } from '../employers/employers.table';
import type { Table } from './table';

/**
 * Every table's declaration, for the schema-drift test. Only the declarations are imported here
 * (each feature's `*.table.ts`), never services; the migrations import nothing of the features.
 */
export const TABLES: readonly Table[] = [employersTable, employerCampusGroupsTable, employerNameWordsTable];
