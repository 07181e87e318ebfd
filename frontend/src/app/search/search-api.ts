import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SearchResultDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);

  search(q: string, limit = 5): Observable<SearchResultDto> {
    return this.http.get<SearchResultDto>('/api/search', { params: { q, limit } });
  }
}
