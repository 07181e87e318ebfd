import type { Routes } from '@angular/router';

export const calendarFeedRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'calendarFeed.title',
    loadComponent: () => import('./calendar-feed').then((m) => m.CalendarFeed),
  },
];
