import { inject } from '@angular/core';
import type { Routes } from '@angular/router';

import { Auth } from '../core/auth';
import { MessagePage } from '../core/message-page';

export const businessRegisterRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'businessRegister.title',
    // The refresh job is the admins' alone (the API refuses everyone else too).
    canMatch: [
      () =>
        inject(Auth)
          .loadMe()
          .then((me) => !me || me.role === 'admin'),
    ],
    loadComponent: () => import('./register-refresh').then((m) => m.RegisterRefresh),
  },
  { path: '', pathMatch: 'full', title: 'titles.noAccess', component: MessagePage, data: { message: 'noAccess' } },
];
