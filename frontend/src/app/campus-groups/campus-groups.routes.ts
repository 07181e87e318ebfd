import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';

export const campusGroupsRoutes: Routes = [
  ...pageForRight('campusGroups', 'read', '', 'titles.campusGroups', () =>
    import('./campus-group-list').then((m) => m.CampusGroupList),
  ),
  ...pageForRight('campusGroups', 'write', 'new', 'titles.campusGroupNew', () =>
    import('./campus-group-form').then((m) => m.CampusGroupForm),
  ),
  ...pageForRight('campusGroups', 'read', ':id', 'titles.campusGroup', () =>
    import('./campus-group-detail').then((m) => m.CampusGroupDetail),
  ),
];
