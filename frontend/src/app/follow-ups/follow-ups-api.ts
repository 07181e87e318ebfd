import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FollowUpDto, FollowUpStatus, Page } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

export type FollowUpAction = 'complete' | 'reopen' | 'cancel';

export interface FollowUpQuery {
  employerId?: number;
  /** `me` for the signed-in user's own. */
  assignee?: 'me';
  status?: FollowUpStatus;
  limit?: number;
}

@Injectable({ providedIn: 'root' })
export class FollowUpsApi {
  private readonly http = inject(HttpClient);

  list(query: FollowUpQuery): Observable<Page<FollowUpDto>> {
    return this.http.get<Page<FollowUpDto>>('/api/follow-ups', { params: toParams(query) });
  }

  act(followUp: Pick<FollowUpDto, 'id' | 'version'>, action: FollowUpAction): Observable<FollowUpDto> {
    return this.http.post<FollowUpDto>(`/api/follow-ups/${followUp.id}/${action}`, { version: followUp.version });
  }
}
