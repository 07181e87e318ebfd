import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';
import { firstOwnGroup } from './campus-landing';

export const campusStatusRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'campusStatus.pickerTitle',
    canMatch: [requireRight('employers', 'read')],
    canActivate: [firstOwnGroup],
    loadComponent: () => import('./campus-group-picker').then((m) => m.CampusGroupPicker),
  },
  {
    path: ':groupId',
    title: 'campusStatus.title',
    canMatch: [requireRight('employers', 'read')],
    loadComponent: () => import('./campus-status').then((m) => m.CampusStatus),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
  { path: ':groupId', title: 'titles.noAccess', component: NoAccess },
];
