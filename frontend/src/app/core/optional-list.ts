import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, of, type Observable } from 'rxjs';

/**
 * A list the page works without (the options of a picker or filter): empty until it comes, and
 * empty if the request fails. Call in an injection context (a field initializer).
 */
export function optionalList<T>(source: Observable<T[]>): Signal<T[]> {
  return toSignal(source.pipe(catchError(() => of([] as T[]))), { initialValue: [] as T[] });
}
