import { Injectable } from '@angular/core';
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

import { CrudApi } from '../core/crud-api';
import { toParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class EmployersApi extends CrudApi<EmployerDto, CreateEmployerRequest, UpdateEmployerRequest> {
  constructor() {
    super('/api/employers');
  }

  list(query: EmployerListParams = {}): Observable<Page<EmployerListItemDto>> {
    return this.page(query);
  }

  /** The download of exactly what the list shows (same filters and order), as CSV or Excel. */
  exportUrl(query: EmployerListParams, format: 'csv' | 'xlsx'): string {
    const params = toParams({ ...query, cursor: null, limit: undefined }).toString();
    return `/api/exports/employers.${format}${params ? `?${params}` : ''}`;
  }

  archive(id: number, version: number): Observable<EmployerDto> {
    return this.http.post<EmployerDto>(`${this.base}/${id}/archive`, { version });
  }

  restore(id: number, version: number): Observable<EmployerDto> {
    return this.http.post<EmployerDto>(`${this.base}/${id}/restore`, { version });
  }

  // The employer page's list; the opportunities feature builds on employers/ (the employer picker), so
  // this read lives here rather than there.
  opportunities(employerId: number): Observable<Page<OpportunityDto>> {
    return this.http.get<Page<OpportunityDto>>('/api/opportunities', { params: toParams({ employerId, limit: 100 }) });
  }
}
