import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { EmployerWorkplaceLearningDto, Me } from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { userWithRole } from '../testing/data';
import { nextRequestTo } from '../testing/http';
import { EmployerWorkplaceLearning } from './employer-workplace-learning';

const empty: EmployerWorkplaceLearningDto = {
  employerId: 7,
  today: '2026-06-15',
  hasData: false,
  years: [],
  ongoing: { trainingAgreement: 0, apprenticeship: 0, total: 0 },
  qualifications: [],
  totalDays: 0,
  endedApprenticeships: [],
  instructors: [],
  workplaceSurveys: [],
  instructorSurveys: { sent: 0, answered: 0 },
};

const full: EmployerWorkplaceLearningDto = {
  ...empty,
  hasData: true,
  years: [
    { year: 2026, trainingAgreement: 2, apprenticeship: 1, total: 2 },
    { year: 2025, trainingAgreement: 1, apprenticeship: 0, total: 1 },
  ],
  ongoing: { trainingAgreement: 0, apprenticeship: 1, total: 1 },
  qualifications: [{ code: '351101', name: 'Liiketoiminnan perustutkinto', students: 2 }],
  totalDays: 1411,
  endedApprenticeships: [{ endedOn: '2024-09-30', inTrialPeriod: true, qualificationName: null }],
  instructors: [
    {
      contactPersonId: 31,
      name: 'Ilona Ohjaaja',
      email: 'ilona@example.fi',
      phone: null,
      periods: 1,
      latestPeriodStartsOn: '2026-05-01',
    },
  ],
  workplaceSurveys: [
    {
      code: 'A',
      halfYear: '2026-1',
      validFrom: '2026-01-01',
      validUntil: '2026-06-30',
      state: 'open',
      url: 'https://arvo.example.fi/v/A',
      answers: 0,
      targets: 1,
    },
    {
      code: 'B',
      halfYear: '2025-2',
      validFrom: '2025-08-01',
      validUntil: '2025-12-31',
      state: 'answered',
      url: null,
      answers: 1,
      targets: 1,
    },
    {
      code: 'C',
      halfYear: '2025-1',
      validFrom: '2025-01-01',
      validUntil: '2025-06-30',
      state: 'expired',
      url: null,
      answers: 0,
      targets: 1,
    },
  ],
  instructorSurveys: { sent: 3, answered: 1 },
};

describe('EmployerWorkplaceLearning', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<EmployerWorkplaceLearning>;

  async function show(data: EmployerWorkplaceLearningDto, who: Me = userWithRole('account_manager')) {
    ({ fixture, http } = await renderComponent(EmployerWorkplaceLearning, {
      inputs: { employerId: 7 },
      signedIn: who,
    }));
    (await nextRequestTo(http, '/api/employers/7/workplace-learning')).flush(data);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  afterEach(() => http.verify());

  it('says where the data comes from when there is none, with the import link for those who import', async () => {
    const element = await show(empty);
    expect(text(element)).toContain('Tästä työnantajasta ei ole vielä jakso- eikä palautetietoja.');
    expect(text(element)).toContain('Tuo KOSKI-, eHOKS- ja Arvo-tiedostot tuontisivulta.');
    expect(element.querySelector('a[href="/import"]')).not.toBeNull();
  });

  it('leaves the import link out for a campus member, who cannot import', async () => {
    const element = await show(empty, userWithRole('campus_member', { campusGroupIds: [1] }));
    expect(text(element)).toContain('Tuo KOSKI-, eHOKS- ja Arvo-tiedostot tuontisivulta.');
    expect(element.querySelector('a[href="/import"]')).toBeNull();
  });

  it('shows the figures, the per-year table, instructors and surveys with their state in words', async () => {
    const element = await show(full);
    const figures = [...element.querySelectorAll('.figures li')].map((item) => [
      text(item.querySelector('.figure')).replace(/\s/g, ' '),
      text(item.querySelector('.label')),
    ]);
    expect(figures).toEqual([
      ['1', 'Opiskelijoita nyt'],
      ['2', 'Opiskelijoita vuonna 2026'],
      ['1 411', 'Päiviä työpaikalla yhteensä'],
    ]);
    const yearRows = [...element.querySelectorAll('app-data-table')[0].querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map(text),
    );
    expect(yearRows).toEqual([
      ['2026', '2', '1', '2'],
      ['2025', '1', '0', '1'],
    ]);
    expect(text(element.querySelector('.instructors'))).toContain('Ilona Ohjaaja');
    expect(element.querySelector('.instructors a[href="mailto:ilona@example.fi"]')).not.toBeNull();
    expect(text(element)).toContain('30.9.2024, koeajalla');

    const surveyRows = [...element.querySelectorAll('app-data-table')[1].querySelectorAll('tbody tr')];
    expect(surveyRows.map((row) => text(row.querySelector('.state')))).toEqual(['Avoin', 'Vastattu', 'Vanhentunut']);
    expect(surveyRows[0].querySelector('a')?.getAttribute('href')).toBe('https://arvo.example.fi/v/A');
    expect(surveyRows[1].querySelector('a')).toBeNull();
    expect(text(surveyRows[0])).toContain('1/2026');
    expect(text(element.querySelector('.instructor-surveys'))).toBe('Työpaikkaohjaajakyselyt: vastattu 1 / 3');
  });
});
