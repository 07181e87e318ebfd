import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { Role, UserDto } from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { campusGroup, page, userWithRole } from '../testing/data';
import { expectFieldErrors, expectRefusedBeforeSending, submit, typeInto } from '../testing/dom';
import { flushApiError, flushFieldErrors } from '../testing/http';
import { UserForm } from './user-form';

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

const groups = page([campusGroup(2, 'Tekniikka', 'Keskusta')]);

describe('UserForm', () => {
  let fixture: ComponentFixture<UserForm>;
  let http: HttpTestingController;

  async function open(id?: string, role: Role = 'admin'): Promise<void> {
    ({ fixture, http } = await renderComponent(UserForm, { signedIn: userWithRole(role), inputs: id ? { id } : {} }));
    http.expectOne('/api/campus-groups?limit=200').flush(groups);
    if (id) http.expectOne(`/api/users/${id}`).flush(user);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('checks a new user with the shared schema before sending anything', async () => {
    await open();
    typeInto(fixture, 'input[formcontrolname=password]', 'short');
    await expectRefusedBeforeSending({ fixture, http }, '/api/users', {
      'input[formcontrolname=displayName]': 'Pakollinen tieto.',
      'input[formcontrolname=email]': 'Pakollinen tieto.',
      'mat-select[formcontrolname=role]': 'Pakollinen tieto.',
      'input[formcontrolname=password]': 'Vähintään 12 merkkiä.',
    });
  });

  it('sends the changes with the version it loaded', async () => {
    await open('7');
    expect((fixture.nativeElement.querySelector('input[formcontrolname=displayName]') as HTMLInputElement).value).toBe(
      'Liisa Laine',
    );
    typeInto(fixture, 'input[formcontrolname=displayName]', 'Liisa Laine-Virtanen');
    await submit(fixture, 'form');
    const request = http.expectOne({ method: 'PATCH', url: '/api/users/7' });
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
    flushFieldErrors(http.expectOne('/api/users/7'), [
      { path: 'displayName', code: 'too_long', message: 'Must be at most 120 characters', limit: 120 },
      { path: 'campusGroupIds.0', code: 'invalid_value', message: 'Unknown campus group' },
    ]);
    await fixture.whenStable();

    expectFieldErrors(fixture, {
      'input[formcontrolname=displayName]': 'Enintään 120 merkkiä.',
      'mat-select[formcontrolname=campusGroupIds]': 'Valitse jokin sallituista vaihtoehdoista.',
      'input[formcontrolname=email]': '',
    });
    expect(fixture.nativeElement.querySelector('app-form-status').textContent).toContain('Tarkista lomakkeen tiedot.');
  });

  it('puts "email taken" at the email field', async () => {
    await open('7');
    typeInto(fixture, 'input[formcontrolname=email]', 'taken@example.fi');
    await submit(fixture, 'form');
    flushApiError(http.expectOne('/api/users/7'), 409, { code: 'EMAIL_TAKEN' });
    await fixture.whenStable();
    expectFieldErrors(fixture, { 'input[formcontrolname=email]': 'Sähköpostiosoite on jo käytössä.' });
  });

  it('explains a conflicting save and reloads the current record on request', async () => {
    await open('7');
    typeInto(fixture, 'input[formcontrolname=displayName]', 'My edit');
    await submit(fixture, 'form');
    const current = { ...user, displayName: 'Their edit', version: 5 };
    flushApiError(http.expectOne('/api/users/7'), 409, { code: 'STALE_VERSION', current });
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
    await open('7', 'leadership');
    const input = fixture.nativeElement.querySelector('input[formcontrolname=displayName]') as HTMLInputElement;
    expect(input.disabled).toBe(true);
    expect(fixture.nativeElement.querySelector('button[type=submit]')).toBeNull();
    expect(fixture.nativeElement.textContent).toContain('Sinulla on lukuoikeus näihin tietoihin.');
  });
});
