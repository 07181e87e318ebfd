import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';

export const callListRoutes: Routes = pageForRight('employers', 'read', '', 'workplaceLearning.callLists.title', () =>
  import('./call-lists').then((m) => m.CallLists),
);
