import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { addDays, EMPLOYER_JOURNEY_STEPS, type EmployerJourneyDto, helsinkiDate, type Role } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { renderComponent } from '../testing/app';
import { employerJourneyDto, userWithRole } from '../testing/data';
import { flushApiError } from '../testing/http';
import { EmployerJourney } from './employer-journey';

const URL = '/api/employers/4/journey';

const arranged = employerJourneyDto(
  4,
  {
    first_contact: { reachedOn: '2024-01-10', source: 'derived', derivedOn: '2024-01-10' },
    suitability: {
      reachedOn: '2024-02-01',
      source: 'manual',
      manualOn: '2024-02-01',
      setByName: 'Aino Asiakas',
      setAt: '2024-02-02T10:00:00.000Z',
      version: 3,
    },
    agreement: { reachedOn: '2024-04-15', source: 'derived', derivedOn: '2024-04-15' },
  },
  '2024-04-20',
);

describe('EmployerJourney', () => {
  let fixture: ComponentFixture<EmployerJourney>;
  let http: HttpTestingController;
  let changes: number;

  async function render(role: Role, journey: EmployerJourneyDto = arranged, archived = false): Promise<void> {
    ({ fixture, http } = await renderComponent(EmployerJourney, {
      noAnimations: true,
      signedIn: userWithRole(role),
      inputs: { employerId: 4, canEdit: role === 'admin' || role === 'account_manager', archived },
    }));
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => (changes += 1));
    http.expectOne(URL).flush(journey);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const item = (step: string) => element().querySelector(`li[data-step="${step}"]`) as HTMLElement;
  const text = (step: string) => item(step).textContent.replace(/\s+/g, ' ');
  const button = (within: HTMLElement, selector: string) => within.querySelector(selector) as HTMLButtonElement;
  const dateInput = (step: string) => item(step).querySelector('input[type="date"]') as HTMLInputElement;

  async function openEditor(step: string, date: string): Promise<void> {
    button(item(step), 'button.journey-edit').click();
    await fixture.whenStable();
    dateInput(step).value = date;
    dateInput(step).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(step: string): Promise<void> {
    button(item(step), 'button[type="submit"]').click();
    await fixture.whenStable();
  }

  it('lists the steps in order, each reached or not, with its date, source and rule', async () => {
    await render('campus_member');
    const steps = [...element().querySelectorAll('ol.journey > li')];
    expect(steps.map((li) => li.getAttribute('data-step'))).toEqual([...EMPLOYER_JOURNEY_STEPS]);
    expect(text('first_contact')).toContain('Ensikontakti tai tarve');
    expect(text('first_contact')).toContain('Vaihe 1/8');
    expect(text('first_contact')).toContain('Saavutettu 10.1.2024');
    expect(text('first_contact')).toContain('Päätelty tiedoista');
    expect(text('first_contact')).toContain('Ensimmäisen kirjatun yhteydenoton päivä.');
    expect(text('suitability')).toContain('Asetettu käsin: Aino Asiakas, 2.2.2024');
    expect(text('suitability')).toContain('Ei pääteltävissä tiedoista: asetetaan käsin.');
    expect(text('guidance')).toContain('Ei vielä saavutettu');
    expect(text('instructor_briefing')).toContain('Työpaikkaohjaaja nimetty 20.4.2024; perehdytystä ei ole kirjattu.');
    // The latest reached step is the current one, for screen readers as well as by its frame.
    expect(element().querySelectorAll('[aria-current]')).toHaveLength(1);
    expect(item('agreement').getAttribute('aria-current')).toBe('step');
    // A campus member reads the journey but sets nothing.
    expect(element().querySelector('button.journey-edit')).toBeNull();
  });

  it('shows the journey in English', async () => {
    await render('leadership');
    TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect(text('feedback')).toContain('Employer feedback (Työelämäpalaute)');
    expect(text('first_contact')).toContain('Reached 10.1.2024');
    expect(text('first_contact')).toContain('The date of the first logged contact entry.');
    expect(text('guidance')).toContain('Not reached yet');
  });

  it('sets a step’s date by hand with the step’s version and announces it', async () => {
    await render('account_manager');
    await openEditor('competence_demonstration', '2024-10-07');
    expect(document.activeElement).toBe(dateInput('competence_demonstration'));
    await submit('competence_demonstration');
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ step: 'competence_demonstration', reachedOn: '2024-10-07', version: 0 });
    request.flush(
      employerJourneyDto(4, {
        ...Object.fromEntries(arranged.steps.map((step) => [step.step, step])),
        competence_demonstration: {
          reachedOn: '2024-10-07',
          source: 'manual',
          manualOn: '2024-10-07',
          setByName: 'Aino Asiakas',
          setAt: '2024-10-08T09:00:00.000Z',
          version: 1,
        },
      }),
    );
    await fixture.whenStable();
    expect(element().querySelector('[role="status"]')?.textContent).toContain(
      'Tallennettu: Näyttö ja osaamisen arviointi 7.10.2024.',
    );
    expect(item('competence_demonstration').getAttribute('aria-current')).toBe('step');
    expect(dateInput('competence_demonstration')).toBeNull();
    expect(changes).toBe(1);
  });

  it('refuses a future date with the shared rule before sending anything', async () => {
    await render('account_manager');
    await openEditor('suitability', addDays(helsinkiDate(), 1));
    await submit('suitability');
    http.expectNone(URL);
    const error = item('suitability').querySelector('[role="alert"]')!;
    expect(error.textContent).toContain('Päivä ei voi olla tulevaisuudessa.');
    expect(dateInput('suitability').getAttribute('aria-describedby')).toBe(error.id);
    expect(changes).toBe(0);
  });

  it('clears a date set by hand', async () => {
    await render('admin');
    button(item('suitability'), 'button.journey-edit').click();
    await fixture.whenStable();
    expect(dateInput('suitability').value).toBe('2024-02-01');
    button(item('suitability'), 'button.clear').click();
    const request = http.expectOne(URL);
    expect(request.request.body).toEqual({ step: 'suitability', reachedOn: null, version: 3 });
    request.flush(employerJourneyDto(4, { first_contact: arranged.steps[0], suitability: { version: 4 } }));
    await fixture.whenStable();
    expect(text('suitability')).toContain('Ei vielä saavutettu');
    expect(element().querySelector('[role="status"]')?.textContent).toContain(
      'Käsin asetettu päivä poistettu: Soveltuvuuden ja kapasiteetin arviointi.',
    );
  });

  it('shows the journey saved meanwhile when the save was stale', async () => {
    await render('account_manager');
    await openEditor('feedback', '2024-06-30');
    await submit('feedback');
    const current = employerJourneyDto(4, { feedback: { reachedOn: '2024-06-01', source: 'manual', version: 1 } });
    flushApiError(http.expectOne(URL), 409, { code: 'STALE_VERSION', current });
    await fixture.whenStable();
    expect(element().querySelector('[role="status"]')?.textContent).toContain('Joku muu muutti polkua');
    expect(text('feedback')).toContain('Saavutettu 1.6.2024');
    expect(changes).toBe(0);
  });

  it('shows the API’s field error at the date', async () => {
    await render('account_manager');
    await openEditor('guidance', '2024-06-30');
    await submit('guidance');
    flushApiError(http.expectOne(URL), 400, {
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'reachedOn', code: 'date_in_future', message: 'Must not be in the future' }],
    });
    await fixture.whenStable();
    expect(item('guidance').querySelector('[role="alert"]')?.textContent).toContain(
      'Päivä ei voi olla tulevaisuudessa.',
    );
  });

  it('offers no changes on an archived employer', async () => {
    await render('admin', arranged, true);
    expect(element().querySelector('button.journey-edit')).toBeNull();
  });
});
