import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ContactEntryDto,
  ContactPersonDto,
  CreateContactEntryRequest,
  EmployerDto,
  EmployerListItemDto,
  Page,
  UserDto,
} from '@tyoelama/shared';
import { map, type Observable } from 'rxjs';

/** What the log-contact dialog (and other employer pickers) read and write. */
@Injectable({ providedIn: 'root' })
export class LogContactApi {
  private readonly http = inject(HttpClient);

  searchEmployers(q: string, limit = 10): Observable<EmployerListItemDto[]> {
    const params = new HttpParams().set('q', q).set('limit', limit);
    return this.http.get<Page<EmployerListItemDto>>('/api/employers', { params }).pipe(map((page) => page.items));
  }

  employer(id: number): Observable<EmployerDto> {
    return this.http.get<EmployerDto>(`/api/employers/${id}`);
  }

  contactPersons(employerId: number): Observable<ContactPersonDto[]> {
    return this.http.get<ContactPersonDto[]>(`/api/employers/${employerId}/contacts`);
  }

  activeUsers(): Observable<UserDto[]> {
    const params = new HttpParams().set('active', 'true').set('limit', 200);
    return this.http.get<Page<UserDto>>('/api/users', { params }).pipe(map((page) => page.items));
  }

  createEntry(request: CreateContactEntryRequest): Observable<ContactEntryDto> {
    return this.http.post<ContactEntryDto>('/api/contact-entries', request);
  }
}
