import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ActivityDto, PipelineSummaryDto, WorkplaceLearningDashboardDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { activityParams, pipelineParams, type DashboardFilters } from './dashboard-filters';

@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  pipelineSummary(filters: DashboardFilters): Observable<PipelineSummaryDto> {
    return this.http.get<PipelineSummaryDto>('/api/pipeline/summary', { params: pipelineParams(filters) });
  }

  activity(filters: DashboardFilters): Observable<ActivityDto> {
    return this.http.get<ActivityDto>('/api/dashboard/activity', { params: activityParams(filters) });
  }

  workplaceLearning(filters: DashboardFilters): Observable<WorkplaceLearningDashboardDto> {
    const params: Record<string, string> = { from: filters.from, to: filters.to };
    if (filters.campusGroupId) params['campusGroupId'] = String(filters.campusGroupId);
    return this.http.get<WorkplaceLearningDashboardDto>('/api/dashboard/workplace-learning', { params });
  }
}
