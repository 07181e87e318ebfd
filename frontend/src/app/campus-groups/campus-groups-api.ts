import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MAX_PAGE_SIZE,
  type CampusGroupDetailDto,
  type CampusGroupDto,
  type CampusGroupListParams,
  type CreateCampusGroupRequest,
  type Page,
  type UpdateCampusGroupRequest,
} from '@tyoelama/shared';
import { EMPTY, expand, map, reduce, type Observable } from 'rxjs';

import { toParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class CampusGroupsApi {
  private readonly http = inject(HttpClient);

  list(query: CampusGroupListParams = {}): Observable<Page<CampusGroupDto>> {
    return this.http.get<Page<CampusGroupDto>>('/api/campus-groups', { params: toParams(query) });
  }

  /** Every group the user may read, page by page: for pickers and name look-ups. */
  listAll(): Observable<CampusGroupDto[]> {
    return this.list({ limit: MAX_PAGE_SIZE }).pipe(
      expand((page) => (page.nextCursor ? this.list({ limit: MAX_PAGE_SIZE, cursor: page.nextCursor }) : EMPTY)),
      map((page) => page.items),
      reduce((all, items) => all.concat(items), [] as CampusGroupDto[]),
    );
  }

  get(id: number): Observable<CampusGroupDetailDto> {
    return this.http.get<CampusGroupDetailDto>(`/api/campus-groups/${id}`);
  }

  create(request: CreateCampusGroupRequest): Observable<CampusGroupDto> {
    return this.http.post<CampusGroupDto>('/api/campus-groups', request);
  }

  update(id: number, request: UpdateCampusGroupRequest): Observable<CampusGroupDto> {
    return this.http.patch<CampusGroupDto>(`/api/campus-groups/${id}`, request);
  }
}
