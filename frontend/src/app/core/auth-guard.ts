import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn, type Route, type Routes } from '@angular/router';
import { canRead, canWrite, type Resource } from '@tyoelama/shared';

import { Auth } from './auth';
import { MessagePage } from './message-page';
import { nextTask } from './next-task';

/** Signed-in users only; others go to /login and come back to where they were heading. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const me = await inject(Auth).loadMe();
  // At start-up the opened page is then created in a task of its own, not in the one that finished
  // the session probe and found the route.
  if (!router.navigated) await nextTask();
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

/**
 * The page at `path` for roles with the right, then "no access" at the same address for the rest.
 * Keep the pairs in order: `new` before `:id`, or a role without write rights would open /new as a
 * record. The empty path matches only in full (the feature's own address).
 */
export function pageForRight(
  resource: Resource,
  access: 'read' | 'write',
  path: string,
  title: string,
  loadComponent: Route['loadComponent'],
  more: Pick<Route, 'canActivate'> = {},
): Routes {
  const pathMatch = path === '' ? 'full' : undefined;
  return [
    { path, pathMatch, title, canMatch: [requireRight(resource, access)], loadComponent, ...more },
    { path, pathMatch, title: 'titles.noAccess', component: MessagePage, data: { message: 'noAccess' } },
  ];
}
