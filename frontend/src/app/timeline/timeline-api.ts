import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, TimelineItem } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class TimelineApi {
  private readonly http = inject(HttpClient);

  employerTimeline(employerId: number, cursor: string | null, limit: number): Observable<Page<TimelineItem>> {
    return this.http.get<Page<TimelineItem>>(`/api/employers/${employerId}/timeline`, {
      params: toParams({ cursor, limit }),
    });
  }
}
