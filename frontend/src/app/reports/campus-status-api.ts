import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CampusStatusDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CampusStatusApi {
  private readonly http = inject(HttpClient);

  /** `sort` is a key, `-` first for descending; the API's default is `name`. */
  status(groupId: number, sort: string): Observable<CampusStatusDto> {
    const params: Record<string, string> = sort === 'name' ? {} : { sort };
    return this.http.get<CampusStatusDto>(`/api/campus-groups/${groupId}/status`, { params });
  }
}
