import { loginThrottleTable } from '../account/login-throttle.table';
import { auditEventsTable } from '../audit/audit.table';
import { sessionsTable } from '../auth/sessions.table';
import { calendarFeedsTable } from '../calendar/calendar.table';
import { campusGroupsTable } from '../campus-groups/campus-groups.table';
import { contactPersonsTable } from '../contacts/contacts.table';
import { employerCampusGroupsTable, employerNameWordsTable, employersTable } from '../employers/employers.table';
import { importBatchesTable } from '../imports/imports.table';
import { userCampusGroupsTable, usersTable } from '../users/users.table';
import type { Table } from './table';

/**
 * Every table's declaration, for the schema-drift test. Only the declarations are imported here
 * (each feature's `*.table.ts`), never services; the migrations import nothing of the features.
 */
export const TABLES: readonly Table[] = [
  employersTable,
  employerCampusGroupsTable,
  employerNameWordsTable,
  usersTable,
  userCampusGroupsTable,
  campusGroupsTable,
  contactPersonsTable,
  sessionsTable,
  loginThrottleTable,
  auditEventsTable,
  calendarFeedsTable,
  importBatchesTable,
];
