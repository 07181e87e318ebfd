import type { HttpTestingController } from '@angular/common/http/testing';
import { convertToParamMap } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import type { Me, PipelineSummaryDto, WorkplaceLearningDashboardDto } from '@tyoelama/shared';

import { openRoute } from '../testing/app';
import { campusGroup, page, userWithRole } from '../testing/data';
import { submit, typeInto } from '../testing/dom';
import { flushApiError, nextRequestTo } from '../testing/http';
import { Dashboard } from './dashboard';
import { filtersFromParams, paramsFromFilters, presetRange } from './dashboard-filters';
import { activityReport, stageTotals } from './reports.testing';

const leader = userWithRole('leadership');

const summary: PipelineSummaryDto = {
  from: '2026-01-01',
  to: '2026-03-31',
  rows: [
    { stage: 'negotiating', campusGroupId: 2, campusGroupName: 'Sote', type: 'apprenticeship', count: 4, places: 6 },
  ],
  totalsByStage: stageTotals({ negotiating: [4, 6], won: [3, 3], lost: [1, 0] }),
  winRate: { won: 3, lost: 1, rate: 0.75 },
  averageDaysInStage: [
    { stage: 'identified', stays: 2, averageDays: 4.5 },
    { stage: 'contacted', stays: 0, averageDays: null },
    { stage: 'negotiating', stays: 4, averageDays: 12 },
    { stage: 'agreed', stays: 0, averageDays: null },
  ],
  stale: {
    days: 30,
    count: 1,
    items: [
      {
        id: 5,
        title: 'Kevään koulutussopimukset',
        stage: 'negotiating',
        employerId: 4,
        employerName: 'Kesko Oyj',
        daysIdle: 41,
      },
    ],
  },
};

const activity = activityReport(
  { '2026-01-01': { phone: 2 }, '2026-02-01': {}, '2026-03-01': { meeting: 1 } },
  {
    from: '2026-01-01',
    to: '2026-03-31',
    granularity: 'month',
    byCampusGroup: [
      { campusGroupId: 2, campusGroupName: 'Sote', type: 'phone', count: 2 },
      { campusGroupId: 2, campusGroupName: 'Sote', type: 'meeting', count: 1 },
    ],
    followUps: { open: 7, overdue: 2, done: 10, doneOnTime: 8, onTimePercent: 80 },
    noContact: { days90: 5, days180: 3 },
  },
);

const emptyWorkplaceLearning: WorkplaceLearningDashboardDto = {
  from: '2026-01-01',
  to: '2026-03-31',
  terms: ['2026-spring'],
  hosted: [],
  responseRates: [],
};

describe('dashboard filters', () => {
  it('turns presets into Helsinki day ranges ending today', () => {
    expect(presetRange('last30', '2026-11-24')).toEqual({ from: '2026-10-26', to: '2026-11-24' });
    expect(presetRange('thisYear', '2026-11-24')).toEqual({ from: '2026-01-01', to: '2026-11-24' });
    expect(presetRange('last12', '2026-11-24')).toEqual({ from: '2025-11-25', to: '2026-11-24' });
  });

  it('reads a custom range from the URL and falls back to the default on a bad one', () => {
    const custom = filtersFromParams(
      convertToParamMap({ period: 'custom', from: '2026-01-01', to: '2026-03-31', type: 'bogus' }),
      '2026-11-24',
    );
    expect(custom).toEqual({
      period: 'custom',
      from: '2026-01-01',
      to: '2026-03-31',
      campusGroupId: null,
      type: null,
      granularity: 'week',
    });
    const reversed = filtersFromParams(
      convertToParamMap({ period: 'custom', from: '2026-04-01', to: '2026-03-31' }),
      '2026-11-24',
    );
    expect(reversed.period).toBe('last12');
    expect(reversed.from).toBe('2025-11-25');
  });

  it('writes only what differs from the default into the URL', () => {
    const filters = filtersFromParams(convertToParamMap({}), '2026-11-24');
    expect(paramsFromFilters(filters)).toEqual({});
    expect(
      paramsFromFilters({
        ...filters,
        period: 'last30',
        ...presetRange('last30', '2026-11-24'),
        granularity: 'day',
        campusGroupId: 2,
      }),
    ).toEqual({
      period: 'last30',
      campusGroupId: 2,
    });
  });
});

describe('Dashboard', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string, who: Me = leader): Promise<void> {
    ({ harness, http } = await openRoute(url, {
      routes: [{ path: 'dashboard', component: Dashboard }],
      signedIn: who,
    }));
    (await nextRequestTo(http, '/api/campus-groups')).flush(page([campusGroup(2, 'Sote', 'Itä', 3)]));
  }

  const element = () => harness.routeNativeElement as HTMLElement;
  const workplaceLearningRequests = () => http.match((request) => request.url === '/api/dashboard/workplace-learning');
  afterEach(() => {
    // The workplace-learning figures load on their own once the dashboard shows; a test not about them leaves them be.
    for (const request of workplaceLearningRequests()) if (!request.cancelled) request.flush(emptyWorkplaceLearning);
    http.verify();
  });

  async function loadAll(): Promise<{ pipeline: URLSearchParams; activity: URLSearchParams }> {
    const pipeline = await nextRequestTo(http, '/api/pipeline/summary');
    const activityRequest = await nextRequestTo(http, '/api/dashboard/activity');
    const params = {
      pipeline: new URLSearchParams(pipeline.request.urlWithParams.split('?')[1]),
      activity: new URLSearchParams(activityRequest.request.urlWithParams.split('?')[1]),
    };
    pipeline.flush(summary);
    activityRequest.flush(activity);
    await harness.fixture.whenStable();
    return params;
  }

  it('shows tile placeholders, busy, until the first figures come', async () => {
    await open('/dashboard');
    await harness.fixture.whenStable();
    expect(element().querySelector('app-skeleton .shapes')?.getAttribute('data-shape')).toBe('tiles');
    expect(element().querySelector('[aria-busy=true]')).not.toBeNull();
    expect(element().querySelector('.tile-group')).toBeNull();
    await loadAll();
    expect(element().querySelector('app-skeleton')).toBeNull();
    expect(element().querySelector('[aria-busy]')).toBeNull();
  });

  it('sends the filters of the URL to both endpoints', async () => {
    await open('/dashboard?period=custom&from=2026-01-01&to=2026-03-31&campusGroupId=2&type=apprenticeship');
    const { pipeline, activity: activityParams } = await loadAll();
    expect(Object.fromEntries(pipeline)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      campusGroupId: '2',
      type: 'apprenticeship',
    });
    expect(Object.fromEntries(activityParams)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      granularity: 'week',
      campusGroupId: '2',
    });
    expect(element().textContent).toContain('Ajanjakso 1.1.2026–31.3.2026');
  });

  it('shows students per campus group and term and the survey response rate, for the same period and group', async () => {
    await open('/dashboard?period=custom&from=2025-08-01&to=2026-03-31&campusGroupId=2');
    await loadAll();
    const request = await nextRequestTo(http, '/api/dashboard/workplace-learning');
    expect(
      Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)])),
    ).toEqual({ from: '2025-08-01', to: '2026-03-31', campusGroupId: '2' });
    request.flush({
      ...emptyWorkplaceLearning,
      terms: ['2025-autumn', '2026-spring'],
      hosted: [
        {
          campusGroupId: 2,
          campusGroupName: 'Sote',
          term: '2025-autumn',
          year: 2025,
          season: 'autumn',
          trainingAgreement: 4,
          apprenticeship: 1,
        },
      ],
      responseRates: [{ campusGroupId: 2, campusGroupName: 'Sote', answered: 2, due: 3, rate: 2 / 3 }],
    } satisfies WorkplaceLearningDashboardDto);
    await harness.fixture.whenStable();
    const tables = [...element().querySelectorAll('app-workplace-learning-figures app-data-table')];
    const cells = (table: Element) =>
      [...table.querySelectorAll('tbody tr')].map((row) =>
        [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
      );
    expect(cells(tables[0])).toEqual([['Sote', 'Syksy 2025', '4', '1']]);
    expect(cells(tables[1])).toEqual([['Sote', '2', '3', '66,7 %']]);
  });

  it('links each figure to the list behind it, with the same filters', async () => {
    await open('/dashboard?period=custom&from=2026-01-01&to=2026-03-31&campusGroupId=2&type=apprenticeship');
    await loadAll();
    const funnelLinks = [...element().querySelectorAll('app-funnel-chart tbody a')].map((link) =>
      link.getAttribute('href'),
    );
    expect(funnelLinks[2]).toBe('/pipeline?stage=negotiating&campusGroupId=2&type=apprenticeship');
    expect(element().querySelector('a[data-drill=noContact90]')?.getAttribute('href')).toBe(
      '/employers?noContactDays=90&campusGroupId=2',
    );
    expect(element().querySelector('a[data-drill=noContact180]')?.getAttribute('href')).toBe(
      '/employers?noContactDays=180&campusGroupId=2',
    );
    expect(element().querySelector('a[data-drill=noContact90]')?.textContent).toMatch(
      /^\s*5\s*Ei yhteyttä 90 päivään\s*$/,
    );
    // Leadership has no work list: the follow-up tiles are figures, not links.
    expect(element().querySelector('a[data-drill=overdue]')).toBeNull();
    expect(element().textContent).toContain('75 %');
    expect(element().textContent).toContain('3 toteutunut, 1 menetetty ajanjaksolla');
    expect(element().querySelector('a[href="/employers/4"]')?.textContent).toBe('Kesko Oyj');
  });

  it('links the overdue follow-ups to the work list for those who have one', async () => {
    await open('/dashboard', userWithRole('account_manager'));
    const { pipeline } = await loadAll();
    expect(pipeline.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(element().querySelector('a[data-drill=overdue]')?.getAttribute('href')).toBe('/my-work?due=overdue');
  });

  it('applies a custom range typed in, and refuses one that ends before it starts', async () => {
    await open('/dashboard?period=custom&from=2026-01-01&to=2026-03-31');
    await loadAll();
    const from = element().querySelector<HTMLInputElement>('input[name=from]')!;
    expect(from.value).toBe('2026-01-01');

    typeInto(harness.fixture, 'input[name=from]', '2026-04-01');
    await submit(harness.fixture, 'form');
    expect(element().querySelector('#dashboard-range-error')?.textContent).toContain(
      'Loppupäivä ei voi olla ennen alkupäivää.',
    );
    expect(from.getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/pipeline/summary');

    typeInto(harness.fixture, 'input[name=to]', '2026-04-30');
    await submit(harness.fixture, 'form');
    const { pipeline } = await loadAll();
    expect([pipeline.get('from'), pipeline.get('to')]).toEqual(['2026-04-01', '2026-04-30']);
    expect(element().querySelector('#dashboard-range-error')).toBeNull();
  });

  it('shows the API error instead of figures', async () => {
    await open('/dashboard');
    flushApiError(await nextRequestTo(http, '/api/pipeline/summary'), 403, { code: 'FORBIDDEN' });
    http
      .match((request) => request.url === '/api/dashboard/activity')
      .forEach((request) => expect(request.cancelled).toBe(true));
    await harness.fixture.whenStable();
    expect(element().querySelector('.form-error')?.textContent).toContain('Tilannekuvan lataus epäonnistui');
    expect(element().querySelector('app-funnel-chart')).toBeNull();
  });
});
