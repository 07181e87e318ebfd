import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { EmployerDto } from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { errorUnder, expectFieldErrors, expectRefusedBeforeSending, submit, typeInto } from '../testing/dom';
import { flushApiError, flushFieldErrors } from '../testing/http';
import { EmployerForm } from './employer-form';
import { employer, flushLookups, me } from './employers.testing';

describe('EmployerForm', () => {
  let fixture: ComponentFixture<EmployerForm>;
  let http: HttpTestingController;

  async function open(existing: EmployerDto | null = null): Promise<void> {
    ({ fixture, http } = await renderComponent(EmployerForm, {
      signedIn: me('account_manager'),
      inputs: existing ? { employer: existing } : {},
    }));
    flushLookups(http);
    await fixture.whenStable();
  }

  const text = (selector: string) =>
    (fixture.nativeElement.querySelector(selector) as HTMLElement | null)?.textContent ?? '';

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
    await expectRefusedBeforeSending({ fixture, http }, '/api/employers', {
      'input[formcontrolname=name]': 'Pakollinen tieto.',
      'mat-select[formcontrolname=ownerCampusGroupId]': 'Pakollinen tieto.',
      'input[formcontrolname=postcode]': 'Tarkista muoto.',
    });
  });

  it('names the industry code under it while typing, and refuses a code of another section on leaving', async () => {
    await open({ ...employer, industrySection: 'C', industryCode: null });
    const selector = 'input[formcontrolname=industryCode]';
    const hint = () => text(`app-text-field:has(${selector}) mat-hint`).trim();
    const typeCode = async (value: string) => {
      const input = fixture.nativeElement.querySelector(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    expect(hint()).toBe('2–5 numeroa, esim. 47111.');
    await typeCode('45200');
    expect(hint()).toBe('Luokituksessa TOL 2025 ei ole toimialaa 45.');
    await typeCode('47110');
    expect(hint()).toBe('Toimiala: Vähittäiskauppa (G Tukku- ja vähittäiskauppa)');
    typeInto(fixture, selector, '47110');
    await fixture.whenStable();
    expect(errorUnder(fixture, selector)).toBe('Toimialakoodi kuuluu toiseen toimialaan (pääluokkaan) kuin valittu.');
    await expectRefusedBeforeSending({ fixture, http }, '/api/employers/4', {
      [selector]: 'Toimialakoodi kuuluu toiseen toimialaan (pääluokkaan) kuin valittu.',
    });
  });

  it('links to the employer that already has the Y-tunnus', async () => {
    await open({ ...employer, businessId: null });
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-9');
    await submit(fixture);
    const request = http.expectOne('/api/employers/4');
    expect(request.request.body).toMatchObject({ businessId: '0112038-9', version: 3 });
    flushApiError(request, 409, {
      code: 'EMPLOYER_BUSINESS_ID_TAKEN',
      fieldErrors: [{ path: 'businessId', code: 'business_id_taken', message: 'Already in use' }],
      detail: { existingEmployerId: 12, existingEmployerName: 'Kesko Food Oy' },
    });
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
    flushFieldErrors(http.expectOne('/api/employers/4'), [
      { path: 'accountManagerId', code: 'invalid_account_manager', message: 'Not an account manager' },
      { path: 'campusGroupIds.0', code: 'unknown_campus_group', message: 'Unknown' },
    ]);
    await fixture.whenStable();
    expectFieldErrors(fixture, {
      'mat-select[formcontrolname=accountManagerId]': 'Valitse asiakaspäällikkö tai pääkäyttäjä.',
      'mat-select[formcontrolname=campusGroupIds]': 'Tuntematon Campus-ryhmä.',
    });
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
      flushApiError(http.expectOne('/api/employers/4'), 409, { code: 'STALE_VERSION', current });
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
