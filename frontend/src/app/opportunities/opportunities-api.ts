import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MAX_PAGE_SIZE,
  type CreateOpportunityRequest,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityType,
  type Page,
  type UpdateOpportunityRequest,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

export interface PipelineFilters {
  campusGroupId: number | null;
  type: OpportunityType | null;
}

@Injectable({ providedIn: 'root' })
export class OpportunitiesApi {
  private readonly http = inject(HttpClient);

  /** One column: a stage's opportunities (the first 200) and how many there are in all. */
  stage(stage: OpportunityStage, filters: PipelineFilters): Observable<Page<OpportunityDto>> {
    let params = new HttpParams().set('stage', stage);
    if (filters.campusGroupId) params = params.set('campusGroupId', filters.campusGroupId);
    if (filters.type) params = params.set('type', filters.type);
    params = params.set('limit', MAX_PAGE_SIZE);
    return this.http.get<Page<OpportunityDto>>('/api/opportunities', { params });
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
