import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { convertToParamMap, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ActivityDto, Me, PipelineSummaryDto } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { nextRequest } from '../testing/http';
import { Dashboard } from './dashboard';
import { filtersFromParams, paramsFromFilters, presetRange } from './dashboard-filters';

const leader: Me = {
  id: 9,
  email: 'johto@example.fi',
  displayName: 'Jaana Johto',
  role: 'leadership',
  campusGroupIds: [],
  locale: 'fi',
};

const summary: PipelineSummaryDto = {
  from: '2026-01-01',
  to: '2026-03-31',
  rows: [
    { stage: 'negotiating', campusGroupId: 2, campusGroupName: 'Sote', type: 'apprenticeship', count: 4, places: 6 },
  ],
  totalsByStage: [
    { stage: 'identified', count: 0, places: 0 },
    { stage: 'contacted', count: 0, places: 0 },
    { stage: 'negotiating', count: 4, places: 6 },
    { stage: 'agreed', count: 0, places: 0 },
    { stage: 'won', count: 3, places: 3 },
    { stage: 'lost', count: 1, places: 0 },
  ],
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

const activity: ActivityDto = {
  from: '2026-01-01',
  to: '2026-03-31',
  granularity: 'month',
  buckets: [
    { start: '2026-01-01', total: 2 },
    { start: '2026-02-01', total: 0 },
    { start: '2026-03-01', total: 1 },
  ],
  rows: [
    { bucket: '2026-01-01', type: 'phone', count: 2 },
    { bucket: '2026-03-01', type: 'meeting', count: 1 },
  ],
  byCampusGroup: [
    { campusGroupId: 2, campusGroupName: 'Sote', type: 'phone', count: 2 },
    { campusGroupId: 2, campusGroupName: 'Sote', type: 'meeting', count: 1 },
  ],
  followUps: { open: 7, overdue: 2, done: 10, doneOnTime: 8, onTimePercent: 80 },
  noContact: { days90: 5, days180: 3 },
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
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'dashboard', component: Dashboard }]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(who).asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    (await nextRequest(http, (request) => request.urlWithParams.startsWith('/api/campus-groups'))).flush({
      items: [{ id: 2, name: 'Sote', campus: 'Itä', memberCount: 3, createdAt: '', updatedAt: '', version: 1 }],
      total: 1,
      nextCursor: null,
    });
  }

  const element = () => harness.routeNativeElement as HTMLElement;
  afterEach(() => http.verify());

  async function loadAll(): Promise<{ pipeline: URLSearchParams; activity: URLSearchParams }> {
    const pipeline = await nextRequest(http, (request) => request.urlWithParams.startsWith('/api/pipeline/summary'));
    const activityRequest = await nextRequest(http, (request) =>
      request.urlWithParams.startsWith('/api/dashboard/activity'),
    );
    const params = {
      pipeline: new URLSearchParams(pipeline.request.urlWithParams.split('?')[1]),
      activity: new URLSearchParams(activityRequest.request.urlWithParams.split('?')[1]),
    };
    pipeline.flush(summary);
    activityRequest.flush(activity);
    await harness.fixture.whenStable();
    return params;
  }

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
    await open('/dashboard', { ...leader, role: 'account_manager' });
    const { pipeline } = await loadAll();
    expect(pipeline.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(element().querySelector('a[data-drill=overdue]')?.getAttribute('href')).toBe('/my-work?due=overdue');
  });

  it('shows the API error instead of figures', async () => {
    await open('/dashboard');
    (await nextRequest(http, (request) => request.urlWithParams.startsWith('/api/pipeline/summary'))).flush(
      { statusCode: 403, error: 'Forbidden', message: 'x', code: 'FORBIDDEN' },
      { status: 403, statusText: 'Forbidden' },
    );
    http
      .match((request) => request.url === '/api/dashboard/activity')
      .forEach((request) => expect(request.cancelled).toBe(true));
    await harness.fixture.whenStable();
    expect(element().querySelector('.form-error')?.textContent).toContain('Tilannekuvan lataus epäonnistui');
    expect(element().querySelector('app-funnel-chart')).toBeNull();
  });
});
