import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  EMPLOYER_STATUSES,
  INDUSTRY_SECTIONS,
  canWrite,
  formatFinnishDate,
  type EmployerSort,
  type EmployerListParams,
} from '@tyoelama/shared';
import { debounceTime, distinctUntilChanged, map, skip } from 'rxjs';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PagedList } from '../core/paged-list';
import { ListStatus } from '../ui/list-status';
import {
  DEFAULT_SORT,
  NO_CONTACT_DAYS,
  filtersFromParams,
  hasActiveFilters,
  nextSort,
  paramsFromFilters,
  queryFromFilters,
  sortState,
  type EmployerFilters,
} from './employer-filters';
import { EmployerLookups } from './employer-lookups';
import { EmployersApi } from './employers-api';

/** Typing searches once the user has paused this long, not on every key. */
export const EMPLOYER_LIST_SEARCH_PAUSE_MS = 300;

interface Column {
  key: string;
  label: string;
  sort: EmployerSort | null;
}

@Component({
  selector: 'app-employer-list',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatSlideToggle,
    TranslatePipe,
    ListStatus,
  ],
  templateUrl: './employer-list.html',
  styleUrl: './employer-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerList {
  private readonly api = inject(EmployersApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly lookups = inject(EmployerLookups);
  protected readonly i18n = inject(I18n);
  protected readonly statuses = EMPLOYER_STATUSES;
  protected readonly sections = INDUSTRY_SECTIONS.TOL2025;
  protected readonly noContactOptions = NO_CONTACT_DAYS;
  protected readonly formatDate = formatFinnishDate;
  protected readonly columns: Column[] = [
    { key: 'name', label: 'employers.list.name', sort: 'name' },
    { key: 'status', label: 'employers.list.status', sort: 'status' },
    { key: 'owner', label: 'employers.list.owner', sort: null },
    { key: 'accountManager', label: 'employers.list.accountManager', sort: 'accountManager' },
    { key: 'lastContact', label: 'employers.list.lastContact', sort: 'lastContact' },
    { key: 'nextFollowUp', label: 'employers.list.nextFollowUp', sort: 'nextFollowUp' },
  ];

  protected readonly canCreate = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'employers');
  });
  protected readonly campusGroups = toSignal(this.lookups.campusGroups$, { initialValue: [] });
  protected readonly accountManagers = toSignal(this.lookups.accountManagers$, { initialValue: [] });

  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), { requireSync: true });
  protected readonly filtered = computed(() => hasActiveFilters(this.filters()));
  protected readonly csvUrl = computed(() => this.api.exportUrl(queryFromFilters(this.filters()), 'csv'));
  protected readonly xlsxUrl = computed(() => this.api.exportUrl(queryFromFilters(this.filters()), 'xlsx'));
  protected readonly sortedColumn = computed(() =>
    this.columns.find((column) => column.sort && this.sortOf(column.sort) !== 'none'),
  );

  /** What is in the search box now; the URL follows after a pause in typing. */
  protected readonly searchText = signal(untracked(() => this.filters().q));
  private sentSearch = untracked(() => this.filters().q);

  protected readonly list = new PagedList((query: EmployerListParams) => this.api.list(query));

  constructor() {
    this.list.follow(
      toObservable(this.filters).pipe(
        map(queryFromFilters),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      ),
    );

    // Searching as you type, without a request (or a history entry) per key.
    toObservable(this.searchText)
      .pipe(
        skip(1),
        map((text) => text.trim()),
        debounceTime(EMPLOYER_LIST_SEARCH_PAUSE_MS),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        this.sentSearch = q;
        this.applyFilters({ q }, true);
      });

    // Back and Forward change the URL under the box: show what the URL says.
    effect(() => {
      const q = this.filters().q;
      untracked(() => {
        if (q !== this.sentSearch) {
          this.sentSearch = q;
          this.searchText.set(q);
        }
      });
    });
  }

  protected applyFilters(patch: Partial<EmployerFilters>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters({ ...this.filters(), ...patch }),
      replaceUrl,
    });
  }

  protected clearFilters(): void {
    this.sentSearch = '';
    this.searchText.set('');
    // Clearing keeps the sort order: it is how the user reads the list, not a filter.
    const sort = this.filters().sort;
    void this.router.navigate([], { relativeTo: this.route, queryParams: sort === DEFAULT_SORT ? {} : { sort } });
  }

  protected sortBy(column: EmployerSort): void {
    this.applyFilters({ sort: nextSort(this.filters().sort, column) });
  }

  protected sortOf(column: EmployerSort): 'ascending' | 'descending' | 'none' {
    return sortState(this.filters().sort, column);
  }

  protected sectionLabel(section: string): string {
    return `${section} – ${this.i18n.t(`employers.sections.TOL2025.${section}`)}`;
  }
}
