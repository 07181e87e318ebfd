export { FollowUpsModule } from './follow-ups.module';
export { FollowUpsService, followUpFilterConditions } from './follow-ups.service';
