import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MAX_PAGE_SIZE, type FollowUpDto, type Page } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

export type FollowUpAction = 'complete' | 'reopen' | 'cancel';

@Injectable({ providedIn: 'root' })
export class MyWorkApi {
  private readonly http = inject(HttpClient);

  /** The signed-in user's open follow-ups; one full page covers a working list. */
  myOpenFollowUps(): Observable<Page<FollowUpDto>> {
    const params = new HttpParams().set('assignee', 'me').set('status', 'open').set('limit', MAX_PAGE_SIZE);
    return this.http.get<Page<FollowUpDto>>('/api/follow-ups', { params });
  }

  act(id: number, action: FollowUpAction, version: number): Observable<FollowUpDto> {
    return this.http.post<FollowUpDto>(`/api/follow-ups/${id}/${action}`, { version });
  }
}
