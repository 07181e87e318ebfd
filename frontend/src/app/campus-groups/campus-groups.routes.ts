import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';

// Each path twice: the page for roles with the right, then "no access" at the same address for the rest.
export const campusGroupsRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'titles.campusGroups',
    canMatch: [requireRight('campusGroups', 'read')],
    loadComponent: () => import('./campus-group-list').then((m) => m.CampusGroupList),
  },
  {
    path: 'new',
    title: 'titles.campusGroupNew',
    canMatch: [requireRight('campusGroups', 'write')],
    loadComponent: () => import('./campus-group-form').then((m) => m.CampusGroupForm),
  },
  // Before ':id', or a role without write rights would open /new as a record called "new".
  { path: 'new', title: 'titles.noAccess', component: NoAccess },
  {
    path: ':id',
    title: 'titles.campusGroup',
    canMatch: [requireRight('campusGroups', 'read')],
    loadComponent: () => import('./campus-group-detail').then((m) => m.CampusGroupDetail),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
  { path: ':id', title: 'titles.noAccess', component: NoAccess },
];
