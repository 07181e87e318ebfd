// What other features may use of opportunities; everything else in this folder is private to it.
export { OpportunitiesModule } from './opportunities.module';
export {
  IDLE_SINCE_SQL,
  OPEN_STAGES_SQL,
  OPEN_UNARCHIVED_SQL,
  OPPORTUNITY_VIEW_FROM,
  opportunityListConditions,
} from './opportunities.table';
export { opportunitiesTable, opportunityStageChangesTable } from './opportunities.table';
