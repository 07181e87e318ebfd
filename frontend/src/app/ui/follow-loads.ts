import { DestroyRef, inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ApiError } from '@tyoelama/shared';
import { catchError, of, switchMap, tap, type Observable } from 'rxjs';

/** Whether a page's data is on its way, and why the last load failed. */
export interface LoadState {
  readonly loading: Signal<boolean>;
  readonly error: Signal<ApiError | null>;
}

/**
 * Loads the data of each query as it comes (a newer query cancels the older one's request) and hands
 * it to `show`, or null when the load failed (the error is then in `error`). Call in an injection
 * context: it stops with the component.
 */
export function followLoads<Q, T>(
  queries: Observable<Q>,
  fetch: (query: Q) => Observable<T>,
  show: (value: T | null) => void,
): LoadState {
  const loading = signal(true);
  const error = signal<ApiError | null>(null);
  queries
    .pipe(
      tap(() => {
        loading.set(true);
        error.set(null);
      }),
      switchMap((query) =>
        fetch(query).pipe(
          catchError((failure: ApiError) => {
            error.set(failure);
            return of(null);
          }),
        ),
      ),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe((value) => {
      loading.set(false);
      show(value);
    });
  return { loading: loading.asReadonly(), error: error.asReadonly() };
}

/** Loads once, when the component starts: `followLoads` of a single query. */
export function loadOnce<T>(fetch: () => Observable<T>, show: (value: T | null) => void): LoadState {
  return followLoads(of(null), fetch, show);
}
