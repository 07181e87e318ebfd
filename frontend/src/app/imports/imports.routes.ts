import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';

export const importRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'import.title',
    canMatch: [requireRight('employers', 'write')],
    loadComponent: () => import('./import-page').then((m) => m.ImportPage),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
];
