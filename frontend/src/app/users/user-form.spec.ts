import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me, UserDto } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { errorUnder, submit, typeInto } from '../testing/dom';
import { UserForm } from './user-form';

const admin: Me = {
  id: 1,
  email: 'admin@example.fi',
  displayName: 'Anna Admin',
  role: 'admin',
  campusGroupIds: [],
  locale: 'fi',
};

const user: UserDto = {
  id: 7,
  email: 'liisa@example.fi',
  displayName: 'Liisa Laine',
  role: 'account_manager',
  campusGroupIds: [2],
  locale: 'fi',
  active: true,
  lastLoginAt: '2026-11-24T08:30:00.000Z',
  createdAt: '2026-01-15T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  version: 3,
};

const groups = {
  items: [{ id: 2, name: 'Tekniikka', campus: 'Keskusta', memberCount: 4, createdAt: '', updatedAt: '', version: 1 }],
  total: 1,
  nextCursor: null,
};

describe('UserForm', () => {
  let fixture: ComponentFixture<UserForm>;
  let http: HttpTestingController;

  async function open(id?: string, me: Me = admin): Promise<void> {
    TestBed.configureTestingModule({
      imports: [UserForm],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(me).asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UserForm);
    if (id) fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    http.expectOne('/api/campus-groups?limit=200').flush(groups);
    if (id) http.expectOne(`/api/users/${id}`).flush(user);
    await fixture.whenStable();
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('checks a new user with the shared schema before sending anything', async () => {
    await open();
    typeInto(fixture, 'input[formcontrolname=password]', 'short');
    await submit(fixture);
    expect(errorUnder(fixture, 'input[formcontrolname=displayName]')).toBe('Pakollinen tieto.');
    expect(errorUnder(fixture, 'input[formcontrolname=email]')).toBe('Pakollinen tieto.');
    expect(errorUnder(fixture, 'mat-select[formcontrolname=role]')).toBe('Pakollinen tieto.');
    expect(errorUnder(fixture, 'input[formcontrolname=password]')).toBe('Vähintään 12 merkkiä.');
    http.expectNone('/api/users');
  });

  it('sends the changes with the version it loaded', async () => {
    await open('7');
    expect((fixture.nativeElement.querySelector('input[formcontrolname=displayName]') as HTMLInputElement).value).toBe(
      'Liisa Laine',
    );
    typeInto(fixture, 'input[formcontrolname=displayName]', 'Liisa Laine-Virtanen');
    await submit(fixture, 'form');
    const request = http.expectOne('/api/users/7');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      version: 3,
      email: 'liisa@example.fi',
      displayName: 'Liisa Laine-Virtanen',
      role: 'account_manager',
      campusGroupIds: [2],
      locale: 'fi',
      active: true,
    });
    request.flush({ ...user, displayName: 'Liisa Laine-Virtanen', version: 4 });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('h1').textContent).toContain('Liisa Laine-Virtanen');
  });

  it('shows the server field errors under the fields they name', async () => {
    await open('7');
    typeInto(fixture, 'input[formcontrolname=email]', 'liisa.laine@example.fi');
    await submit(fixture, 'form');
    http.expectOne('/api/users/7').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        code: 'VALIDATION_FAILED',
        fieldErrors: [
          { path: 'displayName', code: 'too_long', message: 'Must be at most 120 characters', limit: 120 },
          { path: 'campusGroupIds.0', code: 'invalid_value', message: 'Unknown campus group' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(errorUnder(fixture, 'input[formcontrolname=displayName]')).toBe('Enintään 120 merkkiä.');
    expect(errorUnder(fixture, 'mat-select[formcontrolname=campusGroupIds]')).toBe(
      'Valitse jokin sallituista vaihtoehdoista.',
    );
    expect(errorUnder(fixture, 'input[formcontrolname=email]')).toBe('');
    expect(fixture.nativeElement.querySelector('app-form-status').textContent).toContain('Tarkista lomakkeen tiedot.');
  });

  it('puts "email taken" at the email field', async () => {
    await open('7');
    typeInto(fixture, 'input[formcontrolname=email]', 'taken@example.fi');
    await submit(fixture, 'form');
    http
      .expectOne('/api/users/7')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Email taken', code: 'EMAIL_TAKEN' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=email]')).toBe('Sähköpostiosoite on jo käytössä.');
  });

  it('explains a conflicting save and reloads the current record on request', async () => {
    await open('7');
    typeInto(fixture, 'input[formcontrolname=displayName]', 'My edit');
    await submit(fixture, 'form');
    const current = { ...user, displayName: 'Their edit', version: 5 };
    http
      .expectOne('/api/users/7')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Stale', code: 'STALE_VERSION', current },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    const status = fixture.nativeElement.querySelector('app-form-status') as HTMLElement;
    expect(status.textContent).toContain('Joku muu tallensi tämän tietueen sillä välin.');
    (status.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect((fixture.nativeElement.querySelector('input[formcontrolname=displayName]') as HTMLInputElement).value).toBe(
      'Their edit',
    );
    await submit(fixture, 'form');
    expect(http.expectOne('/api/users/7').request.body.version).toBe(5);
  });

  it('is read-only for a role that may not write users', async () => {
    await open('7', { ...admin, role: 'leadership' });
    const input = fixture.nativeElement.querySelector('input[formcontrolname=displayName]') as HTMLInputElement;
    expect(input.disabled).toBe(true);
    expect(fixture.nativeElement.querySelector('button[type=submit]')).toBeNull();
    expect(fixture.nativeElement.textContent).toContain('Sinulla on lukuoikeus näihin tietoihin.');
  });
});
