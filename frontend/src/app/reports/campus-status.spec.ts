import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CampusStatusDto, Me } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { nextRequest } from '../testing/http';
import { campusMemberHome, firstOwnGroup } from './campus-landing';
import { CampusStatus, nextStatusSort, statusSort } from './campus-status';

@Component({ selector: 'app-stub', template: 'stub', changeDetection: ChangeDetectionStrategy.OnPush })
class Stub {}

const member: Me = {
  id: 3,
  email: 'kalle@example.fi',
  displayName: 'Kalle Kampus',
  role: 'campus_member',
  campusGroupIds: [4, 6],
  locale: 'fi',
};

const status: CampusStatusDto = {
  campusGroup: { id: 4, name: 'Tekniikka', campus: 'Keskusta' },
  total: 2,
  items: [
    {
      employerId: 10,
      name: 'Kesko Oyj',
      municipality: 'Helsinki',
      lastContactAt: '2026-05-02T09:00:00Z',
      daysSinceContact: 120,
      noContact: 'days90',
      nextFollowUp: { id: 3, dueDate: '2026-12-01', title: 'Soita syksyn paikoista' },
      openOpportunities: 2,
      openPlaces: 5,
    },
    {
      employerId: 11,
      name: 'Posti Oyj',
      municipality: null,
      lastContactAt: null,
      daysSinceContact: null,
      noContact: 'days180',
      nextFollowUp: null,
      openOpportunities: 0,
      openPlaces: 0,
    },
  ],
};

describe('sort helpers', () => {
  it('accepts only known sort keys and flips the order of the sorted column', () => {
    expect(statusSort('-lastContact')).toBe('-lastContact');
    expect(statusSort('bogus')).toBe('name');
    expect(statusSort(undefined)).toBe('name');
    expect(nextStatusSort('name', 'name')).toBe('-name');
    expect(nextStatusSort('-name', 'lastContact')).toBe('lastContact');
  });
});

describe('CampusStatus', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string, who: Me = member): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: '', pathMatch: 'full', canActivate: [campusMemberHome], component: Stub },
            { path: 'campus-status', pathMatch: 'full', canActivate: [firstOwnGroup], component: Stub },
            { path: 'campus-status/:groupId', component: CampusStatus },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(who).asReadonly(), loadMe: () => Promise.resolve(who) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
  }

  const statusRequest = (): Promise<TestRequest> =>
    nextRequest(http, (request) => request.urlWithParams.startsWith('/api/campus-groups/4/status'));
  const flushGroups = async () =>
    (await nextRequest(http, (request) => request.urlWithParams.startsWith('/api/campus-groups?'))).flush({
      items: [
        { id: 4, name: 'Tekniikka', campus: 'Keskusta', memberCount: 4, createdAt: '', updatedAt: '', version: 1 },
        { id: 6, name: 'Sote', campus: 'Itä', memberCount: 2, createdAt: '', updatedAt: '', version: 1 },
      ],
      total: 2,
      nextCursor: null,
    });
  const element = () => harness.routeNativeElement as HTMLElement;

  afterEach(() => http.verify());

  it('takes a campus member from the home page to their first group', async () => {
    await open('/');
    expect(TestBed.inject(Router).url).toBe('/campus-status/4');
    await flushGroups();
    (await statusRequest()).flush(status);
  });

  it('sends the sort of the URL and shows last contact, next follow-up, opportunities and text flags', async () => {
    await open('/campus-status/4?sort=-lastContact');
    await flushGroups();
    const request = await statusRequest();
    expect(request.request.params.get('sort')).toBe('-lastContact');
    request.flush(status);
    await harness.fixture.whenStable();

    expect(element().querySelector('h1')?.textContent).toContain('Tilanne: Tekniikka');
    const rows = [...element().querySelectorAll('tbody tr')];
    const text = (row: Element) => row.textContent?.replace(/\s+/g, ' ').trim();
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('/employers/10');
    expect(text(rows[0])).toContain('2.5.2026');
    expect(text(rows[0])).toContain('120 pv sitten');
    expect(text(rows[0])).toContain('1.12.2026 Soita syksyn paikoista');
    expect(text(rows[0])).toContain('2 kpl, 5 paikkaa');
    expect(rows[0]?.querySelector('.flag')?.textContent?.trim()).toBe('Ei yhteyttä 90 pv');
    expect(text(rows[1])).toContain('Ei yhteydenottoja');
    expect(rows[1]?.querySelector('.flag')?.textContent?.trim()).toBe('Ei yhteyttä 180 pv');
    expect(element().querySelector('button[data-sort=lastContact]')?.closest('th')?.getAttribute('aria-sort')).toBe(
      'descending',
    );
    // The member's other group is a link away.
    expect(element().querySelector('.other-groups a')?.getAttribute('href')).toBe('/campus-status/6');
  });

  it('sorts by a column on click, and the second click turns the order round', async () => {
    await open('/campus-status/4');
    await flushGroups();
    const first = await statusRequest();
    expect(first.request.params.has('sort')).toBe(false);
    first.flush(status);
    await harness.fixture.whenStable();

    (element().querySelector('button[data-sort=nextFollowUp]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    const ascending = await statusRequest();
    expect(ascending.request.params.get('sort')).toBe('nextFollowUp');
    expect(TestBed.inject(Router).url).toBe('/campus-status/4?sort=nextFollowUp');
    ascending.flush(status);
    await harness.fixture.whenStable();

    (element().querySelector('button[data-sort=nextFollowUp]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    const descending = await statusRequest();
    expect(descending.request.params.get('sort')).toBe('-nextFollowUp');
    descending.flush(status);
  });

  it('leaves other roles on the home page', async () => {
    await open('/', { ...member, role: 'account_manager' });
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
