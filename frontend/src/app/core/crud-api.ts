import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import type { Page } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { toParams } from './http-params';

/**
 * The REST shape most resources share, under one base path: `GET base/:id`, `POST base` and
 * `PATCH base/:id` (the request carries the version). A feature's API service extends it and adds
 * its own routes; `Detail` is what one record reads as where that is more than the list's DTO.
 */
export abstract class CrudApi<Dto, Create, Update, Detail = Dto> {
  protected readonly http = inject(HttpClient);

  protected constructor(protected readonly base: string) {}

  get(id: number): Observable<Detail> {
    return this.http.get<Detail>(`${this.base}/${id}`);
  }

  create(request: Create): Observable<Dto> {
    return this.http.post<Dto>(this.base, request);
  }

  update(id: number, request: Update): Observable<Dto> {
    return this.http.patch<Dto>(`${this.base}/${id}`, request);
  }

  /** A keyset page of `Row`s matching the query (filters, sort, cursor and limit). */
  protected page<Row>(query: object): Observable<Page<Row>> {
    return this.http.get<Page<Row>>(this.base, { params: toParams(query) });
  }
}
