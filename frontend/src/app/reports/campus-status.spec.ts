import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, withComponentInputBinding } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import type { CampusStatusDto, Me } from '@tyoelama/shared';

import { openRoute } from '../testing/app';
import { campusGroup, page, userWithRole } from '../testing/data';
import { nextRequestTo } from '../testing/http';
import { firstOwnGroup } from './campus-landing';
import { CampusStatus, nextStatusSort, statusSort } from './campus-status';

@Component({ selector: 'app-stub', template: 'stub', changeDetection: ChangeDetectionStrategy.OnPush })
class Stub {}

const member = userWithRole('campus_member', { campusGroupIds: [4, 6] });

const status: CampusStatusDto = {
  campusGroup: { id: 4, name: 'Tekniikka', campus: 'Keskusta' },
  total: 3,
  items: [
    {
      employerId: 10,
      name: 'Kesko Oyj',
      municipality: 'Helsinki',
      lastContactAt: '2026-05-02T09:00:00Z',
      daysSinceContact: 120,
      noContact: 'days90',
      nextFollowUp: { id: 3, dueDate: '2026-12-01', title: 'Soita syksyn paikoista', overdue: false },
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
    {
      employerId: 12,
      name: 'Valio Oy',
      municipality: null,
      lastContactAt: '2026-10-02T09:00:00Z',
      daysSinceContact: 30,
      noContact: 'none',
      nextFollowUp: { id: 5, dueDate: '2026-10-20', title: 'Lähetä sopimus', overdue: true },
      openOpportunities: 1,
      openPlaces: 1,
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
    ({ harness, http } = await openRoute(url, {
      routes: [
        { path: 'campus-status', pathMatch: 'full', canActivate: [firstOwnGroup], component: Stub },
        { path: 'campus-status/:groupId', component: CampusStatus },
      ],
      routerFeatures: [withComponentInputBinding()],
      signedIn: who,
    }));
  }

  const statusRequest = (): Promise<TestRequest> => nextRequestTo(http, '/api/campus-groups/4/status');
  const flushGroups = async () =>
    (await nextRequestTo(http, '/api/campus-groups?')).flush(
      page([campusGroup(4, 'Tekniikka', 'Keskusta'), campusGroup(6, 'Sote', 'Itä', 2)]),
    );
  const element = () => harness.routeNativeElement as HTMLElement;

  /** Clicks the sort button of `column`; the status request that follows. */
  async function sortBy(column: string): Promise<TestRequest> {
    (element().querySelector(`button[data-sort=${column}]`) as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    return statusRequest();
  }

  afterEach(() => http.verify());

  it('takes a campus member from /campus-status to their first group', async () => {
    await open('/campus-status');
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
    // An overdue follow-up is marked in words, the sign hidden from screen readers; others are not.
    expect(rows[0]?.querySelector('.overdue-mark')).toBeNull();
    const overdue = rows[2]?.querySelector('.overdue-mark');
    expect(overdue?.textContent?.trim()).toBe('⚠ Myöhässä');
    expect(overdue?.querySelector('[aria-hidden=true]')?.textContent?.trim()).toBe('⚠');
    expect(text(rows[2])).toContain('20.10.2026 ⚠ Myöhässä');
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

    const ascending = await sortBy('nextFollowUp');
    expect(ascending.request.params.get('sort')).toBe('nextFollowUp');
    expect(TestBed.inject(Router).url).toBe('/campus-status/4?sort=nextFollowUp');
    ascending.flush(status);
    await harness.fixture.whenStable();

    const descending = await sortBy('nextFollowUp');
    expect(descending.request.params.get('sort')).toBe('-nextFollowUp');
    descending.flush(status);
  });
});
