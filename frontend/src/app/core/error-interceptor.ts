import { type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { toApiError } from './api-error';
import { Auth } from './auth';

// Probing the session and signing in answer 401 as part of their normal job: no redirect for them.
function answersUnauthenticatedNormally(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return (method === 'GET' && path.endsWith('/api/auth/me')) || path.endsWith('/api/auth/login');
}

/**
 * Reads the error envelope of every API call. A lost session sends the user to sign in, told why
 * (`reason=expired`) and with the way back to where they were.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const auth = inject(Auth);
  return next(request).pipe(
    catchError((error: unknown) => {
      const apiError = toApiError(error);
      if (apiError.statusCode === 401 && !answersUnauthenticatedNormally(request.method, request.url)) {
        auth.forget();
        const current = router.url;
        const returnUrl = current.startsWith('/login') ? undefined : current;
        void router.navigate(['/login'], { queryParams: { ...(returnUrl ? { returnUrl } : {}), reason: 'expired' } });
      }
      return throwError(() => apiError);
    }),
  );
};
