import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ContactPersonDto, FollowUpDto, Me, OpportunityDto, TimelineItem } from '@tyoelama/shared';

import { provideContactLog } from '../contact-entries/log-contact-launcher';
import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { EmployerPage } from './employer-page';
import { employer, flushLookups, me, page } from './employers.testing';

const person: ContactPersonDto = {
  id: 31,
  employerId: 4,
  name: 'Matti Meikäläinen',
  title: 'Myymäläpäällikkö',
  email: 'matti@kesko.fi',
  phone: '+358 40 123 4567',
  roles: ['workplace_instructor'],
  notes: null,
  erased: false,
  createdAt: '',
  updatedAt: '',
  version: 1,
};
const erased: ContactPersonDto = {
  ...person,
  id: 32,
  name: 'Poistettu henkilö',
  email: null,
  phone: null,
  roles: [],
  erased: true,
};

const followUp = (id: number, assigneeId: number): FollowUpDto => ({
  id,
  employerId: 4,
  employerName: 'Kesko Oyj',
  contactEntryId: null,
  title: `Soita takaisin ${id}`,
  notes: null,
  dueDate: '2026-11-20',
  assigneeId,
  assigneeName: assigneeId === 7 ? 'Liisa Laine' : 'Pekka Puro',
  status: 'open',
  completedAt: null,
  completedByName: null,
  createdById: 7,
  createdAt: '',
  updatedAt: '',
  version: 2,
  overdue: true,
});

const opportunity: OpportunityDto = {
  id: 51,
  employerId: 4,
  employerName: 'Kesko Oyj',
  title: 'Kevään koulutussopimukset',
  type: 'training_agreement',
  expectedPlaces: 4,
  expectedStart: null,
  campusGroupId: 1,
  campusGroupName: 'Tekniikka',
  ownerId: 7,
  ownerName: 'Liisa Laine',
  stage: 'negotiating',
  lostReason: null,
  notes: null,
  stageChangedAt: '',
  createdAt: '',
  updatedAt: '',
  version: 1,
};

const timeline: TimelineItem[] = [
  {
    kind: 'contact_entry',
    key: 'contact_entry:1',
    at: '2026-11-20T10:00:00.000Z',
    actorName: 'Liisa Laine',
    contactEntryId: 1,
    type: 'phone',
    summary: 'Sovittiin käynnistä',
    topics: [],
    campusGroupName: 'Tekniikka',
  },
  {
    kind: 'audit',
    key: 'audit:9',
    at: '2026-11-19T10:00:00.000Z',
    actorName: null,
    entityType: 'employer',
    entityId: 4,
    action: 'update',
    changedFields: ['status', 'somethingNew'],
  },
  {
    kind: 'audit',
    key: 'audit:10',
    at: '2026-11-18T10:00:00.000Z',
    actorName: null,
    entityType: 'follow_up',
    entityId: 5,
    action: 'update',
    changedFields: ['title', 'status'],
  },
  {
    kind: 'audit',
    key: 'audit:11',
    at: '2026-11-17T10:00:00.000Z',
    actorName: null,
    entityType: 'contact_person',
    entityId: 31,
    action: 'update',
    changedFields: ['title'],
  },
];

describe('EmployerPage', () => {
  let fixture: ComponentFixture<EmployerPage>;
  let http: HttpTestingController;

  async function open(who: Me): Promise<void> {
    TestBed.configureTestingModule({
      imports: [EmployerPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(who).asReadonly() } },
        provideContactLog(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EmployerPage);
    fixture.componentRef.setInput('id', '4');
    await fixture.whenStable();
    flushLookups(http);
    http.expectOne('/api/employers/4').flush(employer);
    await fixture.whenStable();
    http
      .expectOne('/api/follow-ups?employerId=4&status=open&limit=100')
      .flush(page([followUp(61, 7), followUp(62, 8)]));
    http.expectOne('/api/opportunities?employerId=4&limit=100').flush(page([opportunity]));
    http.expectOne('/api/employers/4/contacts').flush([person, erased]);
    http.expectOne('/api/employers/4/timeline?limit=20').flush(page(timeline, 'more'));
    await fixture.whenStable();
  }

  const element = () => fixture.nativeElement as HTMLElement;
  const has = (selector: string) => element().querySelector(selector) !== null;

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('shows the employer with its people, follow-ups, opportunities and history', async () => {
    await open(me('account_manager'));
    expect(element().querySelector('h1')?.textContent).toContain('Kesko Oyj');
    const headings = [...element().querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual([
      'Tiedot',
      'Yhteyshenkilöt',
      'Avoimet jatkotoimenpiteet',
      'Yhteistyömahdollisuudet',
      'Tapahtumahistoria',
    ]);
    expect(element().textContent).toContain('0109862-8');
    expect(element().textContent).toContain('G – Tukku- ja vähittäiskauppa');
    expect(element().querySelector('a[href="mailto:matti@kesko.fi"]')).not.toBeNull();
    expect(element().querySelector('a[href="tel:+358401234567"]')).not.toBeNull();
    expect(element().querySelector('[data-person="32"]')?.textContent).toContain('Poistettu henkilö');
    expect(element().querySelector('[data-person="32"] button')).toBeNull();
    expect(element().textContent).toContain('Myöhässä');
    expect(element().textContent).toContain('Neuvottelu');
    expect(element().textContent).toContain('Puhelu: Sovittiin käynnistä');
    expect(element().textContent).toContain('Muutetut kentät: tila, somethingNew');
    // Each entity's own labels: a follow-up's title is not a contact person's job title.
    expect(element().textContent).toContain('Muutetut kentät: otsikko, tila');
    expect(element().textContent).toContain('Muutetut kentät: tehtävänimike');
    expect(element().textContent).toContain('20.11.2026');
  });

  it('offers every write action to an account manager', async () => {
    await open(me('account_manager'));
    for (const selector of [
      'button.edit',
      'button.archive',
      'button.log-contact',
      'button.add-contact',
      'button.erase-contact',
      'button.export-contact',
    ]) {
      expect([selector, has(selector)]).toEqual([selector, true]);
    }
    expect(element().querySelectorAll('button.complete')).toHaveLength(2);
  });

  it('hides every write action from leadership', async () => {
    await open(me('leadership'));
    for (const selector of [
      'button.edit',
      'button.archive',
      'button.log-contact',
      'button.add-contact',
      'button.erase-contact',
      'button.complete',
    ]) {
      expect([selector, has(selector)]).toEqual([selector, false]);
    }
  });

  it('lets a campus member log contacts and complete only the follow-ups assigned to them', async () => {
    await open(me('campus_member'));
    for (const selector of ['button.edit', 'button.archive', 'button.add-contact', 'button.erase-contact']) {
      expect([selector, has(selector)]).toEqual([selector, false]);
    }
    expect(has('button.log-contact')).toBe(true);
    expect(has('[data-follow-up="61"] button.complete')).toBe(true);
    expect(has('[data-follow-up="62"] button.complete')).toBe(false);
  });

  it('completes a follow-up with its version and refreshes the history', async () => {
    await open(me('account_manager'));
    (element().querySelector('[data-follow-up="61"] button.complete') as HTMLButtonElement).click();
    const request = http.expectOne('/api/follow-ups/61/complete');
    expect(request.request.body).toEqual({ version: 2 });
    request.flush({ ...followUp(61, 7), status: 'done', version: 3 });
    await fixture.whenStable();
    http.expectOne('/api/employers/4/timeline?limit=20').flush(page(timeline));
    await fixture.whenStable();
    expect(has('[data-follow-up="61"]')).toBe(false);
  });

  it('switches the details to the form in place', async () => {
    await open(me('admin'));
    (element().querySelector('button.edit') as HTMLButtonElement).click();
    await fixture.whenStable();
    flushLookups(http);
    await fixture.whenStable();
    expect((element().querySelector('input[formcontrolname=name]') as HTMLInputElement).value).toBe('Kesko Oyj');
  });
});
