import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HomeDto, RecordEmployerViewRequest } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  /** The whole home page in one request; its sections depend on the caller's role. */
  home(): Observable<HomeDto> {
    return this.http.get<HomeDto>('/api/home');
  }

  /** Puts the employer at the front of the caller's "recently viewed" (the employer page calls it). */
  recordView(employerId: number): Observable<void> {
    const body: RecordEmployerViewRequest = { employerId };
    return this.http.post<void>('/api/home/recent-employers', body);
  }
}
