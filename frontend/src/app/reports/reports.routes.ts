import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';
import { firstOwnGroup } from './campus-landing';

export const dashboardRoutes: Routes = pageForRight('reports', 'read', '', 'dashboard.title', () =>
  import('./dashboard').then((m) => m.Dashboard),
);

export const campusStatusRoutes: Routes = [
  ...pageForRight(
    'employers',
    'read',
    '',
    'campusStatus.pickerTitle',
    () => import('./campus-group-picker').then((m) => m.CampusGroupPicker),
    { canActivate: [firstOwnGroup] },
  ),
  ...pageForRight('employers', 'read', ':groupId', 'campusStatus.title', () =>
    import('./campus-status').then((m) => m.CampusStatus),
  ),
];
