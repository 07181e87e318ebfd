import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MAX_PAGE_SIZE,
  type CreateOpportunityRequest,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityListParams,
  type Page,
  type UpdateOpportunityRequest,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

/** The board's filters: a campus group and a type, each set or not. */
export type PipelineFilters = Required<Pick<OpportunityListParams, 'campusGroupId' | 'type'>>;

@Injectable({ providedIn: 'root' })
export class OpportunitiesApi {
  private readonly http = inject(HttpClient);

  /** One column: a stage's opportunities (the first 200) and how many there are in all. */
  stage(stage: OpportunityStage, filters: PipelineFilters): Observable<Page<OpportunityDto>> {
    const query: OpportunityListParams = { stage, ...filters, limit: MAX_PAGE_SIZE };
    return this.http.get<Page<OpportunityDto>>('/api/opportunities', { params: toParams(query) });
  }

  get(id: number): Observable<OpportunityDto> {
    return this.http.get<OpportunityDto>(`/api/opportunities/${id}`);
  }

  create(request: CreateOpportunityRequest): Observable<OpportunityDto> {
    return this.http.post<OpportunityDto>('/api/opportunities', request);
  }

  update(id: number, request: UpdateOpportunityRequest): Observable<OpportunityDto> {
    return this.http.patch<OpportunityDto>(`/api/opportunities/${id}`, request);
  }
}
