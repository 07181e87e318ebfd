// What other features may use of follow-ups; everything else in this folder is private to it.
export { FollowUpsModule } from './follow-ups.module';
export { FollowUpsService } from './follow-ups.service';
export {
  detachFollowUpsFromEntry,
  dueFollowUpsOf,
  followUpFilterConditions,
  followUpIdsOfEntrySql,
  followUpOverdueSql,
  insertFollowUpSql,
  reattachFollowUpsToEntry,
} from './follow-ups.table';
export { followUpsTable } from './follow-ups.table';
