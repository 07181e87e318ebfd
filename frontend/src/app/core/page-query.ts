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

/** A page's filters kept in its query string (see `injectQueryFilters`). */
export interface QueryFilters<T> {
  /** The filters as the URL has them now. */
  readonly value: Signal<T>;
  /** Navigates to the current filters with `changes` over them. */
  patch(changes: Partial<T>, navigation?: QueryNavigation): void;
}

/**
 * A page's filters read from its query string as it changes, and changed by navigating: `read` turns
 * the URL into filters, `write` the filters back into query parameters. Call in an injection context.
 */
export function injectQueryFilters<T>(read: (params: ParamMap) => T, write: (filters: T) => Params): QueryFilters<T> {
  const value = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map(read)), { requireSync: true });
  const setQuery = injectSetQuery();
  return { value, patch: (changes, navigation) => setQuery(write({ ...value(), ...changes }), navigation) };
}
