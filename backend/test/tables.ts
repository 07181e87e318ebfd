import { loginThrottleTable } from '../src/account/login-throttle.table';
import { auditEventsTable } from '../src/audit/audit.table';
import { registerRefreshesTable } from '../src/business-register/register-refresh.table';
import { sessionsTable } from '../src/auth/sessions.table';
import { calendarFeedsTable } from '../src/calendar/calendar.table';
import { campusGroupsTable } from '../src/campus-groups/campus-groups.table';
import {
  contactEntriesDeletedTable,
  contactEntriesTable,
  contactEntryPersonsTable,
} from '../src/contact-entries/contact-entries.table';
import { contactPersonsTable } from '../src/contacts/contacts.table';
import { employerCampusGroupsTable, employerNameWordsTable, employersTable } from '../src/employers/employers.table';
import {
  employerListCountDeltasTable,
  employerListCountsTable,
  employerListKeysTable,
} from '../src/employers/employer-list-counts';
import { followUpsTable } from '../src/follow-ups/follow-ups.table';
import { recentEmployerViewsTable } from '../src/home/recent-employers.table';
import { importBatchesTable } from '../src/imports/imports.table';
import { pseudonymisationKeysTable } from '../src/imports/pseudonymisation';
import { opportunitiesTable, opportunityStageChangesTable } from '../src/opportunities/opportunities.table';
import { reportCountDeltasTable, reportCountsTable } from '../src/reports/report-counts';
import { userCampusGroupsTable, usersTable } from '../src/users/users.table';
import { sharedChangesTable } from '../src/cache/shared-changes.table';
import type { Table } from '../src/database/table';
import { employerJourneyStepsTable } from '../src/employer-journey/employer-journey.table';
import {
  feedbackSurveysTable,
  workplaceLearningPeriodsTable,
} from '../src/workplace-learning/workplace-learning.table';

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
  usersTable,
  userCampusGroupsTable,
  campusGroupsTable,
  contactPersonsTable,
  sessionsTable,
  loginThrottleTable,
  auditEventsTable,
  calendarFeedsTable,
  importBatchesTable,
  contactEntriesTable,
  contactEntryPersonsTable,
  contactEntriesDeletedTable,
  followUpsTable,
  opportunitiesTable,
  opportunityStageChangesTable,
  sharedChangesTable,
  reportCountsTable,
  reportCountDeltasTable,
  employerListCountsTable,
  employerListCountDeltasTable,
  employerListKeysTable,
  recentEmployerViewsTable,
  workplaceLearningPeriodsTable,
  feedbackSurveysTable,
  employerJourneyStepsTable,
  registerRefreshesTable,
  pseudonymisationKeysTable,
];
