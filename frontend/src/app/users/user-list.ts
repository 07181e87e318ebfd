import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  ROLES,
  canWrite,
  formatFinnishDate,
  type CampusGroupDto,
  type Role,
  type UserDto,
  type UserListParams,
} from '@tyoelama/shared';
import { catchError, debounceTime, distinctUntilChanged, of } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PagedList } from '../core/paged-list';
import { ListStatus } from '../ui/list-status';
import { UsersApi } from './users-api';

interface Filters {
  q: string;
  role: Role | null;
  active: boolean | null;
  campusGroupId: number | null;
}

@Component({
  selector: 'app-user-list',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    TranslatePipe,
    ListStatus,
  ],
  templateUrl: './user-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList {
  private readonly usersApi = inject(UsersApi);
  private readonly auth = inject(Auth);
  protected readonly roles = ROLES;
  protected readonly formatDate = formatFinnishDate;

  protected readonly canCreate = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'users');
  });

  protected readonly q = signal('');
  protected readonly role = signal<Role | null>(null);
  protected readonly active = signal<boolean | null>(true);
  protected readonly campusGroupId = signal<number | null>(null);

  protected readonly list = new PagedList((query: UserListParams) => this.usersApi.list(query));

  protected readonly campusGroups = toSignal(
    inject(CampusGroupsApi)
      .listAll()
      .pipe(catchError(() => of([] as CampusGroupDto[]))),
    { initialValue: [] as CampusGroupDto[] },
  );
  protected readonly groupNames = computed(() => new Map(this.campusGroups().map((group) => [group.id, group.name])));

  private readonly filters = computed<Filters>(() => ({
    q: this.q().trim(),
    role: this.role(),
    active: this.active(),
    campusGroupId: this.campusGroupId(),
  }));

  constructor() {
    this.list.follow(
      toObservable(this.filters).pipe(
        // Typing in the search box should not send a request per key.
        debounceTime(250),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      ),
    );
  }

  protected groupsOf(user: UserDto): string {
    const names = this.groupNames();
    return user.campusGroupIds.map((id) => names.get(id) ?? `#${id}`).join(', ');
  }
}
