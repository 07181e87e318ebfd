import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';

// Each path twice: the page for roles with the right, then "no access" at the same address for the rest.
export const employersRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'employers.titles.list',
    canMatch: [requireRight('employers', 'read')],
    loadComponent: () => import('./employer-list').then((m) => m.EmployerList),
  },
  {
    path: 'new',
    title: 'employers.titles.new',
    canMatch: [requireRight('employers', 'write')],
    loadComponent: () => import('./employer-new').then((m) => m.EmployerNew),
  },
  // Before ':id', or a role without write rights would open /new as a record called "new".
  { path: 'new', title: 'titles.noAccess', component: NoAccess },
  {
    path: ':id',
    title: 'employers.titles.detail',
    canMatch: [requireRight('employers', 'read')],
    loadComponent: () => import('./employer-page').then((m) => m.EmployerPage),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
  { path: ':id', title: 'titles.noAccess', component: NoAccess },
];
