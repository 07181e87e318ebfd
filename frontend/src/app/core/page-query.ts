import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, type NavigationExtras, type ParamMap, type Params } from '@angular/router';
import { map } from 'rxjs';

/** How a query change navigates: `replaceUrl` for typing, `queryParamsHandling: 'merge'` for a patch. */
export type QueryNavigation = Pick<NavigationExtras, 'replaceUrl' | 'queryParamsHandling'>;

/**
 * Changes the current page's query string. A page keeps its filters and sort there, so Back and a
 * shared link give the same view. Call in an injection context (a field initializer).
 */
export function injectSetQuery(): (queryParams: Params, navigation?: QueryNavigation) => void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  return (queryParams, navigation = {}) => {
    void router.navigate([], { relativeTo: route, queryParams, ...navigation });
  };
}

/** The current page's query string, read into the page's state as it changes. Call in an injection context. */
export function injectQuery<T>(read: (params: ParamMap) => T): Signal<T> {
  return toSignal(inject(ActivatedRoute).queryParamMap.pipe(map(read)), { requireSync: true });
}
