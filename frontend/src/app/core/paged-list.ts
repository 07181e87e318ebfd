import { DestroyRef, inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ApiError, Page } from '@tyoelama/shared';
import { catchError, of, switchMap, tap, type Observable } from 'rxjs';

export interface PageRequest {
  cursor?: string | null;
  limit: number;
}

/** What a list's table shows of a paged list, whatever its rows and query. */
export interface PagedView {
  readonly items: Signal<readonly unknown[]>;
  readonly total: Signal<number>;
  readonly nextCursor: Signal<string | null>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<ApiError | null>;
  loadMore(): void;
}

/**
 * A keyset-paged list screen's state: the rows shown so far, the total, the cursor of the next page,
 * and whether a load runs or failed. Create it in an injection context (a field initializer): it
 * stops with the component.
 */
export class PagedList<T, Q extends object> implements PagedView {
  readonly items = signal<T[]>([]);
  readonly total = signal(0);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(true);
  readonly error = signal<ApiError | null>(null);

  private readonly destroyRef = inject(DestroyRef);
  private query: Q | null = null;

  constructor(
    private readonly fetchPage: (request: Q & PageRequest) => Observable<Page<T>>,
    private readonly pageSize = 50,
  ) {}

  /** Shows the first page of each query as it comes; a newer query cancels the older one's request. */
  follow(queries: Observable<Q>): void {
    queries
      .pipe(
        tap((query) => {
          this.query = query;
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((query) => this.fetch(query, null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        if (!page) return;
        this.items.set(page.items);
        this.total.set(page.total);
        this.nextCursor.set(page.nextCursor);
      });
  }

  /** Appends the next page of the query shown. */
  loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || !this.query) return;
    this.loading.set(true);
    this.fetch(this.query, cursor).subscribe((page) => {
      if (!page) return;
      this.items.update((items) => items.concat(page.items));
      this.total.set(page.total);
      this.nextCursor.set(page.nextCursor);
    });
  }

  private fetch(query: Q, cursor: string | null): Observable<Page<T> | null> {
    const request: Q & PageRequest = cursor
      ? { ...query, cursor, limit: this.pageSize }
      : { ...query, limit: this.pageSize };
    return this.fetchPage(request).pipe(
      tap(() => this.loading.set(false)),
      catchError((error: ApiError) => {
        this.loading.set(false);
        this.error.set(error);
        return of(null);
      }),
    );
  }
}
