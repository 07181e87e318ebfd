import type { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { setUpApp } from '../testing/app';
import { userWithRole } from '../testing/data';
import { errorUnder, expectFieldErrors, submit, typeInto } from '../testing/dom';
import { flushApiError, flushFieldErrors } from '../testing/http';
import { ChangePassword } from './change-password';

// Named so that the rule "not your name or email" has something to catch.
const me = userWithRole('account_manager', { id: 7, email: 'liisa.laine@example.fi', displayName: 'Liisa Laine' });

describe('ChangePassword', () => {
  let fixture: ComponentFixture<ChangePassword>;
  let http: HttpTestingController;

  beforeEach(async () => {
    http = setUpApp();
    // The real Auth (its request is under test) with a signed-in user.
    const auth = TestBed.inject(Auth);
    Object.defineProperty(auth, 'me', { value: signal(me).asReadonly() });
    fixture = TestBed.createComponent(ChangePassword);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;

  async function fill(current: string, next: string, confirm = next): Promise<void> {
    typeInto(fixture, '#current-password', current);
    typeInto(fixture, '#new-password', next);
    typeInto(fixture, '#confirm-password', confirm);
    await fixture.whenStable();
  }

  it('labels every field and tells the rules before anything is typed', () => {
    for (const id of ['current-password', 'new-password', 'confirm-password']) {
      const input = element().querySelector(`#${id}`) as HTMLInputElement;
      expect(input.type).toBe('password');
      expect(element().querySelector(`label[for=${id}]`)?.textContent?.trim()).toBeTruthy();
    }
    expect((element().querySelector('#current-password') as HTMLInputElement).autocomplete).toBe('current-password');
    expect((element().querySelector('#new-password') as HTMLInputElement).autocomplete).toBe('new-password');
    expect(element().querySelector('#change-password-intro')?.textContent).toContain('vähintään 12 merkkiä');
  });

  it('shows the shared rules’ field errors without asking the server', async () => {
    await fill('', 'aaaaaaaaaaaa', 'aaaaaaaaaaab');
    await submit(fixture);
    expect(errorUnder(fixture, '#new-password')).toContain('toistoa');
    expectFieldErrors(fixture, {
      '#current-password': 'Pakollinen tieto.',
      '#confirm-password': 'Salasanat eivät täsmää.',
    });

    await fill('vanha-salasana-1', 'Laine-kesällä-2026');
    await submit(fixture);
    expect(errorUnder(fixture, '#new-password')).toBe('Salasana ei saa sisältää nimeäsi tai sähköpostiosoitettasi.');
    http.expectNone('/api/auth/password');
  });

  it('sends the change and says that other sessions ended', async () => {
    await fill('vanha-salasana-1', 'vihreä-kivi-kahvikuppi');
    await submit(fixture);
    const request = http.expectOne({ method: 'POST', url: '/api/auth/password' });
    expect(request.request.body).toEqual({
      currentPassword: 'vanha-salasana-1',
      newPassword: 'vihreä-kivi-kahvikuppi',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(element().textContent).toContain('Salasana vaihdettu.');
    expect((element().querySelector('#new-password') as HTMLInputElement).value).toBe('');
  });

  it('shows the server’s field errors (the common-password list is only there), in English too', async () => {
    TestBed.inject(I18n).use('en');
    await fill('vanha-salasana-1', 'password1234');
    await submit(fixture);
    flushFieldErrors(http.expectOne('/api/auth/password'), [
      { path: 'newPassword', code: 'password_too_common', message: 'Is one of the most common passwords' },
    ]);
    await fixture.whenStable();
    expect(errorUnder(fixture, '#new-password')).toBe(
      'This is one of the most common passwords. Choose a rarer one, for example several words.',
    );
    expect(document.activeElement?.id).toBe('new-password');
  });

  it('says so when there have been too many wrong current passwords', async () => {
    await fill('arvaus-numero-6', 'vihreä-kivi-kahvikuppi');
    await submit(fixture);
    flushApiError(http.expectOne('/api/auth/password'), 429, {
      code: 'TOO_MANY_ATTEMPTS',
      detail: { retryAfterSeconds: 2 },
    });
    await fixture.whenStable();
    expect(element().querySelector('app-form-status')?.textContent).toContain('Liian monta yritystä.');
  });
});
