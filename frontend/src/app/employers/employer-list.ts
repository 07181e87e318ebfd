import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { convertToParamMap } from '@angular/router';
import {
  EMPLOYER_STATUSES,
  INDUSTRY_SECTIONS,
  type EmployerSort,
  type EmployerListParams,
  type RegisterFlag,
} from '@tyoelama/shared';
import { debounceTime, distinctUntilChanged, map, skip } from 'rxjs';

import { campusGroupOptions } from '../campus-groups/campus-groups-api';
import { Auth, injectCanWrite } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { PagedList } from '../core/paged-list';
import { recordOptions, translatedOptions } from '../ui/filter-select';
import { LIST_PAGE } from '../ui/list-page';
import { renderInSlices } from '../ui/render-in-slices';
import { RouterLinks } from '../ui/router-links';
import { SortCaption, SortHeaders, SortableColumns, type SortColumn } from '../ui/sort-headers';
import {
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
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { injectQueryFilters } from '../core/page-query';

type EmployerSwitch = 'includeArchived' | 'registerFlags';

/** Typing searches once the user has paused this long, not on every key. */
export const EMPLOYER_LIST_SEARCH_PAUSE_MS = 300;

@Component({
  selector: 'app-employer-list',
  imports: [FinnishDatePipe, LIST_PAGE, RouterLinks, SortHeaders, SortCaption],
  templateUrl: './employer-list.html',
  styleUrl: './employer-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerList {
  private readonly auth = inject(Auth);
  private readonly api = inject(EmployersApi);
  private readonly query = injectQueryFilters(filtersFromParams, paramsFromFilters);
  private readonly lookups = inject(EmployerLookups);
  protected readonly i18n = inject(I18n);
  private readonly columns: SortColumn<EmployerSort>[] = [
    { label: 'employers.list.name', sort: 'name' },
    { label: 'employers.list.status', sort: 'status' },
    { label: 'employers.list.owner', sort: null },
    { label: 'employers.list.accountManager', sort: 'accountManager' },
    { label: 'employers.list.lastContact', sort: 'lastContact' },
    { label: 'employers.list.nextFollowUp', sort: 'nextFollowUp' },
  ];

  protected readonly canCreate = injectCanWrite('employers');
  /** The on/off filters, shown as switches. */
  protected readonly switches: readonly { name: string; filter: EmployerSwitch; label: string }[] = [
    { name: 'archived', filter: 'includeArchived', label: 'employers.list.showArchived' },
    { name: 'registerFlags', filter: 'registerFlags', label: 'employers.list.registerFlags' },
  ];
  protected readonly isAdmin = computed(() => this.auth.me()?.role === 'admin');
  protected readonly statusOptions = translatedOptions(EMPLOYER_STATUSES, 'employers.statuses.');
  protected readonly groupOptions = campusGroupOptions(toSignal(this.lookups.campusGroups$, { initialValue: [] }));
  protected readonly managerOptions = recordOptions(
    toSignal(this.lookups.accountManagers$, { initialValue: [] }),
    (user) => user.id,
    (user) => user.displayName,
  );
  protected readonly sectionOptions = computed(() =>
    INDUSTRY_SECTIONS.TOL2025.map((section) => ({
      value: section,
      label: `${section} – ${this.i18n.t(`employers.sections.TOL2025.${section}`)}`,
    })),
  );
  protected readonly noContactOptions = computed(() =>
    NO_CONTACT_DAYS.map((days) => ({ value: days, label: this.i18n.t('employers.list.noContactDays', { days }) })),
  );

  protected readonly filters = this.query.value;
  protected readonly filtered = computed(() => hasActiveFilters(this.filters()));

  /** The list's marker says in words what the last YTJ refresh flagged ("Register flag: bankrupt"). */
  protected registerFlagLabel(flags: RegisterFlag[]): string {
    const words = flags.map((flag) => this.i18n.t(`employers.ytj.short.${flag}`)).join(', ');
    return `${this.i18n.t('employers.ytj.marker')}: ${words}`;
  }
  protected readonly csvUrl = computed(() => this.api.exportUrl(queryFromFilters(this.filters()), 'csv'));
  protected readonly xlsxUrl = computed(() => this.api.exportUrl(queryFromFilters(this.filters()), 'xlsx'));
  protected readonly table = new SortableColumns(this.columns, (column) => sortState(this.filters().sort, column));

  /** What is in the search box now; the URL follows after a pause in typing. */
  protected readonly searchText = signal(untracked(() => this.filters().q));
  private sentSearch = untracked(() => this.filters().q);

  protected readonly list = new PagedList((query: EmployerListParams) => this.api.list(query));
  private readonly rowsShown = renderInSlices(computed(() => this.list.items().length));
  /** The page's rows; on the first load a slice per task (the rows under the filters come a moment later). */
  protected readonly rows = computed(() => this.list.items().slice(0, this.rowsShown()));

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

  protected switchFilter(filter: EmployerSwitch, on: boolean): void {
    this.applyFilters({ [filter]: on });
  }

  protected applyFilters(patch: Partial<EmployerFilters>, replaceUrl = false): void {
    this.query.patch(patch, { replaceUrl });
  }

  protected clearFilters(): void {
    this.sentSearch = '';
    this.searchText.set('');
    // Clearing keeps the sort order: it is how the user reads the list, not a filter.
    this.query.patch({ ...filtersFromParams(convertToParamMap({})), sort: this.filters().sort });
  }

  protected sortBy(column: EmployerSort): void {
    this.applyFilters({ sort: nextSort(this.filters().sort, column) });
  }
}
