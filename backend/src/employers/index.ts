export {
  employerOfScopeSql,
  employerVisibleSql,
  findEmployerOwnedRow,
  noteEmployerActivity,
  noteEmployerActivitySql,
  readableEmployer,
  refreshEmployerActivity,
} from './employer-access';
export type { EmployerAccessRow, EmployerOwnedFind, EmployerOwnedView } from './employer-access';
export {
  EMPLOYER_LIST_FROM,
  employerFilterSql,
  employerNameMatchSql,
  fuzzyTextSql,
  keysetOrderSql,
  keysetSort,
  relevanceOrderSql,
  searchThresholdSql,
} from './employer-list-sql';
export { EmployersModule } from './employers.module';
export { assertEmployerReferences } from './employer-references';
export type { EmployerReferences } from './employer-references';
export {
  EMPLOYER_FIELDS,
  employerCampusGroupsTable,
  employerNameWordsTable,
  employersTable,
  type EmployerValues,
  linkCampusGroups,
  newEmployerValues,
} from './employers.table';
export { insertEmployers, lockEmployerValues, reserveEmployerIds, updateEmployers } from './employers-bulk.table';
export {
  countEmployersWithBusinessId,
  employersWithBusinessIdAfter,
  type RegisterFactsRow,
  setRegisterFacts,
} from './employer-register.table';
