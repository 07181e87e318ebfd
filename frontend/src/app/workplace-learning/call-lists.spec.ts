import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import type { CallListPageDto, Me } from '@tyoelama/shared';

import { openRoute } from '../testing/app';
import { campusGroup, page, userWithRole } from '../testing/data';
import { nextRequestTo } from '../testing/http';
import { CallLists } from './call-lists';

const noContact: CallListPageDto<'no-recent-contact'> = {
  list: 'no-recent-contact',
  today: '2026-06-15',
  total: 2,
  offset: 0,
  items: [
    {
      employerId: 10,
      employerName: 'Alfa Oy',
      accountManagerName: 'Maija Myyjä',
      lastContactAt: null,
      studentsNow: 3,
      surveyDeadline: null,
      surveyUrl: null,
      lastYearStudents: null,
    },
  ],
};

const unknown: CallListPageDto<'unknown-business-ids'> = {
  list: 'unknown-business-ids',
  today: '2026-06-15',
  total: 1,
  offset: 0,
  items: [
    {
      businessId: '1234567-1',
      workplaceName: 'Tuntematon Ky',
      periods: 3,
      students: 2,
      latestStartsOn: '2026-01-15',
      campusNames: ['Keskusta'],
    },
  ],
};

describe('CallLists', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string, who: Me = userWithRole('account_manager')): Promise<HTMLElement> {
    ({ harness, http } = await openRoute(url, {
      routes: [{ path: 'call-lists', component: CallLists }],
      signedIn: who,
    }));
    (await nextRequestTo(http, '/api/campus-groups?')).flush(page([campusGroup(4, 'Tekniikka', 'Keskusta')]));
    return harness.routeNativeElement as HTMLElement;
  }
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  afterEach(() => http.verify());

  it('shows the first list with the employer linked, the figure, the count and a CSV of the filtered list', async () => {
    const element = await open('/call-lists?campusGroupId=4');
    const request = await nextRequestTo(http, '/api/call-lists/no-recent-contact');
    expect(request.request.params.get('campusGroupId')).toBe('4');
    request.flush(noContact);
    await harness.fixture.whenStable();

    const row = element.querySelector('tbody tr')!;
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/employers/10');
    expect([...row.children].map(text)).toEqual(['Alfa Oy', 'Maija Myyjä', '3', 'Ei koskaan']);
    expect(text(element.querySelector('.count'))).toBe('Näytetään 1 / 2');
    expect(element.querySelector('a.export')?.getAttribute('href')).toBe(
      '/api/call-lists/no-recent-contact/export.csv?campusGroupId=4',
    );
    expect(element.querySelector('[aria-current=page]')?.textContent).toContain('ei yhteydenottoa 90 päivään');

    // "Show more" asks for the next page and appends it.
    (element.querySelector('button.more') as HTMLButtonElement).click();
    const more = await nextRequestTo(http, '/api/call-lists/no-recent-contact');
    expect(more.request.params.get('offset')).toBe('1');
    more.flush({
      ...noContact,
      offset: 1,
      items: [{ ...noContact.items[0], employerId: 11, employerName: 'Beta Oy' }],
    });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(element.querySelector('button.more')).toBeNull();
  });

  it('switches lists by link and shows grouped unknown Y-tunnukset without the group filter', async () => {
    const element = await open('/call-lists');
    (await nextRequestTo(http, '/api/call-lists/no-recent-contact')).flush(noContact);
    await harness.fixture.whenStable();
    const link = [...element.querySelectorAll('nav a')].find((a) => text(a) === 'Tuntemattomat Y-tunnukset');
    (link as HTMLAnchorElement).click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/call-lists?list=unknown-business-ids');
    (await nextRequestTo(http, '/api/call-lists/unknown-business-ids')).flush(unknown);
    await harness.fixture.whenStable();
    expect([...element.querySelector('tbody tr')!.children].map(text)).toEqual([
      '1234567-1',
      'Tuntematon Ky',
      '3',
      '2',
      '15.1.2026',
      'Keskusta',
    ]);
    expect(element.querySelector('app-filter-select')).toBeNull();
    expect(text(element)).toContain('Nämä jaksot eivät kuulu millekään campus-ryhmälle.');
  });

  it('offers a campus member only the employer lists', async () => {
    const element = await open(
      '/call-lists?list=periods-without-business-id',
      userWithRole('campus_member', { campusGroupIds: [4] }),
    );
    // The period list is not theirs: the page falls back to the first list.
    (await nextRequestTo(http, '/api/call-lists/no-recent-contact')).flush({ ...noContact, items: [], total: 0 });
    await harness.fixture.whenStable();
    const titles = [...element.querySelectorAll('nav a')].map(text);
    expect(titles).toHaveLength(3);
    expect(titles).not.toContain('Jaksot ilman Y-tunnusta');
    expect(text(element)).toContain('Kaikkiin opiskelijoita nyt ohjaaviin työpaikkoihin on oltu yhteydessä');
  });
});
