export { CampusGroupsModule } from './campus-groups.module';
export { campusGroupsTable, existingCampusGroupIds } from './campus-groups.table';
