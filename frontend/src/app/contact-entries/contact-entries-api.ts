import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ContactEntryDto, CreateContactEntryRequest, UpdateContactEntryRequest } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ContactEntriesApi {
  private readonly http = inject(HttpClient);

  get(id: number): Observable<ContactEntryDto> {
    return this.http.get<ContactEntryDto>(`/api/contact-entries/${id}`);
  }

  create(request: CreateContactEntryRequest): Observable<ContactEntryDto> {
    return this.http.post<ContactEntryDto>('/api/contact-entries', request);
  }

  update(id: number, request: UpdateContactEntryRequest): Observable<ContactEntryDto> {
    return this.http.patch<ContactEntryDto>(`/api/contact-entries/${id}`, request);
  }

  /** Deletes for a while: `restore` within the undo window brings the entry back as it was. */
  remove(id: number): Observable<void> {
    return this.http.delete<void>(`/api/contact-entries/${id}`);
  }

  restore(id: number): Observable<ContactEntryDto> {
    return this.http.post<ContactEntryDto>(`/api/contact-entries/${id}/restore`, {});
  }
}
