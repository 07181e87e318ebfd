import { Injectable } from '@angular/core';
import {
  type CreateOpportunityRequest,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityStageTotalDto,
  type OpportunityListParams,
  type Page,
  type UpdateOpportunityRequest,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { CrudApi } from '../core/crud-api';
import { toParams } from '../core/http-params';

/** The board's filters: a campus group and a type, each set or not. */
export type PipelineFilters = Required<Pick<OpportunityListParams, 'campusGroupId' | 'type'>>;

@Injectable({ providedIn: 'root' })
export class OpportunitiesApi extends CrudApi<OpportunityDto, CreateOpportunityRequest, UpdateOpportunityRequest> {
  constructor() {
    super('/api/opportunities');
  }

  /** A page of one column: a stage's opportunities, most recently moved first, from `cursor` on. */
  stage(
    stage: OpportunityStage,
    filters: PipelineFilters,
    limit: number,
    cursor: string | null = null,
  ): Observable<Page<OpportunityDto>> {
    const query: OpportunityListParams = { stage, ...filters, cursor, limit };
    return this.page(query);
  }

  /** Every column's count and expected places, so a collapsed or partly shown column still tells its size. */
  stageTotals(filters: PipelineFilters): Observable<OpportunityStageTotalDto[]> {
    return this.http.get<OpportunityStageTotalDto[]>(`${this.base}/stage-totals`, { params: toParams(filters) });
  }
}
