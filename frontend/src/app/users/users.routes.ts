import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';

export const usersRoutes: Routes = [
  ...pageForRight('users', 'read', '', 'titles.users', () => import('./user-list').then((m) => m.UserList)),
  ...pageForRight('users', 'write', 'new', 'titles.userNew', () => import('./user-form').then((m) => m.UserForm)),
  ...pageForRight('users', 'read', ':id', 'titles.user', () => import('./user-form').then((m) => m.UserForm)),
];
