import type { Routes } from '@angular/router';

export const myWorkRoutes: Routes = [];
