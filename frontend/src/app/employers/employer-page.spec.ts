import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type {
  ContactPersonDto,
  EmployerDto,
  FollowUpDto,
  Me,
  OpportunityDto,
  TimelineChange,
  TimelineItem,
} from '@tyoelama/shared';

import { provideContactLog } from '../contact-entries/log-contact-launcher';
import { I18n } from '../core/i18n/i18n';
import { renderComponent } from '../testing/app';
import { employerJourneyDto } from '../testing/data';
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
  source: null,
  createdAt: '',
  updatedAt: '',
  version: 1,
};
const instructor: ContactPersonDto = { ...person, id: 33, name: 'Oiva Ohjaaja', email: null, source: 'ehoks' };
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

/** A history line of a change by the system, its changed fields those of `changes`. */
function auditItem(
  id: number,
  at: string,
  subject: { entityType: string; entityId: number; action: string },
  changes: TimelineChange[],
): TimelineItem {
  const changedFields = changes.map((change) => change.field);
  return { kind: 'audit', key: `audit:${id}`, at, actorName: null, ...subject, changedFields, changes };
}

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
    createdById: null,
  },
  auditItem(9, '2026-11-19T10:00:00.000Z', { entityType: 'employer', entityId: 4, action: 'update' }, [
    { field: 'status', from: 'prospect', to: 'partner' },
    { field: 'somethingNew', from: null, to: 'x' },
  ]),
  auditItem(10, '2026-11-18T10:00:00.000Z', { entityType: 'follow_up', entityId: 5, action: 'update' }, [
    { field: 'title', from: 'Soita', to: 'Soita takaisin' },
    { field: 'status', from: 'done', to: 'open' },
  ]),
  auditItem(11, '2026-11-17T10:00:00.000Z', { entityType: 'contact_person', entityId: 31, action: 'create' }, [
    { field: 'title', from: null, to: 'Myymäläpäällikkö' },
  ]),
];

describe('EmployerPage', () => {
  let fixture: ComponentFixture<EmployerPage>;
  let http: HttpTestingController;

  async function open(who: Me, shown: EmployerDto = employer): Promise<void> {
    ({ fixture, http } = await renderComponent(EmployerPage, {
      signedIn: who,
      providers: [provideContactLog()],
      inputs: { id: '4' },
    }));
    flushLookups(http);
    http.expectOne('/api/employers/4').flush(shown);
    await fixture.whenStable();
    const view = http.expectOne('/api/home/recent-employers');
    expect(view.request.body).toEqual({ employerId: 4 });
    view.flush(null, { status: 204, statusText: 'No Content' });
    http
      .expectOne('/api/follow-ups?employerId=4&status=open&limit=100')
      .flush(page([followUp(61, 7), followUp(62, 8)]));
    http.expectOne('/api/opportunities?employerId=4&limit=100').flush(page([opportunity]));
    http.expectOne('/api/employers/4/contacts').flush([person, erased, instructor]);
    http.expectOne('/api/employers/4/timeline?limit=20').flush(page(timeline, 'more'));
    http.expectOne('/api/employers/4/journey').flush(employerJourneyDto(4));
    await fixture.whenStable();
  }

  const element = () => fixture.nativeElement as HTMLElement;
  const has = (selector: string) => element().querySelector(selector) !== null;

  afterEach(() => http.verify());

  it('says what the last YTJ refresh flagged, beside the CRM’s own name', async () => {
    await open(me('campus_member'), {
      ...employer,
      registerFlags: ['bankruptcy', 'name_changed'],
      register: {
        found: true,
        name: 'Kesko Uusi Oyj',
        situations: ['bankruptcy'],
        ceasedOn: null,
        checkedAt: '2026-03-02T08:00:00.000Z',
        flags: ['bankruptcy', 'name_changed'],
      },
    });
    const note = element().querySelector('[role=note]')!;
    expect(note.getAttribute('aria-labelledby')).toBe('register-notice-heading');
    expect(note.textContent).toContain('YTJ-huomiot (tarkistettu 2.3.2026)');
    expect([...note.querySelectorAll('li')].map((item) => item.textContent.trim())).toEqual([
      'YTJ: yritys on konkurssissa',
      'YTJ:n mukaan nimi on nyt Kesko Uusi Oyj',
    ]);
    expect(element().querySelector('h1')!.textContent).toContain('Kesko Oyj');
  });

  it('shows no YTJ notice for an employer without flags', async () => {
    await open(me('account_manager'));
    expect(has('[role=note]')).toBe(false);
    expect(element().querySelector('.details')!.textContent).toContain('Julkinen osakeyhtiö');
  });

  it('shows the shape of the page, busy, until the employer comes', async () => {
    ({ fixture, http } = await renderComponent(EmployerPage, {
      signedIn: me('account_manager'),
      providers: [provideContactLog()],
      inputs: { id: '4' },
    }));
    flushLookups(http);
    const section = element().querySelector('section.page') as HTMLElement;
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(element().querySelector('app-skeleton .shapes')?.getAttribute('data-shape')).toBe('page');
    expect(element().querySelector('app-skeleton [role=status]')?.textContent?.trim()).toBe('Ladataan…');
    http.expectOne('/api/employers/4').flush(employer);
    await fixture.whenStable();
    expect(section.getAttribute('aria-busy')).toBeNull();
    expect(element().querySelector('app-skeleton')).toBeNull();
    // The rest of the page's requests are not what this is about.
    http.match(() => true).forEach((request) => request.error(new ProgressEvent('error')));
    await fixture.whenStable();
  });

  it('names email and phone links by their visible text, then whom they reach (WCAG 2.5.3)', async () => {
    await open(me('account_manager'));
    const email = element().querySelector<HTMLAnchorElement>('a[href="mailto:matti@kesko.fi"]')!;
    const phone = element().querySelector<HTMLAnchorElement>('a[href="tel:+358401234567"]')!;
    // No aria-label replaces the text: the accessible name is the text content.
    expect([email.getAttribute('aria-label'), phone.getAttribute('aria-label')]).toEqual([null, null]);
    expect(email.textContent?.replace(/\s+/g, ' ').trim()).toBe('matti@kesko.fi (sähköposti, Matti Meikäläinen)');
    expect(phone.textContent?.replace(/\s+/g, ' ').trim()).toBe('+358 40 123 4567 (puhelin, Matti Meikäläinen)');
  });

  it('names the industry code’s division and section next to it, in the current language', async () => {
    await open(me('account_manager'), { ...employer, industryCode: '47110' });
    const code = () =>
      [...element().querySelectorAll('.details dd')]
        .map((dd) => dd.textContent?.replace(/\s+/g, ' ').trim())
        .find((text) => text?.startsWith('47110'));
    expect(code()).toBe('47110 – Vähittäiskauppa (G Tukku- ja vähittäiskauppa)');
    TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect(code()).toBe('47110 – Retail trade (G Wholesale and retail trade)');
  });

  it('shows the employer with its people, follow-ups, opportunities and history', async () => {
    await open(me('account_manager'));
    expect(element().querySelector('h1')?.textContent).toContain('Kesko Oyj');
    const headings = [...element().querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual([
      'Työnantajan polku',
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
    // A workplace instructor read from eHOKS says so; a person typed into the CRM does not.
    expect(element().querySelector('[data-person="33"] .source-badge')?.textContent).toBe(
      'eHOKS (työpaikkaohjaaja, tuotu eHOKSista)',
    );
    expect(element().querySelector('[data-person="31"] .source-badge')).toBeNull();
    expect(element().textContent).toContain('Myöhässä');
    expect(element().textContent).toContain('Neuvottelu');
    expect(element().textContent).toContain('Puhelu: Sovittiin käynnistä');
    // Old → new by each entity's own labels: a follow-up's title is not a contact person's job title.
    const changes = (key: string) =>
      [...element().querySelectorAll(`[data-item="${key}"] [data-field]`)].map((row) =>
        ['dt', '.old', '.new'].map((part) => row.querySelector(part)?.textContent?.trim()),
      );
    expect(changes('audit:9')).toEqual([
      ['Tila', 'Mahdollinen', 'Kumppani'],
      ['somethingNew', '–', 'x'],
    ]);
    expect(changes('audit:10')).toEqual([
      ['Otsikko', 'Soita', 'Soita takaisin'],
      ['Tila', 'Tehty', 'Avoin'],
    ]);
    // A creation names its fields only.
    expect(changes('audit:11')).toEqual([]);
    expect(element().textContent).toContain('Muutetut kentät: tehtävänimike');
    expect(element().textContent).toContain('20.11.2026');
  });

  /** Whether the page shows each of `selectors`: compared whole, a failure names every wrong one. */
  const shown = (selectors: string[]) => Object.fromEntries(selectors.map((selector) => [selector, has(selector)]));
  const all = (selectors: string[], present: boolean) =>
    Object.fromEntries(selectors.map((selector) => [selector, present]));
  const writeActions = [
    'button.edit',
    'button.archive',
    'button.log-contact',
    'button.add-contact',
    'button.erase-contact',
  ];

  it('offers every write action to an account manager', async () => {
    await open(me('account_manager'));
    const offered = [...writeActions, 'button.export-contact'];
    expect(shown(offered)).toEqual(all(offered, true));
    expect(element().querySelectorAll('button[data-done]')).toHaveLength(2);
    expect(has('button.add-follow-up')).toBe(true);
  });

  it('hides every write action from leadership', async () => {
    await open(me('leadership'));
    const hidden = [...writeActions, 'button[data-done]', 'button.add-follow-up'];
    expect(shown(hidden)).toEqual(all(hidden, false));
  });

  it('lets a campus member log contacts and complete only the follow-ups assigned to them', async () => {
    await open(me('campus_member'));
    expect(shown(writeActions)).toEqual({
      'button.edit': false,
      'button.archive': false,
      'button.log-contact': true,
      'button.add-contact': false,
      'button.erase-contact': false,
    });
    expect(has('[data-follow-up="61"] button[data-done]')).toBe(true);
    expect(has('[data-follow-up="62"] button[data-done]')).toBe(false);
    expect(has('button.add-follow-up')).toBe(false);
  });

  it('completes a follow-up with its version and refreshes the employer and the history', async () => {
    await open(me('account_manager'));
    (element().querySelector('[data-follow-up="61"] button[data-done]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/follow-ups/61/complete');
    expect(request.request.body).toEqual({ version: 2 });
    request.flush({ ...followUp(61, 7), status: 'done', version: 3 });
    await fixture.whenStable();
    http.expectOne('/api/employers/4').flush(employer);
    http.expectOne('/api/employers/4/timeline?limit=20').flush(page(timeline));
    http.expectOne('/api/employers/4/journey').flush(employerJourneyDto(4));
    await fixture.whenStable();
    expect(has('[data-follow-up="61"]')).toBe(false);
    expect(element().querySelector('.follow-ups [role="status"]')?.textContent).toContain(
      'Merkitty valmiiksi: Soita takaisin 61',
    );
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
