import type { Routes } from '@angular/router';

export const pipelineRoutes: Routes = [];
