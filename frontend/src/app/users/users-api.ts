import { Injectable } from '@angular/core';
import type { CreateUserRequest, Page, UpdateUserRequest, UserDto, UserListParams } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { CrudApi } from '../core/crud-api';

@Injectable({ providedIn: 'root' })
export class UsersApi extends CrudApi<UserDto, CreateUserRequest, UpdateUserRequest> {
  constructor() {
    super('/api/users');
  }

  list(query: UserListParams = {}): Observable<Page<UserDto>> {
    return this.page(query);
  }

  setPassword(id: number, password: string): Observable<void> {
    return this.http.post<void>(`${this.base}/${id}/password`, { password });
  }
}
