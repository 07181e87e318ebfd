import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ContactEntryDto, CreateContactEntryRequest } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ContactEntriesApi {
  private readonly http = inject(HttpClient);

  create(request: CreateContactEntryRequest): Observable<ContactEntryDto> {
    return this.http.post<ContactEntryDto>('/api/contact-entries', request);
  }
}
