import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { EmployerDto } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { errorUnder, submit, typeInto } from '../testing/dom';
import { EmployerForm } from './employer-form';
import { employer, flushLookups, me } from './employers.testing';

describe('EmployerForm', () => {
  let fixture: ComponentFixture<EmployerForm>;
  let http: HttpTestingController;

  async function open(existing: EmployerDto | null = null): Promise<void> {
    TestBed.configureTestingModule({
      imports: [EmployerForm],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(me('account_manager')).asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EmployerForm);
    if (existing) fixture.componentRef.setInput('employer', existing);
    await fixture.whenStable();
    flushLookups(http);
    await fixture.whenStable();
  }

  const text = (selector: string) =>
    (fixture.nativeElement.querySelector(selector) as HTMLElement | null)?.textContent ?? '';

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('shows a wrong Y-tunnus check digit while typing, before leaving the field', async () => {
    await open();
    const input = fixture.nativeElement.querySelector('input[formcontrolname=businessId]') as HTMLInputElement;
    input.value = '0112038';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=businessId]')).toBe('');

    input.value = '0112038-8';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=businessId]')).toBe('Y-tunnuksen tarkistusmerkki ei täsmää.');

    input.value = '0112038-9';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=businessId]')).toBe('');
  });

  it('checks a new employer with the shared schema before sending anything', async () => {
    await open();
    typeInto(fixture, 'input[formcontrolname=postcode]', '3310');
    await submit(fixture);
    expect(errorUnder(fixture, 'input[formcontrolname=name]')).toBe('Pakollinen tieto.');
    expect(errorUnder(fixture, 'mat-select[formcontrolname=ownerCampusGroupId]')).toBe('Pakollinen tieto.');
    expect(errorUnder(fixture, 'input[formcontrolname=postcode]')).toBe('Tarkista muoto.');
    http.expectNone('/api/employers');
  });

  it('links to the employer that already has the Y-tunnus', async () => {
    await open({ ...employer, businessId: null });
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-9');
    await submit(fixture);
    const request = http.expectOne('/api/employers/4');
    expect(request.request.body).toMatchObject({ businessId: '0112038-9', version: 3 });
    request.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Taken',
        code: 'EMPLOYER_BUSINESS_ID_TAKEN',
        fieldErrors: [{ path: 'businessId', code: 'business_id_taken', message: 'Already in use' }],
        detail: { existingEmployerId: 12, existingEmployerName: 'Kesko Food Oy' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=businessId]')).toContain('Tällä Y-tunnuksella on jo työnantaja.');
    const link = fixture.nativeElement.querySelector('mat-error a') as HTMLAnchorElement;
    expect(link.textContent).toContain('Kesko Food Oy');
    expect(link.getAttribute('href')).toBe('/employers/12');
  });

  it('shows the server field errors under the fields they name', async () => {
    await open(employer);
    typeInto(fixture, 'input[formcontrolname=municipality]', 'Espoo');
    await submit(fixture);
    http.expectOne('/api/employers/4').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        code: 'VALIDATION_FAILED',
        fieldErrors: [
          { path: 'accountManagerId', code: 'invalid_account_manager', message: 'Not an account manager' },
          { path: 'campusGroupIds.0', code: 'unknown_campus_group', message: 'Unknown' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorUnder(fixture, 'mat-select[formcontrolname=accountManagerId]')).toBe(
      'Valitse asiakaspäällikkö tai pääkäyttäjä.',
    );
    expect(errorUnder(fixture, 'mat-select[formcontrolname=campusGroupIds]')).toBe('Tuntematon Campus-ryhmä.');
    expect(text('app-form-status')).toContain('Tarkista lomakkeen tiedot.');
  });

  it('creates an employer with the fields as the API stores them', async () => {
    await open();
    typeInto(fixture, 'input[formcontrolname=name]', 'Pirkan Puu Oy');
    typeInto(fixture, 'input[formcontrolname=tags]', 'puu, logistiikka ,');
    fixture.componentInstance['form'].controls.ownerCampusGroupId.setValue(1);
    await submit(fixture);
    const request = http.expectOne('/api/employers');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toMatchObject({
      name: 'Pirkan Puu Oy',
      businessId: null,
      industryClassification: null,
      ownerCampusGroupId: 1,
      campusGroupIds: [],
      status: 'prospect',
      tags: ['puu', 'logistiikka'],
    });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    request.flush({ ...employer, id: 9, name: 'Pirkan Puu Oy' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/employers', 9]);
  });

  describe('when someone else saved meanwhile', () => {
    async function conflictAfterMyEdit(): Promise<EmployerDto> {
      await open(employer);
      typeInto(fixture, 'input[formcontrolname=municipality]', 'Espoo');
      await submit(fixture);
      const current: EmployerDto = {
        ...employer,
        municipality: 'Vantaa',
        description: 'Heidän kuvauksensa',
        version: 5,
      };
      http
        .expectOne('/api/employers/4')
        .flush(
          { statusCode: 409, error: 'Conflict', message: 'Stale', code: 'STALE_VERSION', current },
          { status: 409, statusText: 'Conflict' },
        );
      await fixture.whenStable();
      return current;
    }

    it('lists what changed: my value next to the saved one', async () => {
      await conflictAfterMyEdit();
      const panel = fixture.nativeElement.querySelector('app-conflict-panel') as HTMLElement;
      expect(panel.textContent).toContain('Joku muu muutti tätä työnantajaa sillä välin');
      const municipality = panel.querySelector('tr[data-field=municipality]') as HTMLElement;
      expect(municipality.querySelector('.mine')?.textContent?.trim()).toBe('Espoo');
      expect(municipality.querySelector('.theirs')?.textContent?.trim()).toBe('Vantaa');
      const description = panel.querySelector('tr[data-field=description]') as HTMLElement;
      expect(description.querySelector('.mine')?.textContent?.trim()).toBe('Et muuttanut');
      expect(description.querySelector('.theirs')?.textContent?.trim()).toBe('Heidän kuvauksensa');
    });

    it('re-applies my changes on top of the current version', async () => {
      await conflictAfterMyEdit();
      (fixture.nativeElement.querySelector('app-conflict-panel button.reapply') as HTMLButtonElement).click();
      await fixture.whenStable();
      const request = http.expectOne('/api/employers/4');
      expect(request.request.body).toMatchObject({
        version: 5,
        municipality: 'Espoo',
        description: 'Heidän kuvauksensa',
      });
      request.flush({ ...employer, municipality: 'Espoo', description: 'Heidän kuvauksensa', version: 6 });
      await fixture.whenStable();
      expect(fixture.nativeElement.querySelector('app-conflict-panel')).toBeNull();
    });

    it('loads the latest and drops my edits on request', async () => {
      await conflictAfterMyEdit();
      (fixture.nativeElement.querySelector('app-conflict-panel button.reload') as HTMLButtonElement).click();
      await fixture.whenStable();
      expect(
        (fixture.nativeElement.querySelector('input[formcontrolname=municipality]') as HTMLInputElement).value,
      ).toBe('Vantaa');
      expect(fixture.nativeElement.querySelector('app-conflict-panel')).toBeNull();
      await submit(fixture);
      expect(http.expectOne('/api/employers/4').request.body.version).toBe(5);
    });
  });
});
