import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
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
  type ApiError,
  type CampusGroupDto,
  type Page,
  type Role,
  type UserDto,
} from '@tyoelama/shared';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap, type Observable } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { UsersApi, type UserQuery } from './users-api';

const PAGE_SIZE = 50;

interface Filters {
  q: string;
  role: Role | null;
  active: boolean | null;
  campusGroupId: number | null;
}

@Component({
  selector: 'app-user-list',
  imports: [FormsModule, RouterLink, MatButton, MatFormField, MatLabel, MatInput, MatSelect, MatOption, TranslatePipe],
  templateUrl: './user-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList {
  private readonly usersApi = inject(UsersApi);
  private readonly auth = inject(Auth);
  protected readonly i18n = inject(I18n);
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

  protected readonly users = signal<UserDto[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);

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
    toObservable(this.filters)
      .pipe(
        // Typing in the search box should not send a request per key.
        debounceTime(250),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((filters) => this.fetch({ ...filters, limit: PAGE_SIZE })),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        if (page) {
          this.users.set(page.items);
          this.total.set(page.total);
          this.nextCursor.set(page.nextCursor);
        }
      });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.loading.set(true);
    this.fetch({ ...this.filters(), cursor, limit: PAGE_SIZE }).subscribe((page) => {
      if (page) {
        this.users.update((users) => users.concat(page.items));
        this.total.set(page.total);
        this.nextCursor.set(page.nextCursor);
      }
    });
  }

  protected groupsOf(user: UserDto): string {
    const names = this.groupNames();
    return user.campusGroupIds.map((id) => names.get(id) ?? `#${id}`).join(', ');
  }

  private fetch(query: UserQuery): Observable<Page<UserDto> | null> {
    return this.usersApi.list(query).pipe(
      tap(() => this.loading.set(false)),
      catchError((error: ApiError) => {
        this.loading.set(false);
        this.error.set(error);
        return of(null);
      }),
    );
  }
}
