import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { BusinessRegisterCompanyDto } from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { submit, typeInto } from '../testing/dom';
import { flushApiError } from '../testing/http';
import { EmployerForm } from './employer-form';
import { employer, flushLookups, me } from './employers.testing';

const company: BusinessRegisterCompanyDto = {
  businessId: '0112038-9',
  name: 'Esimerkki Oyj',
  companyForm: 'Julkinen osakeyhtiö',
  streetAddress: 'Mannerheimintie 12 B',
  postcode: '00100',
  municipality: 'Helsinki',
  industryClassification: 'TOL2025',
  industrySection: 'K',
  industryCode: '62100',
  situations: [],
  ceasedOn: null,
};

describe('EmployerForm: fill from YTJ', () => {
  let fixture: ComponentFixture<EmployerForm>;
  let http: HttpTestingController;

  async function open(existing = employer as typeof employer | null): Promise<void> {
    ({ fixture, http } = await renderComponent(EmployerForm, {
      signedIn: me('account_manager'),
      inputs: existing ? { employer: existing } : {},
    }));
    flushLookups(http);
    await fixture.whenStable();
  }

  const root = () => fixture.nativeElement as HTMLElement;
  const fillButton = () =>
    [...root().querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Hae YTJ:stä') ?? null;
  const button = (label: string) =>
    [...root().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label)!;
  const value = (name: string) => (root().querySelector(`input[formcontrolname=${name}]`) as HTMLInputElement).value;
  const rows = () =>
    [...root().querySelectorAll('.ytj-changes tbody tr')].map((row) => ({
      field: row.querySelector('th')!.textContent.trim(),
      current: row.querySelectorAll('td')[1].textContent.trim(),
      proposed: row.querySelectorAll('td')[2].textContent.trim(),
      checked: (row.querySelector('input[type=checkbox]') as HTMLInputElement).checked,
    }));

  /** Clicks "fill from YTJ" and answers the lookup of 0112038-9 with `answer`. */
  async function fetchCompany(answer: (request: TestRequest) => void): Promise<void> {
    fillButton()!.click();
    await fixture.whenStable();
    answer(http.expectOne('/api/business-register/0112038-9'));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('offers the lookup only for a valid Y-tunnus, with or without its hyphen', async () => {
    await open(null);
    expect(fillButton()).toBeNull();
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-8');
    await fixture.whenStable();
    expect(fillButton()).toBeNull();
    typeInto(fixture, 'input[formcontrolname=businessId]', '01120389');
    await fixture.whenStable();
    expect(fillButton()).not.toBeNull();
    fillButton()!.click();
    http.expectOne('/api/business-register/0112038-9').flush(company);
    await fixture.whenStable();
    // The id is asked in its stored form, and filling writes it back so.
    button('Käytä valitut tiedot').click();
    await fixture.whenStable();
    expect(value('businessId')).toBe('0112038-9');
  });

  it('shows what would change, fills empty fields by default and leaves typed ones unless chosen', async () => {
    await open(null);
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-9');
    typeInto(fixture, 'input[formcontrolname=name]', 'Esimerkki');
    await fixture.whenStable();
    await fetchCompany((request) => request.flush(company));

    expect(rows()).toEqual([
      { field: 'Nimi', current: 'Esimerkki', proposed: 'Esimerkki Oyj', checked: false },
      { field: 'Yritysmuoto', current: '(tyhjä)', proposed: 'Julkinen osakeyhtiö', checked: true },
      { field: 'Katuosoite', current: '(tyhjä)', proposed: 'Mannerheimintie 12 B', checked: true },
      { field: 'Postinumero', current: '(tyhjä)', proposed: '00100', checked: true },
      { field: 'Kunta', current: '(tyhjä)', proposed: 'Helsinki', checked: true },
      {
        field: 'Päätoimiala (luokitus, toimiala, koodi)',
        current: '(tyhjä)',
        proposed: 'TOL2025 K 62100',
        checked: true,
      },
    ]);
    button('Käytä valitut tiedot').click();
    await fixture.whenStable();

    expect(value('name')).toBe('Esimerkki');
    expect(value('companyForm')).toBe('Julkinen osakeyhtiö');
    expect(value('streetAddress')).toBe('Mannerheimintie 12 B');
    expect(value('postcode')).toBe('00100');
    expect(value('municipality')).toBe('Helsinki');
    expect(value('industryCode')).toBe('62100');
    expect(root().querySelector('.ytj-changes')).toBeNull();
    expect(root().textContent).toContain('Valitut tiedot täytettiin YTJ:stä.');
  });

  it('replaces a typed value when the user chooses it, and saves the register values', async () => {
    await open({ ...employer, companyForm: null, industryCode: null });
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-9');
    await fixture.whenStable();
    await fetchCompany((request) => request.flush(company));
    const nameBox = root().querySelector('#ytj-use-name') as HTMLInputElement;
    expect(nameBox.checked).toBe(false);
    nameBox.click();
    await fixture.whenStable();
    button('Käytä valitut tiedot').click();
    await fixture.whenStable();

    await submit(fixture);
    const request = http.expectOne('/api/employers/4');
    expect(request.request.body).toMatchObject({
      name: 'Esimerkki Oyj',
      businessId: '0112038-9',
      companyForm: 'Julkinen osakeyhtiö',
      // Not chosen, so kept: the address and the industry the employer already had.
      streetAddress: 'Satamakatu 3',
      industrySection: 'G',
      industryCode: null,
    });
    request.flush({ ...employer, name: 'Esimerkki Oyj' });
    await fixture.whenStable();
  });

  it('warns when the register says the company is bankrupt or has ceased', async () => {
    await open(null);
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-9');
    await fixture.whenStable();
    await fetchCompany((request) => request.flush({ ...company, situations: ['bankruptcy'], ceasedOn: '2026-01-31' }));
    const warning = root().querySelector('.ytj-warning')!.textContent;
    expect(warning).toContain('YTJ: yritys on lakannut');
    expect(warning).toContain('YTJ: yritys on konkurssissa');
  });

  it('says plainly that YTJ is not answering, and the form still saves', async () => {
    await open();
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-9');
    await fixture.whenStable();
    await fetchCompany((request) =>
      flushApiError(request, 503, {
        code: 'BUSINESS_REGISTER_UNAVAILABLE',
        message: 'The business register did not answer',
      }),
    );
    const alert = root().querySelector('.ytj-error')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('YTJ ei vastaa juuri nyt.');
    // Nothing else broke: the form has no error of its own and saves as usual.
    expect(root().querySelector('.form-error')).toBeNull();
    await submit(fixture);
    http.expectOne('/api/employers/4').flush(employer);
    await fixture.whenStable();
  });

  it('says clearly when the register has no such company', async () => {
    await open(null);
    typeInto(fixture, 'input[formcontrolname=businessId]', '0112038-9');
    await fixture.whenStable();
    await fetchCompany((request) => flushApiError(request, 404, { code: 'NOT_FOUND', message: 'Not found' }));
    expect(root().querySelector('.ytj-error')!.textContent).toContain(
      'YTJ:stä ei löytynyt yritystä tällä Y-tunnuksella.',
    );
  });
});
