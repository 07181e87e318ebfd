import type { Routes } from '@angular/router';

import { pageForRight } from '../core/auth-guard';

export const pipelineRoutes: Routes = pageForRight('opportunities', 'read', '', 'pipeline.title', () =>
  import('./pipeline-board').then((m) => m.PipelineBoard),
);
