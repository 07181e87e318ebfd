import type { HttpTestingController } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { SearchResultDto } from '@tyoelama/shared';

import { Shell } from '../shell/shell';
import { renderComponent, setUpApp } from '../testing/app';
import { userWithRole } from '../testing/data';
import { whenStableOnFakeClock } from '../testing/fake-clock';
import { SEARCH_DEBOUNCE_MS, SearchDialog } from './search-dialog';
import { SearchLauncher, isSearchShortcut } from './search-launcher';

const result: SearchResultDto = {
  employers: [
    { id: 4, name: 'Kesko Oyj', businessId: '0109862-8', municipality: 'Helsinki' },
    { id: 5, name: 'Keskisuomalainen Oyj', businessId: null, municipality: 'Jyväskylä' },
  ],
  contactPersons: [
    { id: 8, name: 'Kerttu Kesäläinen', title: 'HR-päällikkö', employerId: 9, employerName: 'Posti Oyj' },
  ],
  opportunities: [{ id: 12, title: 'Kesätyöpaikat', stage: 'negotiating', employerId: 4, employerName: 'Kesko Oyj' }],
};

describe('SearchDialog', () => {
  let fixture: ComponentFixture<SearchDialog>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    // The debounce runs on Jest's clock, not the machine's: a busy machine cannot make it late.
    jest.useFakeTimers();
    http = setUpApp();
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(SearchDialog);
    await whenStableOnFakeClock(fixture);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const input = () => element().querySelector('#global-search-input') as HTMLInputElement;

  async function type(value: string): Promise<void> {
    input().value = value;
    input().dispatchEvent(new Event('input'));
    await jest.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    http.expectNone('/api/search');
    await jest.advanceTimersByTimeAsync(1);
  }

  function press(key: string): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    input().dispatchEvent(event);
    return event;
  }

  async function search(): Promise<void> {
    await type('kes');
    const request = http.expectOne((candidate) => candidate.url === '/api/search');
    expect(request.request.params.get('q')).toBe('kes');
    expect(request.request.params.get('limit')).toBe('5');
    request.flush(result);
    await whenStableOnFakeClock(fixture);
  }

  it('is a labelled combobox that asks nothing for under two characters', async () => {
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-controls')).toBe('global-search-results');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(element().querySelector('label[for=global-search-input]')).not.toBeNull();
    await type('k');
    http.expectNone('/api/search');
  });

  it('groups the results under their kind in a listbox', async () => {
    await search();
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const groups = [...element().querySelectorAll('[role=listbox] [role=group]')];
    expect(
      groups.map((group) => document.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent?.trim()),
    ).toEqual(['Työnantajat', 'Yhteyshenkilöt', 'Yhteistyömahdollisuudet']);
    expect(element().querySelectorAll('[role=option]')).toHaveLength(4);
    expect(element().querySelector('[role=status]')?.textContent).toContain('4 tulosta');
    expect(element().querySelector('#search-person-8')?.textContent).toContain('HR-päällikkö, Posti Oyj');
    expect(element().querySelector('#search-opportunity-12')?.textContent).toContain('Neuvottelu, Kesko Oyj');
  });

  it('moves through the options with the arrow keys and opens the active one with Enter', async () => {
    await search();
    expect(press('ArrowDown').defaultPrevented).toBe(true);
    await whenStableOnFakeClock(fixture);
    expect(input().getAttribute('aria-activedescendant')).toBe('search-employer-4');
    expect(element().querySelector('#search-employer-4')?.getAttribute('aria-selected')).toBe('true');

    press('ArrowDown');
    press('ArrowDown');
    await whenStableOnFakeClock(fixture);
    expect(input().getAttribute('aria-activedescendant')).toBe('search-person-8');
    expect(element().querySelector('#search-employer-4')?.getAttribute('aria-selected')).toBe('false');

    press('Enter');
    // A contact person opens their employer's page.
    expect(navigate).toHaveBeenCalledWith(['/employers', 9]);
  });

  it('wraps round from the first option to the last with ArrowUp', async () => {
    await search();
    press('ArrowUp');
    await whenStableOnFakeClock(fixture);
    expect(input().getAttribute('aria-activedescendant')).toBe('search-opportunity-12');
    press('Enter');
    expect(navigate).toHaveBeenCalledWith(['/employers', 4]);
  });

  it('says when nothing matched', async () => {
    await type('xyz');
    http
      .expectOne((candidate) => candidate.url === '/api/search')
      .flush({ employers: [], contactPersons: [], opportunities: [] });
    await whenStableOnFakeClock(fixture);
    expect(element().querySelector('[role=status]')?.textContent).toContain('Ei tuloksia haulla "xyz".');
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Search shortcut', () => {
  function key(init: KeyboardEventInit): KeyboardEvent {
    return new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  }

  it('is Ctrl+K or Cmd+K and nothing else', () => {
    expect(isSearchShortcut(key({ ctrlKey: true, key: 'k' }))).toBe(true);
    expect(isSearchShortcut(key({ metaKey: true, key: 'K' }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'k' }))).toBe(false);
    expect(isSearchShortcut(key({ ctrlKey: true, shiftKey: true, key: 'K' }))).toBe(false);
  });

  it('opens the search from any page, and from the header button', async () => {
    const { fixture } = await renderComponent(Shell, { signedIn: userWithRole('leadership') });
    const open = jest.spyOn(TestBed.inject(SearchLauncher), 'open').mockResolvedValue();

    const event = key({ ctrlKey: true, key: 'k' });
    document.body.dispatchEvent(event);
    expect(open).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    document.body.dispatchEvent(key({ metaKey: true, key: 'k' }));
    expect(open).toHaveBeenCalledTimes(2);

    const button = (fixture.nativeElement as HTMLElement).querySelector('button.search-button') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Haku');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K');
    button.click();
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('loads the dialog on demand, named by its heading', async () => {
    setUpApp();
    await TestBed.inject(SearchLauncher).open();
    // Opening renders the dialog on the next change detection: wait for that, not for a fixed time.
    await TestBed.inject(ApplicationRef).whenStable();
    const input = document.querySelector('#global-search-input');
    expect(input).not.toBeNull();
    expect(document.querySelector('[role=dialog]')?.getAttribute('aria-labelledby')).toBe('global-search-heading');
  });
});
