import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import type { CampusGroupListParams } from '@tyoelama/shared';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { injectCanWrite } from '../core/auth';
import { PagedList } from '../core/paged-list';
import { figureColumn } from '../ui/data-table';
import { LIST_PAGE } from '../ui/list-page';
import { CampusGroupsApi } from './campus-groups-api';

@Component({
  selector: 'app-campus-group-list',
  imports: [LIST_PAGE],
  templateUrl: './campus-group-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupList {
  private readonly api = inject(CampusGroupsApi);
  protected readonly canCreate = injectCanWrite('campusGroups');
  protected readonly q = signal('');
  protected readonly list = new PagedList((query: CampusGroupListParams) => this.api.list(query));
  protected readonly columns = ['campusGroups.name', 'campusGroups.campus', figureColumn('campusGroups.memberCount')];

  constructor() {
    this.list.follow(
      toObservable(this.q).pipe(
        debounceTime(250),
        distinctUntilChanged(),
        map((q) => ({ q: q.trim() })),
      ),
    );
  }

  protected searchGroups(event: Event): void {
    this.q.set((event.target as HTMLInputElement).value);
  }
}
