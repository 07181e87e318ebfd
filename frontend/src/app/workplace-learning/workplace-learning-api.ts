import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CallList, CallListPageDto, EmployerWorkplaceLearningDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

/** A call list's query as the page builds it. */
export interface CallListParams {
  campusGroupId?: number | null;
  limit?: number | null;
  offset?: number | null;
}

@Injectable({ providedIn: 'root' })
export class WorkplaceLearningApi {
  private readonly http = inject(HttpClient);

  forEmployer(employerId: number): Observable<EmployerWorkplaceLearningDto> {
    return this.http.get<EmployerWorkplaceLearningDto>(`/api/employers/${employerId}/workplace-learning`);
  }

  callList<L extends CallList>(list: L, params: CallListParams = {}): Observable<CallListPageDto<L>> {
    return this.http.get<CallListPageDto<L>>(`/api/call-lists/${list}`, { params: toParams(params) });
  }

  /** The whole list (every page), with the same filter. */
  exportUrl(list: CallList, params: CallListParams, format: 'csv' | 'xlsx' = 'csv'): string {
    const query = toParams({ campusGroupId: params.campusGroupId }).toString();
    return `/api/call-lists/${list}/export.${format}${query ? `?${query}` : ''}`;
  }
}
