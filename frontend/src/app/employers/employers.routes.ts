import type { Routes } from '@angular/router';

export const employersRoutes: Routes = [];
