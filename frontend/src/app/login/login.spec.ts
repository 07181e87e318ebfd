import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { errorUnder, submit, typeInto } from '../testing/dom';
import { Login } from './login';

const me: Me = {
  id: 1,
  email: 'maija@example.fi',
  displayName: 'Maija Meikäläinen',
  role: 'admin',
  campusGroupIds: [],
  locale: 'en',
};

describe('Login', () => {
  let fixture: ComponentFixture<Login>;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [Login],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(Login);
    fixture.componentRef.setInput('returnUrl', '/users?role=admin');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows field errors under the fields and sends nothing when the form is empty', async () => {
    await submit(fixture);
    expect(errorUnder(fixture, 'input[formcontrolname=email]')).toBe('Pakollinen tieto.');
    expect(errorUnder(fixture, 'input[formcontrolname=password]')).toBe('Pakollinen tieto.');
    http.expectNone('/api/auth/login');
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

    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    // The shared schema trims and lower-cases the email before it is sent.
    expect(request.request.body).toEqual({ email: 'maija@example.fi', password: 'correct horse battery' });
    request.flush(me);
    await fixture.whenStable();

    expect(TestBed.inject(Auth).me()).toEqual(me);
    expect(navigateByUrl).toHaveBeenCalledWith('/users?role=admin');
  });

  it('says so in the live region when the credentials are wrong', async () => {
    typeInto(fixture, 'input[formcontrolname=email]', 'maija@example.fi');
    typeInto(fixture, 'input[formcontrolname=password]', 'wrong');
    await submit(fixture);
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials', code: 'INVALID_CREDENTIALS' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();

    const live = fixture.nativeElement.querySelector('[aria-live]') as HTMLElement;
    expect(live.textContent?.trim()).toBe('Sähköpostiosoite tai salasana on väärin.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows server field errors at the fields', async () => {
    typeInto(fixture, 'input[formcontrolname=email]', 'maija@example.fi');
    typeInto(fixture, 'input[formcontrolname=password]', 'x');
    await submit(fixture);
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ path: 'password', code: 'too_long', message: 'Must be at most 256 characters', limit: 256 }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=password]')).toBe('Enintään 256 merkkiä.');
  });
});
