import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal, type Signal } from '@angular/core';
import {
  canWrite,
  type ChangePasswordRequest,
  type LoginRequest,
  type Locale,
  type Me,
  type Resource,
} from '@tyoelama/shared';
import { firstValueFrom, tap, type Observable } from 'rxjs';

import { toApiError } from './api-error';
import { I18n } from './i18n/i18n';

/** The signed-in user: `undefined` until the session is probed, `null` when nobody is signed in. */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);
  private readonly current = signal<Me | null | undefined>(undefined);
  readonly me = this.current.asReadonly();
  private readonly probed = signal(false);
  /** The first answer to "who is signed in" has come (whatever it was). */
  readonly checked = this.probed.asReadonly();
  private probe: Promise<Me | null> | null = null;

  /** Asks the server once who is signed in; later calls reuse the answer. */
  loadMe(): Promise<Me | null> {
    const known = this.current();
    if (known !== undefined) return Promise.resolve(known);
    this.probe ??= firstValueFrom(this.http.get<Me>('/api/auth/me')).then(
      (me) => {
        this.remember(me);
        this.probed.set(true);
        return me;
      },
      (error: unknown) => {
        this.probe = null;
        this.probed.set(true);
        // 401 is the normal "not signed in"; other failures also leave the user at the sign-in page, which shows them.
        if (toApiError(error).statusCode === 401) this.current.set(null);
        return null;
      },
    );
    return this.probe;
  }

  login(request: LoginRequest): Observable<Me> {
    return this.http.post<Me>('/api/auth/login', request).pipe(tap((me) => this.remember(me)));
  }

  /** The signed-in user's own password; the server ends their other sessions and keeps this one. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password', request);
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(tap({ finalize: () => this.forget() }));
  }

  /** Switches the language now and, when signed in, stores it with the user. */
  changeLocale(locale: Locale): void {
    this.i18n.use(locale);
    const me = this.current();
    if (!me || me.locale === locale) return;
    this.http.patch<Me>('/api/auth/me', { locale }).subscribe({
      next: (updated) => this.current.set(updated),
      // The switch already happened in this browser; failing to store it is not worth interrupting for.
      error: () => undefined,
    });
  }

  /** Drops the local idea of the session (after sign-out or a 401). */
  forget(): void {
    this.current.set(null);
    this.probe = null;
  }

  private remember(me: Me): void {
    this.current.set(me);
    this.probe = Promise.resolve(me);
    this.i18n.use(me.locale);
  }
}

/**
 * Whether the signed-in user may change `resource`, following sign-in and sign-out. Only hides or
 * shows controls: the API checks every write. Call in an injection context (a field initializer).
 */
export function injectCanWrite(resource: Resource): Signal<boolean> {
  const me = inject(Auth).me;
  return computed(() => {
    const user = me();
    return !!user && canWrite(user.role, resource);
  });
}
