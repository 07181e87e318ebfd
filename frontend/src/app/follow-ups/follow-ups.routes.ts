import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';

export const myWorkRoutes: Routes = pageForRight('followUps', 'read', '', 'myWork.title', () =>
  import('./my-work').then((m) => m.MyWork),
);
