import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { CAMPUS_STATUS_SORTS, formatFinnishDate, type CampusStatusDto, type CampusStatusSort } from '@tyoelama/shared';

import { readableCampusGroups } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { followLoads } from '../ui/follow-loads';
import { LoadStatus } from '../ui/load-status';
import { SortCaption, SortHeaders, SortableColumns, type SortState } from '../ui/sort-headers';
import { CampusStatusApi } from './campus-status-api';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { injectSetQuery } from '../core/page-query';

export const DEFAULT_STATUS_SORT = 'name';

/** A valid sort value from the URL, else the default. */
export function statusSort(value: string | undefined): string {
  const key = value?.replace(/^-/, '') ?? '';
  return (CAMPUS_STATUS_SORTS as readonly string[]).includes(key) ? (value as string) : DEFAULT_STATUS_SORT;
}

/** How the `-`-prefixed sort value orders a column. */
function sortStateOf(current: string, column: CampusStatusSort): SortState {
  if (current === column) return 'ascending';
  if (current === `-${column}`) return 'descending';
  return 'none';
}

/** Clicking the sorted column turns the order round; another column starts ascending. */
export function nextStatusSort(current: string, column: CampusStatusSort): string {
  return current === column ? `-${column}` : column;
}

/** /campus-status/:groupId: a campus group's employers at a glance. */
@Component({
  selector: 'app-campus-status',
  imports: [FinnishDatePipe, RouterLink, TranslatePipe, LoadStatus, SortHeaders, SortCaption],
  templateUrl: './campus-status.html',
  styleUrl: './campus-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusStatus {
  private readonly api = inject(CampusStatusApi);
  private readonly setQuery = injectSetQuery();
  private readonly me = inject(Auth).me;

  /** Route parameter and query parameter, bound by the router. */
  readonly groupId = input.required<string>();
  readonly sort = input<string>();

  protected readonly currentSort = computed(() => statusSort(this.sort()));
  private readonly query = computed(() => ({ groupId: Number(this.groupId()), sort: this.currentSort() }));
  protected readonly table = new SortableColumns<CampusStatusSort>(
    [
      { sort: 'name', label: 'campusStatus.columns.name' },
      { sort: 'lastContact', label: 'campusStatus.columns.lastContact' },
      { sort: 'nextFollowUp', label: 'campusStatus.columns.nextFollowUp' },
      { sort: 'openOpportunities', label: 'campusStatus.columns.openOpportunities' },
      { sort: null, label: 'campusStatus.columns.flags' },
    ],
    (column) => sortStateOf(this.currentSort(), column),
  );

  protected readonly status = signal<CampusStatusDto | null>(null);
  protected readonly load = followLoads(
    toObservable(this.query),
    ({ groupId, sort }) => this.api.status(groupId, sort),
    (status) => this.status.set(status),
  );

  private readonly allGroups = readableCampusGroups();
  /** A member of several groups can switch between them here. */
  protected readonly otherGroups = computed(() => {
    const own = new Set(this.me()?.campusGroupIds ?? []);
    const current = Number(this.groupId());
    return this.allGroups().filter((group) => own.has(group.id) && group.id !== current);
  });

  protected sortBy(column: CampusStatusSort): void {
    const sort = nextStatusSort(this.currentSort(), column);
    this.setQuery({ sort: sort === DEFAULT_STATUS_SORT ? null : sort });
  }

  protected date(value: string): string {
    // Due dates are calendar days; noon UTC keeps them on the same day in Helsinki.
    return formatFinnishDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  }
}
