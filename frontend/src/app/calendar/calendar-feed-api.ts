import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CalendarFeedDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CalendarFeedApi {
  private readonly http = inject(HttpClient);

  get(): Observable<CalendarFeedDto> {
    return this.http.get<CalendarFeedDto>('/api/calendar-feed');
  }

  /** Creates the feed, or replaces its address; the answer is the only time the URL is given. */
  create(): Observable<CalendarFeedDto> {
    return this.http.post<CalendarFeedDto>('/api/calendar-feed', {});
  }

  revoke(): Observable<void> {
    return this.http.delete<void>('/api/calendar-feed');
  }
}
