import type { HttpTestingController } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { helsinkiDate, type ContactEntryDto, type ContactPersonDto, type Me } from '@tyoelama/shared';

import { addDays, helsinkiTime } from '../core/dates';
import { EMPLOYER_SEARCH_DEBOUNCE_MS } from '../employers/employer-field';
import { setUpApp } from '../testing/app';
import { campusGroup, page, userWithRole } from '../testing/data';
import { expectFieldErrors, typeInto } from '../testing/dom';
import { whenStableOnFakeClock } from '../testing/fake-clock';
import { flushFieldErrors } from '../testing/http';
import { LogContactLauncher } from './log-contact-launcher';

const manager = userWithRole('account_manager');
const member = userWithRole('campus_member', { campusGroupIds: [2, 4] });

function person(id: number, name: string, erased = false): ContactPersonDto {
  return {
    id,
    employerId: 5,
    name,
    title: null,
    email: null,
    phone: null,
    roles: [],
    notes: null,
    erased,
    source: null,
    createdAt: '',
    updatedAt: '',
    version: 1,
  };
}

const savedEntry: ContactEntryDto = {
  id: 90,
  employerId: 5,
  employerName: 'Valio Oy',
  type: 'phone',
  occurredAt: '2026-11-24T12:00:00.000Z',
  summary: 'Sovittiin käynnistä',
  notes: null,
  contactPersons: [],
  campusGroupId: 2,
  campusGroupName: 'Tekniikka',
  topics: [],
  createdById: 1,
  createdByName: 'Aino Asiakas',
  createdAt: '',
  updatedAt: '',
  version: 1,
  followUpIds: [],
};

const employerDto = {
  id: 5,
  name: 'Valio Oy',
  ownerCampusGroupId: 2,
  campusGroupIds: [4],
  municipality: 'Helsinki',
};

describe('Log contact dialog', () => {
  let http: HttpTestingController;
  let launcher: LogContactLauncher;

  function setUp(me: Me): void {
    http = setUpApp({ signedIn: me, noAnimations: true });
    launcher = TestBed.inject(LogContactLauncher);
  }

  async function settle(): Promise<void> {
    TestBed.tick();
    await TestBed.inject(ApplicationRef).whenStable();
    // Dialog focus and select labels settle a macrotask later.
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  }

  function dialog(): HTMLElement {
    const element = document.querySelector('app-log-contact-dialog');
    if (!element) throw new Error('The dialog is not open');
    return element as HTMLElement;
  }

  function query<T extends HTMLElement = HTMLElement>(selector: string): T {
    const element = dialog().querySelector(selector);
    if (!element) throw new Error(`No ${selector}`);
    return element as T;
  }

  const type = (selector: string, value: string) => typeInto(dialog(), selector, value);

  function buttonWithText(text: string, root: ParentNode = dialog()): HTMLButtonElement {
    const button = [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);
    if (!button) throw new Error(`No button "${text}"`);
    return button;
  }

  async function submit(): Promise<void> {
    query('form').dispatchEvent(new Event('submit'));
    await settle();
  }

  async function addFollowUp(): Promise<void> {
    const toggle = [...dialog().querySelectorAll('mat-checkbox')].find((box) =>
      box.textContent?.includes('Lisää jatkotoimenpide'),
    );
    toggle?.querySelector('input')?.click();
    await settle();
  }

  async function openWithPreset(): Promise<void> {
    await launcher.open({ employerId: 5, employerName: 'Valio Oy' });
    await settle();
    http
      .expectOne('/api/employers/5/contacts')
      .flush([person(11, 'Maija Mehiläinen'), person(12, 'Poistettu', true), person(13, 'Pekka Puu')]);
    await settle();
  }

  /**
   * The dialog on the preset employer, ready to send: a call ("Puhelu") with a follow-up titled
   * `title`, due by the shortcut button `due`, no other assignee offered.
   */
  async function fillCallWithFollowUp(title: string, due: 'Huomenna' | 'Ensi viikolla'): Promise<void> {
    await openWithPreset();
    type('#log-contact-summary', 'Puhelu');
    await addFollowUp();
    http.expectOne('/api/users?active=true&limit=200').flush(page([]));
    type('input[formcontrolname=title]', title);
    buttonWithText(due).click();
    await settle();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  it('checks the form with the shared schema before sending anything', async () => {
    setUp(manager);
    await launcher.open();
    await settle();
    expect(document.activeElement?.id).toBe('log-contact-employer');

    await submit();

    expectFieldErrors(dialog(), {
      '#log-contact-employer': 'Pakollinen tieto.',
      '#log-contact-summary': 'Pakollinen tieto.',
    });
    http.expectNone('/api/contact-entries');
  });

  it('finds the employer as the user types and lists its contact persons, erased ones left out', async () => {
    setUp(manager);
    await launcher.open();
    await settle();
    const input = query<HTMLInputElement>('#log-contact-employer');
    input.dispatchEvent(new Event('focusin'));
    // The typing pause is measured on Jest's clock, so a busy machine cannot stretch it.
    jest.useFakeTimers();
    try {
      type('#log-contact-employer', 'Val');
      await jest.advanceTimersByTimeAsync(EMPLOYER_SEARCH_DEBOUNCE_MS - 1);
      http.expectNone('/api/employers?q=Val&limit=10');
      await jest.advanceTimersByTimeAsync(1);
      http.expectOne('/api/employers?q=Val&limit=10').flush({ items: [employerDto], total: 1, nextCursor: null });
      await whenStableOnFakeClock(TestBed.inject(ApplicationRef));
    } finally {
      jest.useRealTimers();
    }
    await settle();

    const option = document.querySelector('mat-option') as HTMLElement;
    expect(option.textContent).toContain('Valio Oy');
    option.click();
    await settle();

    expect(input.value).toBe('Valio Oy');
    http.expectOne('/api/employers/5/contacts').flush([person(11, 'Maija Mehiläinen'), person(12, 'Poistettu', true)]);
    await settle();
    const names = [...dialog().querySelectorAll('mat-checkbox')].map((box) => box.textContent?.trim());
    expect(names).toContain('Maija Mehiläinen');
    expect(names).not.toContain('Poistettu');
  });

  it('sends the entry with persons, topics and a follow-up, then closes and tells who listens', async () => {
    setUp(manager);
    const logged: { id: number }[] = [];
    launcher.logged$.subscribe((entry) => logged.push(entry));
    await openWithPreset();
    expect(document.activeElement?.id).toBe('log-contact-summary');
    expect(query<HTMLInputElement>('#log-contact-employer').value).toBe('Valio Oy');

    buttonWithText('Tapaaminen').click();
    type('#log-contact-summary', 'Sovittiin työpaikkakäynti');
    (dialog().querySelectorAll('mat-checkbox input')[0] as HTMLInputElement).click();
    (dialog().querySelector('mat-chip-option[ng-reflect-value], mat-chip-option') as HTMLElement)
      .querySelector<HTMLElement>('button, .mat-mdc-chip-action')
      ?.click();
    await settle();

    await addFollowUp();
    http.expectOne('/api/users?active=true&limit=200').flush(
      page([
        { id: 1, displayName: 'Aino Asiakas', role: 'account_manager' },
        { id: 8, displayName: 'Johanna Johto', role: 'leadership' },
      ]),
    );
    type('input[formcontrolname=title]', 'Lähetä sopimusluonnos');
    buttonWithText('Huomenna').click();
    await settle();

    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/contact-entries' });
    const body = request.request.body as Record<string, unknown>;
    expect(body).toEqual({
      employerId: 5,
      type: 'meeting',
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/),
      summary: 'Sovittiin työpaikkakäynti',
      notes: null,
      contactPersonIds: [11],
      topics: ['training_agreement'],
      followUp: { title: 'Lähetä sopimusluonnos', dueDate: addDays(helsinkiDate(), 1), assigneeId: 1 },
    });
    request.flush({ ...savedEntry, followUpIds: [70] }, { status: 201, statusText: 'Created' });
    await settle();

    expect(document.querySelector('app-log-contact-dialog')).toBeNull();
    expect(logged.map((entry) => entry.id)).toEqual([90]);
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain(
      'Yhteydenotto ja jatkotoimenpide kirjattu',
    );
  });

  it('shows the server field errors at the fields, the follow-up ones included', async () => {
    setUp(manager);
    await fillCallWithFollowUp('Soita uudelleen', 'Ensi viikolla');

    await submit();
    flushFieldErrors(http.expectOne('/api/contact-entries'), [
      { path: 'occurredAt', code: 'too_far_in_future', message: 'Future' },
      { path: 'followUp.assigneeId', code: 'unknown_assignee', message: 'No such active user' },
    ]);
    await settle();

    expectFieldErrors(dialog(), {
      'input[formcontrolname=occurredAt]': 'Ajankohta voi olla enintään vuorokauden päässä tulevaisuudessa.',
      'mat-select[formcontrolname=assigneeId]': 'Käyttäjää ei ole tai hän ei ole aktiivinen.',
      '#log-contact-summary': '',
    });
    expect(query('app-form-status').textContent).toContain('Tarkista lomakkeen tiedot.');
    expect(document.querySelector('app-log-contact-dialog')).not.toBeNull();
  });

  it('fetches a preset employer by id and lets a campus member in two linked groups choose the group', async () => {
    setUp(member);
    await launcher.open({ employerId: 5 });
    await settle();
    http.expectOne('/api/employers/5').flush(employerDto);
    await settle();
    expect(query<HTMLInputElement>('#log-contact-employer').value).toBe('Valio Oy');
    http.expectOne('/api/employers/5/contacts').flush([]);
    http.expectOne('/api/employers/5').flush(employerDto);
    await settle();
    http
      .expectOne('/api/campus-groups?limit=200')
      .flush(page([campusGroup(2, 'Tekniikka', 'Keskusta'), campusGroup(4, 'Hyvinvointi', 'Itä')]));
    await settle();
    expect(query('mat-select[formcontrolname=campusGroupId]').textContent).toContain('Tekniikka');

    type('#log-contact-summary', 'Tapasimme messuilla');
    await addFollowUp();
    // A campus member assigns only to themselves: no picker, no user list.
    expect(dialog().querySelector('mat-select[formcontrolname=assigneeId]')).toBeNull();
    type('input[formcontrolname=title]', 'Lähetä esite');
    type('input[formcontrolname=dueDate]', '2026-12-01');
    await submit();

    const body = http.expectOne('/api/contact-entries').request.body as Record<string, unknown>;
    expect(body['campusGroupId']).toBe(2);
    expect(body['followUp']).toEqual({ title: 'Lähetä esite', dueDate: '2026-12-01' });
  });

  it('closes on Escape without saving', async () => {
    setUp(manager);
    await launcher.open();
    await settle();
    dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
    await settle();
    expect(document.querySelector('app-log-contact-dialog')).toBeNull();
  });

  it('closes on Escape in the employer field while its suggestions are closed', async () => {
    setUp(manager);
    await launcher.open();
    await settle();
    const employer = query('#log-contact-employer');
    expect(employer.getAttribute('aria-expanded')).toBe('false');
    const event = new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true, cancelable: true });
    employer.dispatchEvent(event);
    // The autocomplete marks the key handled either way; the dialog still closes.
    expect(event.defaultPrevented).toBe(true);
    await settle();
    expect(document.querySelector('app-log-contact-dialog')).toBeNull();
  });

  function press(key: string, target: EventTarget = document.activeElement ?? document.body): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event;
  }

  function escape(): void {
    dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
  }

  it('keeps what is typed between the open command and the first field getting focus', async () => {
    setUp(manager);
    const opening = launcher.open({ employerId: 5, employerName: 'Valio Oy' });
    // Typed while the dialog's code is still loading: the keys reach neither page nor button.
    const caught = [...'Hämeen Autx'].map((key) => press(key));
    press('Backspace');
    press('o');
    expect(caught.every((event) => event.defaultPrevented)).toBe(true);
    await opening;
    await settle();
    http.expectOne('/api/employers/5/contacts').flush([]);
    await settle();

    expect(document.activeElement?.id).toBe('log-contact-summary');
    expect(query<HTMLTextAreaElement>('#log-contact-summary').value).toBe('Hämeen Auto');
    // Typing goes on in the field itself, no longer caught.
    expect(press('!').defaultPrevented).toBe(false);
    await submit();
    expect((http.expectOne('/api/contact-entries').request.body as { summary: string }).summary).toBe('Hämeen Auto');
  });

  it('asks before closing a changed dialog, inside the dialog, and closes an unchanged one at once', async () => {
    setUp(manager);
    await openWithPreset();
    type('#log-contact-summary', 'Puoliksi kirjoitettu');
    await settle();

    escape();
    await settle();
    expect(query('.confirm').textContent).toContain('Hylätäänkö tallentamattomat muutokset?');
    expect(document.activeElement?.textContent?.trim()).toBe('Jatka muokkaamista');
    buttonWithText('Jatka muokkaamista').click();
    await settle();
    expect(dialog().querySelector('.confirm')).toBeNull();
    expect(query<HTMLTextAreaElement>('#log-contact-summary').value).toBe('Puoliksi kirjoitettu');

    buttonWithText('Peruuta').click();
    await settle();
    buttonWithText('Hylkää muutokset').click();
    await settle();
    expect(document.querySelector('app-log-contact-dialog')).toBeNull();
  });

  it('puts focus on the refusal, scrolled into view, with the follow-up section open', async () => {
    setUp(manager);
    const scrolled = jest.fn();
    Element.prototype.scrollIntoView = scrolled;
    await fillCallWithFollowUp('Soita', 'Huomenna');

    await submit();
    http
      .expectOne('/api/contact-entries')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'The employer is archived', code: 'EMPLOYER_ARCHIVED' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    const status = query('.status');
    expect(document.activeElement).toBe(status);
    expect(scrolled).toHaveBeenCalled();
    expect(status.querySelector('[aria-live=assertive]')?.textContent?.trim()).not.toBe('');
    expect(document.querySelector('app-log-contact-dialog')).not.toBeNull();
  });

  it('gives focus back to the element that opened the dialog after a save', async () => {
    setUp(manager);
    const opener = document.createElement('button');
    opener.textContent = 'Kirjaa';
    document.body.append(opener);
    opener.focus();
    await openWithPreset();
    type('#log-contact-summary', 'Puhelu');
    await submit();
    http.expectOne('/api/contact-entries').flush(savedEntry, { status: 201, statusText: 'Created' });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('chooses the employer of the employer page it is opened on, and today and now for the time', async () => {
    setUp(manager);
    jest.spyOn(TestBed.inject(Router), 'url', 'get').mockReturnValue('/employers/5');
    // The form reads the clock while it opens: a minute (or midnight) may turn meanwhile.
    const before = new Date();
    await launcher.open();
    await settle();
    http.expectOne('/api/employers/5').flush(employerDto);
    await settle();
    http.expectOne('/api/employers/5/contacts').flush([]);
    const after = new Date();
    expect(query<HTMLInputElement>('#log-contact-employer').value).toBe('Valio Oy');
    const date = query<HTMLInputElement>('input[formcontrolname=occurredAt]').value;
    const time = query<HTMLInputElement>('input[formcontrolname=occurredTime]').value;
    expect([before, after].map((at) => [helsinkiDate(at), helsinkiTime(at)])).toContainEqual([date, time]);
  });

  it('is a full-screen sheet on a phone', async () => {
    setUp(manager);
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({
      matches: query.includes('max-width'),
      addListener: () => undefined,
      removeListener: () => undefined,
    })) as unknown as typeof window.matchMedia;
    try {
      await launcher.open();
      await settle();
    } finally {
      window.matchMedia = original;
    }
    const pane = document.querySelector('.cdk-overlay-pane') as HTMLElement;
    expect(pane.classList).toContain('log-contact-sheet');
    expect(pane.style.width).toBe('100vw');
    expect(pane.style.height).toBe('100dvh');
  });

  it('edits a logged entry with its version and says so', async () => {
    setUp(manager);
    const changed: number[] = [];
    launcher.logged$.subscribe((entry) => changed.push(entry.id));
    const entry = {
      ...savedEntry,
      notes: 'Vanha muistiinpano',
      contactPersons: [{ id: 11, name: 'Maija' }],
      version: 3,
    };
    const opening = launcher.edit(90);
    http.expectOne('/api/contact-entries/90').flush(entry);
    await opening;
    await settle();
    http.expectOne('/api/employers/5/contacts').flush([person(11, 'Maija Mehiläinen')]);
    await settle();

    expect(query('h2').textContent).toContain('Muokkaa yhteydenottoa');
    expect(query<HTMLInputElement>('#log-contact-employer').disabled).toBe(true);
    expect(query<HTMLTextAreaElement>('#log-contact-summary').value).toBe('Sovittiin käynnistä');
    expect(dialog().textContent).not.toContain('Lisää jatkotoimenpide');
    // Nothing changed yet: Escape closes without asking.
    type('#log-contact-summary', 'Sovittiin käynnistä ja sopimuksesta');
    await submit();

    const request = http.expectOne({ method: 'PATCH', url: '/api/contact-entries/90' });
    expect(request.request.body).toEqual({
      version: 3,
      type: 'phone',
      occurredAt: '2026-11-24T12:00:00.000Z',
      summary: 'Sovittiin käynnistä ja sopimuksesta',
      notes: 'Vanha muistiinpano',
      contactPersonIds: [11],
      topics: [],
    });
    request.flush({ ...entry, summary: 'Sovittiin käynnistä ja sopimuksesta', version: 4 });
    await settle();
    expect(document.querySelector('app-log-contact-dialog')).toBeNull();
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain('Yhteydenotto tallennettu');
    expect(changed).toEqual([90]);
  });

  it('deletes an entry and brings it back with Undo', async () => {
    setUp(manager);
    const changed: number[] = [];
    launcher.logged$.subscribe((entry) => changed.push(entry.id));
    const removing = launcher.remove({ id: 90, employerId: 5 });
    await settle();
    const request = http.expectOne({ method: 'DELETE', url: '/api/contact-entries/90' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await removing;
    await settle();

    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain('Poistettu');
    buttonWithText('Kumoa', document.querySelector('.mat-mdc-snack-bar-container') ?? document).click();
    await settle();
    const restore = http.expectOne({ method: 'POST', url: '/api/contact-entries/90/restore' });
    restore.flush(savedEntry);
    await settle();
    expect(changed).toEqual([90, 90]);
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain('Yhteydenotto palautettu');
  });
});
