export { CampusGroupsModule } from './campus-groups.module';
