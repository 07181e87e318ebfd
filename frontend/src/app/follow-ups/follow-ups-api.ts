import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateFollowUpRequest,
  FollowUpAction,
  FollowUpAssigneeDto,
  FollowUpDto,
  FollowUpListParams,
  Page,
  UpdateFollowUpRequest,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class FollowUpsApi {
  private readonly http = inject(HttpClient);

  list(query: FollowUpListParams): Observable<Page<FollowUpDto>> {
    return this.http.get<Page<FollowUpDto>>('/api/follow-ups', { params: toParams(query) });
  }

  create(body: CreateFollowUpRequest): Observable<FollowUpDto> {
    return this.http.post<FollowUpDto>('/api/follow-ups', body);
  }

  /** Whom a follow-up of the employer may be handed to (staff only). */
  assignees(employerId: number): Observable<FollowUpAssigneeDto[]> {
    return this.http.get<FollowUpAssigneeDto[]>(`/api/employers/${employerId}/follow-up-assignees`);
  }

  act(followUp: Pick<FollowUpDto, 'id' | 'version'>, action: FollowUpAction): Observable<FollowUpDto> {
    return this.http.post<FollowUpDto>(`/api/follow-ups/${followUp.id}/${action}`, { version: followUp.version });
  }

  /** Saves the changed fields on the version the caller saw (409 with the current one otherwise). */
  update(
    followUp: Pick<FollowUpDto, 'id' | 'version'>,
    changes: Omit<UpdateFollowUpRequest, 'version'>,
  ): Observable<FollowUpDto> {
    const body: UpdateFollowUpRequest = { ...changes, version: followUp.version };
    return this.http.patch<FollowUpDto>(`/api/follow-ups/${followUp.id}`, body);
  }
}
