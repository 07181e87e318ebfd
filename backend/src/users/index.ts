export { UsersModule } from './users.module';
export { UsersService } from './users.service';
export {
  campusGroupIdsOf,
  campusGroupMembers,
  followUpAssigneeCandidates,
  isEligibleAccountManager,
  memberCountOf,
  userCampusGroupsTable,
  usersTable,
} from './users.table';
