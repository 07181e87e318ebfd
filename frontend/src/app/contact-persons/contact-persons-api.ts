import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ContactPersonDto,
  ContactPersonExportDto,
  CreateContactPersonRequest,
  UpdateContactPersonRequest,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ContactPersonsApi {
  private readonly http = inject(HttpClient);

  list(employerId: number): Observable<ContactPersonDto[]> {
    return this.http.get<ContactPersonDto[]>(`/api/employers/${employerId}/contacts`);
  }

  create(employerId: number, request: CreateContactPersonRequest): Observable<ContactPersonDto> {
    return this.http.post<ContactPersonDto>(`/api/employers/${employerId}/contacts`, request);
  }

  update(id: number, request: UpdateContactPersonRequest): Observable<ContactPersonDto> {
    return this.http.patch<ContactPersonDto>(`/api/contacts/${id}`, request);
  }

  export(id: number): Observable<ContactPersonExportDto> {
    return this.http.get<ContactPersonExportDto>(`/api/contacts/${id}/export`);
  }

  erase(id: number): Observable<ContactPersonDto> {
    return this.http.post<ContactPersonDto>(`/api/contacts/${id}/erase`, {});
  }
}
