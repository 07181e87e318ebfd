import type { Routes } from '@angular/router';

import { authGuard } from './core/auth-guard';
import { MessagePage } from './core/message-page';

export const routes: Routes = [
  { path: 'login', title: 'titles.login', loadComponent: () => import('./login/login').then((m) => m.Login) },
  // Public: the accessibility statement must be reachable without an account.
  {
    path: 'accessibility',
    title: 'accessibility.title',
    loadComponent: () => import('./accessibility/accessibility').then((m) => m.Accessibility),
  },
  {
    path: '',
    canActivate: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'titles.home',
        loadComponent: () => import('./home/home').then((m) => m.Home),
      },
      { path: 'employers', loadChildren: () => import('./employers/employers.routes').then((m) => m.employersRoutes) },
      { path: 'my-work', loadChildren: () => import('./follow-ups/follow-ups.routes').then((m) => m.myWorkRoutes) },
      {
        path: 'pipeline',
        loadChildren: () => import('./opportunities/opportunities.routes').then((m) => m.pipelineRoutes),
      },
      { path: 'users', loadChildren: () => import('./users/users.routes').then((m) => m.usersRoutes) },
      {
        path: 'campus-groups',
        loadChildren: () => import('./campus-groups/campus-groups.routes').then((m) => m.campusGroupsRoutes),
      },
      { path: 'dashboard', loadChildren: () => import('./reports/reports.routes').then((m) => m.dashboardRoutes) },
      {
        path: 'campus-status',
        loadChildren: () => import('./reports/reports.routes').then((m) => m.campusStatusRoutes),
      },
      {
        path: 'business-register-refresh',
        loadChildren: () =>
          import('./business-register/business-register.routes').then((m) => m.businessRegisterRoutes),
      },
      {
        path: 'call-lists',
        loadChildren: () => import('./workplace-learning/workplace-learning.routes').then((m) => m.callListRoutes),
      },
      { path: 'import', loadChildren: () => import('./imports/imports.routes').then((m) => m.importRoutes) },
      {
        path: 'settings/password',
        loadChildren: () => import('./change-password/change-password.routes').then((m) => m.changePasswordRoutes),
      },
      {
        path: 'settings/calendar',
        loadChildren: () => import('./calendar/calendar.routes').then((m) => m.calendarFeedRoutes),
      },
    ],
  },
  { path: '**', title: 'titles.notFound', component: MessagePage, data: { message: 'notFound' } },
];
