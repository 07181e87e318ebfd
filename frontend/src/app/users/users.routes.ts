import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';

// Each path twice: the page for roles with the right, then "no access" at the same address for the rest.
export const usersRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'titles.users',
    canMatch: [requireRight('users', 'read')],
    loadComponent: () => import('./user-list').then((m) => m.UserList),
  },
  {
    path: 'new',
    title: 'titles.userNew',
    canMatch: [requireRight('users', 'write')],
    loadComponent: () => import('./user-form').then((m) => m.UserForm),
  },
  // Before ':id', or a role without write rights would open /new as a record called "new".
  { path: 'new', title: 'titles.noAccess', component: NoAccess },
  {
    path: ':id',
    title: 'titles.user',
    canMatch: [requireRight('users', 'read')],
    loadComponent: () => import('./user-form').then((m) => m.UserForm),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
  { path: ':id', title: 'titles.noAccess', component: NoAccess },
];
