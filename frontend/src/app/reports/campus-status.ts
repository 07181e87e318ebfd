import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CAMPUS_STATUS_SORTS,
  formatFinnishDate,
  type ApiError,
  type CampusGroupDto,
  type CampusStatusDto,
  type CampusStatusSort,
} from '@tyoelama/shared';
import { catchError, of, switchMap, tap } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { CampusStatusApi } from './campus-status-api';

export const DEFAULT_STATUS_SORT = 'name';

/** A valid sort value from the URL, else the default. */
export function statusSort(value: string | undefined): string {
  const key = value?.replace(/^-/, '') ?? '';
  return (CAMPUS_STATUS_SORTS as readonly string[]).includes(key) ? (value as string) : DEFAULT_STATUS_SORT;
}

/** Clicking the sorted column turns the order round; another column starts ascending. */
export function nextStatusSort(current: string, column: CampusStatusSort): string {
  return current === column ? `-${column}` : column;
}

interface Column {
  sort: CampusStatusSort | null;
  label: string;
}

/** /campus-status/:groupId: a campus group's employers at a glance. */
@Component({
  selector: 'app-campus-status',
  imports: [RouterLink, TranslatePipe],
  templateUrl: './campus-status.html',
  styleUrl: './campus-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusStatus {
  private readonly api = inject(CampusStatusApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly me = inject(Auth).me;
  protected readonly i18n = inject(I18n);
  protected readonly formatDate = formatFinnishDate;

  /** Route parameter and query parameter, bound by the router. */
  readonly groupId = input.required<string>();
  readonly sort = input<string>();

  protected readonly columns: Column[] = [
    { sort: 'name', label: 'campusStatus.columns.name' },
    { sort: 'lastContact', label: 'campusStatus.columns.lastContact' },
    { sort: 'nextFollowUp', label: 'campusStatus.columns.nextFollowUp' },
    { sort: 'openOpportunities', label: 'campusStatus.columns.openOpportunities' },
    { sort: null, label: 'campusStatus.columns.flags' },
  ];

  protected readonly currentSort = computed(() => statusSort(this.sort()));
  private readonly query = computed(() => ({ groupId: Number(this.groupId()), sort: this.currentSort() }));
  protected readonly sortedColumn = computed(() =>
    this.columns.find((column) => column.sort && this.sortOf(column.sort) !== 'none'),
  );

  protected readonly status = signal<CampusStatusDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);

  private readonly allGroups = toSignal(
    inject(CampusGroupsApi)
      .listAll()
      .pipe(catchError(() => of([] as CampusGroupDto[]))),
    { initialValue: [] as CampusGroupDto[] },
  );
  /** A member of several groups can switch between them here. */
  protected readonly otherGroups = computed(() => {
    const own = new Set(this.me()?.campusGroupIds ?? []);
    const current = Number(this.groupId());
    return this.allGroups().filter((group) => own.has(group.id) && group.id !== current);
  });

  constructor() {
    toObservable(this.query)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(({ groupId, sort }) =>
          this.api.status(groupId, sort).pipe(
            catchError((error: ApiError) => {
              this.error.set(error);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((status) => {
        this.loading.set(false);
        this.status.set(status);
      });
  }

  protected sortBy(column: CampusStatusSort): void {
    const sort = nextStatusSort(this.currentSort(), column);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { sort: sort === DEFAULT_STATUS_SORT ? null : sort },
    });
  }

  protected sortOf(column: CampusStatusSort): 'ascending' | 'descending' | 'none' {
    const current = this.currentSort();
    if (current === column) return 'ascending';
    if (current === `-${column}`) return 'descending';
    return 'none';
  }

  protected date(value: string): string {
    // Due dates are calendar days; noon UTC keeps them on the same day in Helsinki.
    return formatFinnishDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  }
}
