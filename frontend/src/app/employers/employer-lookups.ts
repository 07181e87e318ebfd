import { Injectable, inject } from '@angular/core';
import { MAX_PAGE_SIZE, type CampusGroupDto, type UserDto } from '@tyoelama/shared';
import { catchError, forkJoin, map, of, shareReplay, type Observable } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { UsersApi } from '../users/users-api';

/** Campus groups and the people who can be account managers, shared by the pages of one visit. */
@Injectable({ providedIn: 'root' })
export class EmployerLookups {
  private readonly usersApi = inject(UsersApi);

  // refCount: fetched again on the next visit, so a new group or account manager shows up.
  readonly campusGroups$: Observable<CampusGroupDto[]> = inject(CampusGroupsApi)
    .listAll()
    .pipe(
      catchError(() => of([] as CampusGroupDto[])),
      shareReplay({ bufferSize: 1, refCount: true }),
    );

  /** Active account managers and admins: the API accepts only those as an employer's account manager. */
  readonly accountManagers$: Observable<UserDto[]> = forkJoin([
    this.usersApi.list({ role: 'account_manager', active: true, limit: MAX_PAGE_SIZE }),
    this.usersApi.list({ role: 'admin', active: true, limit: MAX_PAGE_SIZE }),
  ]).pipe(
    map(([managers, admins]) =>
      [...managers.items, ...admins.items].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fi')),
    ),
    catchError(() => of([] as UserDto[])),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}
