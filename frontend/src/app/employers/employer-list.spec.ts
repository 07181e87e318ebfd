import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import type { EmployerListItemDto, Me } from '@tyoelama/shared';

import { openRoute } from '../testing/app';
import { whenStableOnFakeClock } from '../testing/fake-clock';
import { nextRequestTo } from '../testing/http';
import { EMPLOYER_LIST_SEARCH_PAUSE_MS, EmployerList } from './employer-list';
import { employer, flushLookups, me, page } from './employers.testing';

const row = (id: number, name: string): EmployerListItemDto => ({ ...employer, id, name });

describe('EmployerList', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string, who: Me = me('account_manager')): Promise<void> {
    ({ harness, http } = await openRoute(url, {
      routes: [{ path: 'employers', component: EmployerList }],
      signedIn: who,
    }));
    flushLookups(http);
  }

  const employersRequest = () => nextRequestTo(http, '/api/employers');
  const element = () => harness.routeNativeElement as HTMLElement;

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows table-row placeholders, busy, until the first page comes', async () => {
    await open('/employers');
    const request = await employersRequest();
    await settle();
    expect(element().querySelector('app-skeleton .shapes')?.getAttribute('data-shape')).toBe('table');
    expect(element().querySelector('[aria-live][aria-busy=true]')?.textContent).toContain('Ladataan…');
    request.flush(page([row(1, 'Kesko Oyj')]));
    await settle();
    expect(element().querySelector('app-skeleton')).toBeNull();
    expect(element().querySelector('[aria-busy]')).toBeNull();
    expect(element().querySelector('tbody')?.textContent).toContain('Kesko Oyj');
  });

  it('sends the filters of the URL to the API', async () => {
    await open(
      '/employers?status=partner&campusGroupId=2&noContactDays=90&archived=all&sort=-lastContact&q=kesko&bogus=1',
    );
    const request = await employersRequest();
    const params = request.request.params;
    expect(params.keys().sort()).toEqual([
      'archived',
      'campusGroupId',
      'limit',
      'noContactDays',
      'q',
      'sort',
      'status',
    ]);
    expect(params.get('status')).toBe('partner');
    expect(params.get('campusGroupId')).toBe('2');
    expect(params.get('noContactDays')).toBe('90');
    expect(params.get('archived')).toBe('all');
    expect(params.get('sort')).toBe('-lastContact');
    expect(params.get('q')).toBe('kesko');
    request.flush(page([row(1, 'Kesko Oyj')]));
    await settle();
    expect((element().querySelector('input[name=q]') as HTMLInputElement).value).toBe('kesko');
  });

  it('marks flagged employers with a named marker and filters them by the URL', async () => {
    await open('/employers?registerFlags=true');
    const request = await employersRequest();
    expect(request.request.params.get('registerFlags')).toBe('true');
    request.flush(page([{ ...row(1, 'Kesko Oyj'), registerFlags: ['ceased', 'name_changed'] }, row(2, 'Terve Oy')]));
    await settle();
    const markers = [...element().querySelectorAll('tbody [role=img]')];
    expect(markers.map((marker) => marker.getAttribute('aria-label'))).toEqual([
      'YTJ-huomio: lakannut, nimi muuttunut',
    ]);
    const toggle = [...element().querySelectorAll<HTMLInputElement>('input[role=switch]')].find((candidate) =>
      candidate.closest('label')?.textContent?.includes('Vain YTJ-huomiot'),
    )!;
    expect(toggle.checked).toBe(true);
  });

  it('toggles the sort order of a column and says so with aria-sort', async () => {
    await open('/employers');
    (await employersRequest()).flush(page([row(1, 'A Oy'), row(2, 'B Oy')]));
    await settle();
    const header = () => element().querySelector('button[data-sort=lastContact]')!.closest('th')!;
    expect(header().getAttribute('aria-sort')).toBe('none');
    expect(element().querySelector('button[data-sort=name]')!.closest('th')!.getAttribute('aria-sort')).toBe(
      'ascending',
    );

    (element().querySelector('button[data-sort=lastContact]') as HTMLButtonElement).click();
    let request: TestRequest = await employersRequest();
    expect(request.request.params.get('sort')).toBe('lastContact');
    expect(TestBed.inject(Router).url).toBe('/employers?sort=lastContact');
    request.flush(page([row(1, 'A Oy')]));
    await settle();
    expect(header().getAttribute('aria-sort')).toBe('ascending');

    (element().querySelector('button[data-sort=lastContact]') as HTMLButtonElement).click();
    request = await employersRequest();
    expect(request.request.params.get('sort')).toBe('-lastContact');
    request.flush(page([row(1, 'A Oy')]));
    await settle();
    expect(header().getAttribute('aria-sort')).toBe('descending');
  });

  it('appends the next page and shows how many of all are shown', async () => {
    await open('/employers');
    (await employersRequest()).flush(page([row(1, 'A Oy'), row(2, 'B Oy')], 'next-1', 3));
    await settle();
    expect(element().textContent).toContain('Näytetään 2 / 3');

    (element().querySelector('button.load-more') as HTMLButtonElement).click();
    const request = await employersRequest();
    expect(request.request.params.get('cursor')).toBe('next-1');
    request.flush(page([row(3, 'C Oy')], null, 3));
    await settle();
    expect([...element().querySelectorAll('tbody th a')].map((a) => a.textContent)).toEqual(['A Oy', 'B Oy', 'C Oy']);
    expect(element().textContent).toContain('Näytetään 3 / 3');
    expect(element().querySelector('button.load-more')).toBeNull();
  });

  it('searches as you type after a pause, and puts the search in the URL', async () => {
    await open('/employers');
    (await employersRequest()).flush(page([row(1, 'A Oy')]));
    // The pause is measured on Jest's clock, so a busy machine cannot stretch it.
    jest.useFakeTimers();
    try {
      const input = element().querySelector('input[name=q]') as HTMLInputElement;
      input.value = 'kes';
      input.dispatchEvent(new Event('input'));
      await jest.advanceTimersByTimeAsync(EMPLOYER_LIST_SEARCH_PAUSE_MS - 1);
      http.expectNone((request) => request.url === '/api/employers');
      await jest.advanceTimersByTimeAsync(1);
      await whenStableOnFakeClock(harness.fixture);
      const request = http.expectOne((candidate) => candidate.url === '/api/employers');
      expect(request.request.params.get('q')).toBe('kes');
      expect(TestBed.inject(Router).url).toBe('/employers?q=kes');
      request.flush(page([]));
    } finally {
      jest.useRealTimers();
    }
  });

  it('invites a writer to add the first employer when there are none', async () => {
    await open('/employers');
    (await employersRequest()).flush(page([]));
    await settle();
    expect(element().textContent).toContain('Työnantajia ei ole vielä');
    expect(element().querySelector('.empty a[href="/employers/new"]')).not.toBeNull();
  });

  it('offers to clear the filters when nothing matches, and hides "new" from readers', async () => {
    await open('/employers?status=inactive&sort=-name', me('leadership'));
    (await employersRequest()).flush(page([]));
    await settle();
    expect(element().textContent).toContain('Rajauksia vastaavia työnantajia ei löytynyt.');
    expect(element().querySelector('a[href="/employers/new"]')).toBeNull();
    (element().querySelector('.empty button') as HTMLButtonElement).click();
    const request = await employersRequest();
    expect(request.request.params.get('status')).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/employers?sort=-name');
    request.flush(page([]));
  });
});
