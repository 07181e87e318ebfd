import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserRequest, Page, Role, UpdateUserRequest, UserDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

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
    let params = new HttpParams();
    if (query.q) params = params.set('q', query.q);
    if (query.role) params = params.set('role', query.role);
    if (query.active !== undefined && query.active !== null) params = params.set('active', String(query.active));
    if (query.campusGroupId) params = params.set('campusGroupId', query.campusGroupId);
    if (query.cursor) params = params.set('cursor', query.cursor);
    if (query.limit) params = params.set('limit', query.limit);
    return this.http.get<Page<UserDto>>('/api/users', { params });
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
