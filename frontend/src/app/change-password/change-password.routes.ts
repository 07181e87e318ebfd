import type { Routes } from '@angular/router';

export const changePasswordRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'changePassword.title',
    loadComponent: () => import('./change-password').then((m) => m.ChangePassword),
  },
];
