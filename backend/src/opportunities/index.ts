export { OpportunitiesModule } from './opportunities.module';
export { opportunityListConditions } from './opportunities.service';
