import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';

export const myWorkRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'myWork.title',
    canMatch: [requireRight('followUps', 'read')],
    loadComponent: () => import('./my-work').then((m) => m.MyWork),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
];
