import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { ROLES, type Role, type UserDto, type UserListParams } from '@tyoelama/shared';
import { debounceTime, distinctUntilChanged } from 'rxjs';

import { campusGroupNames, campusGroupOptions, readableCampusGroups } from '../campus-groups/campus-groups-api';
import { injectCanWrite } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { PagedList } from '../core/paged-list';
import { ActiveMark } from '../ui/active-mark';
import { translatedOptions } from '../ui/filter-select';
import { LIST_PAGE } from '../ui/list-page';
import { UsersApi } from './users-api';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';

interface Filters {
  q: string;
  role: Role | null;
  active: boolean | null;
  campusGroupId: number | null;
}

@Component({
  selector: 'app-user-list',
  imports: [FinnishDatePipe, LIST_PAGE, ActiveMark],
  templateUrl: './user-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList {
  private readonly usersApi = inject(UsersApi);
  private readonly i18n = inject(I18n);
  protected readonly canCreate = injectCanWrite('users');

  protected readonly q = signal('');
  protected readonly role = signal<Role | null>(null);
  protected readonly active = signal<boolean | null>(true);
  protected readonly campusGroupId = signal<number | null>(null);

  protected readonly list = new PagedList((query: UserListParams) => this.usersApi.list(query));
  protected readonly columns = ['name', 'email', 'role', 'campusGroups', 'status', 'lastLogin'].map(
    (key) => `users.${key}`,
  );

  private readonly campusGroups = readableCampusGroups();
  protected readonly groupOptions = campusGroupOptions(this.campusGroups);
  protected readonly roleOptions = translatedOptions(ROLES, 'roles.');
  protected readonly activeOptions = computed(() => [
    { value: true, label: this.i18n.t('common.active') },
    { value: false, label: this.i18n.t('common.inactive') },
  ]);
  private readonly groupNames = computed(() => new Map(this.campusGroups().map((group) => [group.id, group.name])));
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
    return campusGroupNames(user.campusGroupIds, this.groupNames(), this.i18n);
  }
}
