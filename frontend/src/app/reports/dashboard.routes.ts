import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';

export const dashboardRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'dashboard.title',
    canMatch: [requireRight('reports', 'read')],
    loadComponent: () => import('./dashboard').then((m) => m.Dashboard),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
];
