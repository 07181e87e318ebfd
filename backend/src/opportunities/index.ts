// What other features may use of opportunities; everything else in this folder is private to it.
export { OpportunitiesModule } from './opportunities.module';
export { OpportunitiesService } from './opportunities.service';
export {
  OPEN_STAGES_SQL,
  opportunitiesTable,
  opportunityListConditions,
  opportunityStageChangesTable,
} from './opportunities.table';
