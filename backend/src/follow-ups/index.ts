// What other features may use of follow-ups; everything else in this folder is private to it.
export { FollowUpsModule } from './follow-ups.module';
export { type FollowUpAction, FollowUpsService, type NewFollowUp } from './follow-ups.service';
export {
  detachFollowUpsFromEntry,
  followUpFilterConditions,
  followUpIdsOfEntrySql,
  followUpOverdueSql,
  followUpsTable,
} from './follow-ups.table';
