import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { helsinkiDate, type ContactEntryDto, type ContactPersonDto, type Me } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { addDays } from '../core/dates';
import { EMPLOYER_SEARCH_DEBOUNCE_MS } from '../employers/employer-field';
import { whenStableOnFakeClock } from '../testing/fake-clock';
import { LogContactLauncher } from './log-contact-launcher';

const manager: Me = {
  id: 1,
  email: 'aino@example.fi',
  displayName: 'Aino Asiakas',
  role: 'account_manager',
  campusGroupIds: [],
  locale: 'fi',
};
const member: Me = {
  id: 3,
  email: 'kalle@example.fi',
  displayName: 'Kalle Kampus',
  role: 'campus_member',
  campusGroupIds: [2, 4],
  locale: 'fi',
};

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
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(me).asReadonly() } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
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

  function type(selector: string, value: string): void {
    const input = query<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function errorUnder(selector: string): string {
    return query(selector).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';
  }

  function buttonWithText(text: string, root: ParentNode = dialog()): HTMLButtonElement {
    const button = [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);
    if (!button) throw new Error(`No button "${text}"`);
    return button;
  }

  async function submit(): Promise<void> {
    query('form').dispatchEvent(new Event('submit'));
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

    expect(errorUnder('#log-contact-employer')).toBe('Pakollinen tieto.');
    expect(errorUnder('#log-contact-summary')).toBe('Pakollinen tieto.');
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
    const logged: ContactEntryDto[] = [];
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

    const followUpToggle = [...dialog().querySelectorAll('mat-checkbox')].find((box) =>
      box.textContent?.includes('Lisää jatkotoimenpide'),
    );
    followUpToggle?.querySelector('input')?.click();
    await settle();
    http.expectOne('/api/users?active=true&limit=200').flush({
      items: [
        { id: 1, displayName: 'Aino Asiakas', role: 'account_manager' },
        { id: 8, displayName: 'Johanna Johto', role: 'leadership' },
      ],
      total: 2,
      nextCursor: null,
    });
    type('input[formcontrolname=title]', 'Lähetä sopimusluonnos');
    buttonWithText('Huomenna').click();
    await settle();

    await submit();
    const request = http.expectOne('/api/contact-entries');
    expect(request.request.method).toBe('POST');
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
    await openWithPreset();
    type('#log-contact-summary', 'Puhelu');
    const followUpToggle = [...dialog().querySelectorAll('mat-checkbox')].find((box) =>
      box.textContent?.includes('Lisää jatkotoimenpide'),
    );
    followUpToggle?.querySelector('input')?.click();
    await settle();
    http.expectOne('/api/users?active=true&limit=200').flush({ items: [], total: 0, nextCursor: null });
    type('input[formcontrolname=title]', 'Soita uudelleen');
    buttonWithText('Ensi viikolla').click();
    await settle();

    await submit();
    http.expectOne('/api/contact-entries').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        code: 'VALIDATION_FAILED',
        fieldErrors: [
          { path: 'occurredAt', code: 'too_far_in_future', message: 'Future' },
          { path: 'followUp.assigneeId', code: 'unknown_assignee', message: 'No such active user' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(errorUnder('input[formcontrolname=occurredAt]')).toBe(
      'Ajankohta voi olla enintään vuorokauden päässä tulevaisuudessa.',
    );
    expect(errorUnder('mat-select[formcontrolname=assigneeId]')).toBe('Käyttäjää ei ole tai hän ei ole aktiivinen.');
    expect(errorUnder('#log-contact-summary')).toBe('');
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
    http.expectOne('/api/campus-groups?limit=200').flush({
      items: [
        { id: 2, name: 'Tekniikka', campus: 'Keskusta' },
        { id: 4, name: 'Hyvinvointi', campus: 'Itä' },
      ],
      total: 2,
      nextCursor: null,
    });
    await settle();
    expect(query('mat-select[formcontrolname=campusGroupId]').textContent).toContain('Tekniikka');

    type('#log-contact-summary', 'Tapasimme messuilla');
    const followUpToggle = [...dialog().querySelectorAll('mat-checkbox')].find((box) =>
      box.textContent?.includes('Lisää jatkotoimenpide'),
    );
    followUpToggle?.querySelector('input')?.click();
    await settle();
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
});
