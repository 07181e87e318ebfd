import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';

export const importRoutes: Routes = pageForRight('employers', 'write', '', 'import.title', () =>
  import('./import-page').then((m) => m.ImportPage),
);
