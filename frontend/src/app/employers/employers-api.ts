import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateEmployerRequest,
  EmployerDto,
  EmployerListItemDto,
  EmployerListParams,
  OpportunityDto,
  Page,
  UpdateEmployerRequest,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class EmployersApi {
  private readonly http = inject(HttpClient);

  list(query: EmployerListParams = {}): Observable<Page<EmployerListItemDto>> {
    return this.http.get<Page<EmployerListItemDto>>('/api/employers', { params: toParams(query) });
  }

  /** The download of exactly what the list shows (same filters and order), as CSV or Excel. */
  exportUrl(query: EmployerListParams, format: 'csv' | 'xlsx'): string {
    const params = toParams({ ...query, cursor: null, limit: undefined }).toString();
    return `/api/exports/employers.${format}${params ? `?${params}` : ''}`;
  }

  get(id: number): Observable<EmployerDto> {
    return this.http.get<EmployerDto>(`/api/employers/${id}`);
  }

  create(request: CreateEmployerRequest): Observable<EmployerDto> {
    return this.http.post<EmployerDto>('/api/employers', request);
  }

  update(id: number, request: UpdateEmployerRequest): Observable<EmployerDto> {
    return this.http.patch<EmployerDto>(`/api/employers/${id}`, request);
  }

  archive(id: number, version: number): Observable<EmployerDto> {
    return this.http.post<EmployerDto>(`/api/employers/${id}/archive`, { version });
  }

  restore(id: number, version: number): Observable<EmployerDto> {
    return this.http.post<EmployerDto>(`/api/employers/${id}/restore`, { version });
  }

  // The employer page's list; the opportunities feature builds on employers/ (the employer picker), so
  // this read lives here rather than there.
  opportunities(employerId: number): Observable<Page<OpportunityDto>> {
    return this.http.get<Page<OpportunityDto>>('/api/opportunities', { params: toParams({ employerId, limit: 100 }) });
  }
}
