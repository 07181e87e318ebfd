import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink, type ParamMap } from '@angular/router';
import {
  CALL_LIST_DEFAULT_LIMIT,
  CALL_LISTS,
  formatFinnishDate,
  isEmployerCallList,
  rightOf,
  type CallList,
  type CallListEmployerRowDto,
  type CallListPageDto,
  type PeriodWithoutBusinessIdDto,
  type UnknownBusinessIdDto,
} from '@tyoelama/shared';
import { distinctUntilChanged } from 'rxjs';

import { campusGroupOptions, readableCampusGroups } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { injectQueryFilters } from '../core/page-query';
import { type TableColumn, figureColumn, DataTable } from '../ui/data-table';
import { followLoads } from '../ui/follow-loads';
import { FILTER_ROW } from '../ui/list-page';
import { LoadStatus } from '../ui/load-status';
import { PageHeader } from '../ui/page-header';
import { finnishDay } from './employer-workplace-learning';
import { WorkplaceLearningApi } from './workplace-learning-api';

interface Filters {
  list: CallList;
  campusGroupId: number | null;
}

/** Reads the filters from the URL; an unknown list is the first one, a malformed group none. */
function filtersFromParams(params: ParamMap): Filters {
  const list = params.get('list') as CallList | null;
  const group = Number(params.get('campusGroupId'));
  return {
    list: list && (CALL_LISTS as readonly string[]).includes(list) ? list : 'no-recent-contact',
    campusGroupId: Number.isInteger(group) && group > 0 ? group : null,
  };
}

const numberFormat = new Intl.NumberFormat('fi-FI');
const COLUMNS = 'workplaceLearning.callLists.columns.';

const EMPLOYER_COLUMNS: Record<'no-recent-contact' | 'survey-deadline' | 'lapsed-hosts', TableColumn[]> = {
  'no-recent-contact': [
    `${COLUMNS}employer`,
    `${COLUMNS}accountManager`,
    figureColumn(`${COLUMNS}studentsNow`),
    `${COLUMNS}lastContact`,
  ],
  'survey-deadline': [`${COLUMNS}employer`, `${COLUMNS}accountManager`, `${COLUMNS}deadline`, `${COLUMNS}lastContact`],
  'lapsed-hosts': [
    `${COLUMNS}employer`,
    `${COLUMNS}accountManager`,
    figureColumn(`${COLUMNS}lastYear`),
    `${COLUMNS}lastContact`,
  ],
};
const PERIOD_COLUMNS: TableColumn[] = [
  `${COLUMNS}workplace`,
  `${COLUMNS}kind`,
  `${COLUMNS}dates`,
  `${COLUMNS}qualification`,
  `${COLUMNS}campus`,
];
const UNKNOWN_COLUMNS: TableColumn[] = [
  `${COLUMNS}businessId`,
  `${COLUMNS}workplace`,
  figureColumn(`${COLUMNS}periods`),
  figureColumn(`${COLUMNS}students`),
  `${COLUMNS}latest`,
  `${COLUMNS}campus`,
];

/**
 * /call-lists: the lists that turn the national data into calls. Employer lists follow the campus
 * group filter (and the API's scope); the period lists belong to no group and are offered only to
 * roles that read every employer.
 */
@Component({
  selector: 'app-call-lists',
  imports: [FILTER_ROW, RouterLink, MatButton, TranslatePipe, PageHeader, DataTable, LoadStatus],
  templateUrl: './call-lists.html',
  styleUrl: './call-lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallLists {
  private readonly api = inject(WorkplaceLearningApi);
  // The filters are the query parameters as they are.
  private readonly query = injectQueryFilters(filtersFromParams, (filters) => ({ ...filters }));
  private readonly me = inject(Auth).me;
  protected readonly i18n = inject(I18n);
  protected readonly groupOptions = campusGroupOptions(readableCampusGroups());
  protected readonly formatNumber = (value: number) => numberFormat.format(value);
  protected readonly day = finnishDay;
  protected readonly instant = (value: string | null) =>
    value ? formatFinnishDate(value) : this.i18n.t('workplaceLearning.callLists.never');

  /** The lists this role may open: a campus member has no rights to periods of no group. */
  protected readonly lists = computed(() => {
    const role = this.me()?.role;
    const readsAll = !!role && rightOf(role, 'employers').read === 'all';
    return CALL_LISTS.filter((list) => readsAll || isEmployerCallList(list));
  });

  protected readonly filters = this.query.value;
  protected readonly list = computed(() => {
    const list = this.filters().list;
    return this.lists().includes(list) ? list : 'no-recent-contact';
  });
  protected readonly employerList = computed(() => isEmployerCallList(this.list()));

  /** The campus group applies to the employer lists only. */
  private readonly groupFilter = computed(() => (this.employerList() ? this.filters().campusGroupId : null));

  protected readonly page = signal<CallListPageDto | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly load = followLoads(
    toObservable(computed(() => ({ list: this.list(), campusGroupId: this.groupFilter() }))).pipe(
      distinctUntilChanged((a, b) => a.list === b.list && a.campusGroupId === b.campusGroupId),
    ),
    (filters) => {
      this.page.set(null);
      return this.api.callList(filters.list, { campusGroupId: filters.campusGroupId });
    },
    (page) => this.page.set(page),
  );

  protected readonly columns = computed((): TableColumn[] => {
    const list = this.list();
    if (isEmployerCallList(list)) return EMPLOYER_COLUMNS[list];
    return list === 'periods-without-business-id' ? PERIOD_COLUMNS : UNKNOWN_COLUMNS;
  });
  protected readonly employerRows = computed(() =>
    this.employerList() ? ((this.page()?.items ?? []) as CallListEmployerRowDto[]) : [],
  );
  protected readonly periodRows = computed(() =>
    this.list() === 'periods-without-business-id' ? ((this.page()?.items ?? []) as PeriodWithoutBusinessIdDto[]) : [],
  );
  protected readonly unknownRows = computed(() =>
    this.list() === 'unknown-business-ids' ? ((this.page()?.items ?? []) as UnknownBusinessIdDto[]) : [],
  );
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.list(), { campusGroupId: this.groupFilter() }));

  protected chooseList(list: CallList): Record<string, string | number | null> {
    return { list, campusGroupId: this.filters().campusGroupId };
  }

  protected navigate(patch: Partial<Filters>): void {
    this.query.patch(patch);
  }

  protected showMore(): void {
    const page = this.page();
    if (!page) return;
    this.loadingMore.set(true);
    this.api
      .callList(page.list, {
        campusGroupId: this.groupFilter(),
        offset: page.offset + page.items.length,
        limit: CALL_LIST_DEFAULT_LIMIT,
      })
      .subscribe({
        next: (next) => {
          this.loadingMore.set(false);
          // Another list may have been chosen meanwhile.
          if (this.page() !== page) return;
          this.page.set({ ...page, total: next.total, items: [...page.items, ...next.items] });
        },
        error: () => this.loadingMore.set(false),
      });
  }
}
