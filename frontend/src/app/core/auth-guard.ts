import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn } from '@angular/router';
import { canRead, canWrite, type Resource } from '@tyoelama/shared';

import { Auth } from './auth';

/** Signed-in users only; others go to /login and come back to where they were heading. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const me = await inject(Auth).loadMe();
  return me ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/**
 * Matches a route only for roles with the right; the next route with the same path then shows
 * "no access" at the same address. Without a session it matches, and authGuard redirects.
 */
export function requireRight(resource: Resource, access: 'read' | 'write'): CanMatchFn {
  return async () => {
    const me = await inject(Auth).loadMe();
    if (!me) return true;
    return access === 'read' ? canRead(me.role, resource) : canWrite(me.role, resource);
  };
}
