import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';

import { Auth } from '../core/auth';
import { renderComponent } from '../testing/app';
import { userWithRole } from '../testing/data';
import { errorUnder, expectRefusedBeforeSending, submit, typeInto } from '../testing/dom';
import { flushApiError, flushFieldErrors } from '../testing/http';
import { Login } from './login';

const me = userWithRole('admin', { email: 'maija@example.fi', displayName: 'Maija Meikäläinen', locale: 'en' });

describe('Login', () => {
  let fixture: ComponentFixture<Login>;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    ({ fixture, http } = await renderComponent(Login, { inputs: { returnUrl: '/users?role=admin' } }));
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  it('shows field errors under the fields and sends nothing when the form is empty', async () => {
    await expectRefusedBeforeSending({ fixture, http }, '/api/auth/login', {
      'input[formcontrolname=email]': 'Pakollinen tieto.',
      'input[formcontrolname=password]': 'Pakollinen tieto.',
    });
  });

  it('ties the error text to the input for screen readers and focuses the first invalid field', async () => {
    typeInto(fixture, 'input[formcontrolname=email]', 'not-an-email');
    await submit(fixture);
    const input = fixture.nativeElement.querySelector('input[formcontrolname=email]') as HTMLInputElement;
    const error = fixture.nativeElement.querySelector('mat-error') as HTMLElement;
    expect(error.textContent?.trim()).toBe('Tarkista sähköpostiosoite.');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
  });

  it('posts the credentials, remembers the user and returns to the page they wanted', async () => {
    typeInto(fixture, 'input[formcontrolname=email]', ' Maija@Example.fi ');
    typeInto(fixture, 'input[formcontrolname=password]', 'correct horse battery');
    await submit(fixture);

    const request = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    // The shared schema trims and lower-cases the email before it is sent.
    expect(request.request.body).toEqual({ email: 'maija@example.fi', password: 'correct horse battery' });
    request.flush(me);
    await fixture.whenStable();

    expect(TestBed.inject(Auth).me()).toEqual(me);
    expect(navigateByUrl).toHaveBeenCalledWith('/users?role=admin');
  });

  it('says the session ended when sent here by an expired one, and only then', async () => {
    const notice = () => fixture.nativeElement.querySelector('.session-expired') as HTMLElement | null;
    expect(notice()).toBeNull();
    fixture.componentRef.setInput('reason', 'expired');
    await fixture.whenStable();
    expect(notice()?.getAttribute('role')).toBe('alert');
    expect(notice()?.textContent?.trim()).toBe(
      'Istuntosi päättyi, joten sinut kirjattiin ulos. Kirjaudu uudelleen, niin palaat sivulle, jolla olit.',
    );
  });

  it('says so in the live region when the credentials are wrong', async () => {
    typeInto(fixture, 'input[formcontrolname=email]', 'maija@example.fi');
    typeInto(fixture, 'input[formcontrolname=password]', 'wrong');
    await submit(fixture);
    flushApiError(http.expectOne('/api/auth/login'), 401, { code: 'INVALID_CREDENTIALS' });
    await fixture.whenStable();

    const live = fixture.nativeElement.querySelector('[aria-live]') as HTMLElement;
    expect(live.textContent?.trim()).toBe('Sähköpostiosoite tai salasana on väärin.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows server field errors at the fields', async () => {
    typeInto(fixture, 'input[formcontrolname=email]', 'maija@example.fi');
    typeInto(fixture, 'input[formcontrolname=password]', 'x');
    await submit(fixture);
    flushFieldErrors(http.expectOne('/api/auth/login'), [
      { path: 'password', code: 'too_long', message: 'Must be at most 256 characters', limit: 256 },
    ]);
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=password]')).toBe('Enintään 256 merkkiä.');
  });
});
