import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';
import { EmployerList } from './employer-list';

export const employersRoutes: Routes = [
  // The list is where the feature is entered: its code comes with these routes, one download fewer
  // before the first page shows (on a phone each one is a round trip).
  ...pageForRight('employers', 'read', '', 'employers.titles.list', () => Promise.resolve(EmployerList)),
  ...pageForRight('employers', 'write', 'new', 'employers.titles.new', () =>
    import('./employer-new').then((m) => m.EmployerNew),
  ),
  ...pageForRight('employers', 'read', ':id', 'employers.titles.detail', () =>
    import('./employer-page').then((m) => m.EmployerPage),
  ),
];
