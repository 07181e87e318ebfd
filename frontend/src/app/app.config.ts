import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  APP_BOOTSTRAP_LISTENER,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import {
  Router,
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withDisabledInitialNavigation,
} from '@angular/router';

import { routes } from './app.routes';
import { provideContactLog } from './contact-entries/log-contact-launcher';
import { Auth } from './core/auth';
import { apiErrorInterceptor } from './core/error-interceptor';
import { FirstPagePaint, firstPagePaintInterceptor } from './core/first-page-paint';
import { nextTask } from './core/next-task';
import { TranslatedTitleStrategy } from './core/title-strategy';
import { provideAppTranslations } from './translations';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // The first navigation starts in a task of its own after the shell's first render (below).
    provideRouter(routes, withComponentInputBinding(), withDisabledInitialNavigation()),
    provideHttpClient(
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([firstPagePaintInterceptor, apiErrorInterceptor]),
    ),
    provideAppTranslations(),
    provideContactLog(),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // Probe the session at start, without waiting for it: the shell knows who is signed in on every
    // page, and the first /api response hands out the XSRF-TOKEN cookie that a sign-in POST needs
    // (opening /login directly would otherwise send the POST without one).
    provideAppInitializer(() => {
      // Before the first navigation starts, so that it sees that navigation end.
      inject(FirstPagePaint);
      void inject(Auth).loadMe();
      // The app is rendered in the next task: making its injector and rendering the shell were one
      // long task on a phone.
      return nextTask();
    }),
    {
      // Starting the app and finding the opened page are two tasks, not one long one: on a slow phone
      // each takes a few hundred milliseconds, and the browser can paint the shell in between.
      provide: APP_BOOTSTRAP_LISTENER,
      multi: true,
      useFactory: () => {
        const router = inject(Router);
        return () => setTimeout(() => router.initialNavigation());
      },
    },
  ],
};
