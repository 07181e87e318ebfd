import { HttpParams } from '@angular/common/http';

/** A query object as URL parameters, in its key order; empty values (null, undefined, '') are left out. */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, string | number | boolean | null | undefined][]) {
    if (value === null || value === undefined || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}
