import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserRequest, Page, Role, UpdateUserRequest, UserDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

export interface UserQuery {
  q?: string;
  role?: Role | null;
  active?: boolean | null;
  campusGroupId?: number | null;
  cursor?: string | null;
  limit?: number;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserQuery = {}): Observable<Page<UserDto>> {
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
