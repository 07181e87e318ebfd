import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { canWrite, type ApiError, type CampusGroupDto, type Page } from '@tyoelama/shared';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap, type Observable } from 'rxjs';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { CampusGroupsApi, type CampusGroupQuery } from './campus-groups-api';

const PAGE_SIZE = 50;

@Component({
  selector: 'app-campus-group-list',
  imports: [RouterLink, MatButton, MatFormField, MatLabel, MatInput, TranslatePipe],
  templateUrl: './campus-group-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupList {
  private readonly api = inject(CampusGroupsApi);
  private readonly auth = inject(Auth);
  protected readonly i18n = inject(I18n);

  protected readonly canCreate = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'campusGroups');
  });
  protected readonly q = signal('');
  protected readonly groups = signal<CampusGroupDto[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);

  constructor() {
    toObservable(this.q)
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((q) => this.fetch({ q: q.trim(), limit: PAGE_SIZE })),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        if (!page) return;
        this.groups.set(page.items);
        this.total.set(page.total);
        this.nextCursor.set(page.nextCursor);
      });
  }

  protected searchGroups(event: Event): void {
    this.q.set((event.target as HTMLInputElement).value);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.loading.set(true);
    this.fetch({ q: this.q().trim(), cursor, limit: PAGE_SIZE }).subscribe((page) => {
      if (!page) return;
      this.groups.update((groups) => groups.concat(page.items));
      this.total.set(page.total);
      this.nextCursor.set(page.nextCursor);
    });
  }

  private fetch(query: CampusGroupQuery): Observable<Page<CampusGroupDto> | null> {
    return this.api.list(query).pipe(
      tap(() => this.loading.set(false)),
      catchError((error: ApiError) => {
        this.loading.set(false);
        this.error.set(error);
        return of(null);
      }),
    );
  }
}
