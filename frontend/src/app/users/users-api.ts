import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserRequest, Page, UpdateUserRequest, UserDto, UserListParams } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserListParams = {}): Observable<Page<UserDto>> {
    return this.http.get<Page<UserDto>>('/api/users', { params: toParams(query) });
  }

  get(id: number): Observable<UserDto> {
    return this.http.get<UserDto>(`/api/users/${id}`);
  }

  create(request: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>('/api/users', request);
  }

  update(id: number, request: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`/api/users/${id}`, request);
  }

  setPassword(id: number, password: string): Observable<void> {
    return this.http.post<void>(`/api/users/${id}/password`, { password });
  }
}
