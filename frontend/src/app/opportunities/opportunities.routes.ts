import type { Routes } from '@angular/router';

import { requireRight } from '../core/auth-guard';
import { NoAccess } from '../core/no-access';

export const pipelineRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'pipeline.title',
    canMatch: [requireRight('opportunities', 'read')],
    loadComponent: () => import('./pipeline-board').then((m) => m.PipelineBoard),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: NoAccess },
];
