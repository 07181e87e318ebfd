import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FollowUpAction, FollowUpDto, FollowUpListParams, Page } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class FollowUpsApi {
  private readonly http = inject(HttpClient);

  list(query: FollowUpListParams): Observable<Page<FollowUpDto>> {
    return this.http.get<Page<FollowUpDto>>('/api/follow-ups', { params: toParams(query) });
  }

  act(followUp: Pick<FollowUpDto, 'id' | 'version'>, action: FollowUpAction): Observable<FollowUpDto> {
    return this.http.post<FollowUpDto>(`/api/follow-ups/${followUp.id}/${action}`, { version: followUp.version });
  }
}
