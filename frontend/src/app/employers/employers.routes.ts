import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';

export const employersRoutes: Routes = [
  ...pageForRight('employers', 'read', '', 'employers.titles.list', () =>
    import('./employer-list').then((m) => m.EmployerList),
  ),
  ...pageForRight('employers', 'write', 'new', 'employers.titles.new', () =>
    import('./employer-new').then((m) => m.EmployerNew),
  ),
  ...pageForRight('employers', 'read', ':id', 'employers.titles.detail', () =>
    import('./employer-page').then((m) => m.EmployerPage),
  ),
];
