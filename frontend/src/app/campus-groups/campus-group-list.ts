import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { canWrite, type CampusGroupListParams } from '@tyoelama/shared';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { Auth } from '../core/auth';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PagedList } from '../core/paged-list';
import { ListStatus } from '../ui/list-status';
import { CampusGroupsApi } from './campus-groups-api';

@Component({
  selector: 'app-campus-group-list',
  imports: [RouterLink, MatButton, MatFormField, MatLabel, MatInput, TranslatePipe, ListStatus],
  templateUrl: './campus-group-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupList {
  private readonly api = inject(CampusGroupsApi);
  private readonly auth = inject(Auth);

  protected readonly canCreate = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'campusGroups');
  });
  protected readonly q = signal('');
  protected readonly list = new PagedList((query: CampusGroupListParams) => this.api.list(query));

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
