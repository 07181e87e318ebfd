import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { type FollowUpDto, type HomeDto, helsinkiDate, type Me, type Role } from '@tyoelama/shared';
import { Subject } from 'rxjs';

import { Auth } from '../core/auth';
import { ContactLog } from '../core/contact-log';
import { addDays } from '../core/dates';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { Home } from './home';

const today = helsinkiDate();

function followUp(id: number, title: string, dueDate: string): FollowUpDto {
  return {
    id,
    employerId: 10 + id,
    employerName: `Työnantaja ${id}`,
    contactEntryId: null,
    title,
    notes: null,
    dueDate,
    assigneeId: 1,
    assigneeName: 'Aino',
    status: 'open',
    completedAt: null,
    completedByName: null,
    createdById: 1,
    createdAt: '',
    updatedAt: '',
    version: 2,
    overdue: dueDate < today,
  };
}

const followUps = {
  overdue: { items: [followUp(1, 'Soita rehtorille', addDays(today, -2))], total: 1 },
  today: { items: [followUp(2, 'Lähetä sopimus', today)], total: 1 },
  week: { items: [], total: 0 },
};

const managerHome: HomeDto = {
  role: 'account_manager',
  today,
  followUps,
  recentEmployers: [{ id: 5, name: 'Katsottu Oy', municipality: 'Tampere', viewedAt: '' }],
  quietEmployers: { items: [{ id: 6, name: 'Hiljainen Oy', municipality: null, lastContactAt: null }], total: 4 },
};

describe('Home', () => {
  let fixture: ComponentFixture<Home>;
  let http: HttpTestingController;
  const opened: unknown[] = [];
  const logged = new Subject<never>();

  async function render(role: Role, home: HomeDto): Promise<void> {
    localStorage.clear();
    const me = { id: 1, displayName: 'Aino Asiakas', role, email: 'a@example.fi', campusGroupIds: [3] } as Me;
    TestBed.configureTestingModule({
      imports: [Home],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: Auth, useValue: { me: signal(me).asReadonly() } },
        {
          provide: ContactLog,
          useValue: { logged$: logged, open: (preset?: unknown) => (opened.push(preset ?? {}), Promise.resolve()) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
    http.expectOne('/api/home').flush(home);
    await fixture.whenStable();
  }

  const element = () => fixture.nativeElement as HTMLElement;
  const text = () => element().textContent ?? '';
  const button = (name: RegExp) =>
    [...element().querySelectorAll<HTMLButtonElement>('button')].find((b) => name.test(b.textContent ?? ''))!;

  afterEach(() => http.verify());

  it("shows an account manager's day in one request and opens the log-contact dialog", async () => {
    await render('account_manager', managerHome);
    expect(text()).toContain('Soita rehtorille');
    expect(text()).toContain('Myöhässä (1)');
    expect(text()).toContain('Katsottu Oy');
    expect(text()).toContain('Ei yhteyttä 90 päivään (4)');
    expect(text()).toContain('Hiljainen Oy');
    button(/Kirjaa yhteydenotto/).click();
    expect(opened).toEqual([{}]);
  });

  it('completes a follow-up in place, reports it and reloads the day', async () => {
    await render('account_manager', managerHome);
    button(/Valmis: Soita rehtorille/).click();
    const request = http.expectOne('/api/follow-ups/1/complete');
    expect(request.request.body).toEqual({ version: 2 });
    request.flush({ ...followUps.overdue.items[0], status: 'done', version: 3 });
    await fixture.whenStable();
    http
      .expectOne('/api/home')
      .flush({ ...managerHome, followUps: { ...followUps, overdue: { items: [], total: 0 } } });
    await fixture.whenStable();
    expect(element().querySelector('#home-status')?.textContent).toContain('Merkitty valmiiksi: Soita rehtorille');
    expect(text()).not.toContain('Soita rehtorille (');
  });

  it('reschedules a follow-up to the chosen date with its version, and says so', async () => {
    await render('account_manager', managerHome);
    button(/Siirrä: Lähetä sopimus/).click();
    await fixture.whenStable();
    const input = element().querySelector<HTMLInputElement>('#reschedule-2')!;
    expect(input.value).toBe(addDays(today, 7));
    input.value = addDays(today, 3);
    input.dispatchEvent(new Event('input'));
    button(/Tallenna/).click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/follow-ups/2' });
    expect(request.request.body).toEqual({ dueDate: addDays(today, 3), version: 2 });
    request.flush({ ...followUps.today.items[0], dueDate: addDays(today, 3), version: 3 });
    await fixture.whenStable();
    http.expectOne('/api/home').flush(managerHome);
    await fixture.whenStable();
    expect(element().querySelector('#home-status')?.textContent).toContain('Siirretty');
  });

  it('reloads after a 409 and says someone else changed it', async () => {
    await render('account_manager', managerHome);
    button(/Valmis: Lähetä sopimus/).click();
    http.expectOne('/api/follow-ups/2/complete').flush(
      { statusCode: 409, error: 'Conflict', message: 'Stale', code: 'STALE_VERSION' },
      {
        status: 409,
        statusText: 'Conflict',
      },
    );
    await fixture.whenStable();
    http.expectOne('/api/home').flush(managerHome);
    await fixture.whenStable();
    expect(element().querySelector('#home-status')?.textContent).toContain('Joku muu muutti');
  });

  it("shows a campus member their groups' essentials with a link to the group's status", async () => {
    await render('campus_member', {
      role: 'campus_member',
      today,
      followUps,
      recentEmployers: [],
      groups: [
        {
          id: 3,
          name: 'Hervanta',
          campus: 'Hervannan kampus',
          employers: 120,
          noContact: 14,
          openFollowUps: 9,
          overdueFollowUps: 2,
          openOpportunities: 5,
          openPlaces: 12,
        },
      ],
    });
    expect(text()).toContain('Hervanta');
    const figures = [...element().querySelectorAll('.figures > div')];
    expect(
      figures.map((figure) => `${figure.querySelector('dt')?.textContent}: ${figure.querySelector('dd')?.textContent}`),
    ).toEqual([
      'Työnantajia: 120',
      'Ei yhteyttä 90 pv: 14',
      'Avoimia jatkotoimia: 9',
      'Myöhässä: ⚠ 2',
      'Avoimia mahdollisuuksia: 5',
      'Opiskelijapaikkoja: 12',
    ]);
    expect(figures.map((figure) => figure.classList.contains('alert'))).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    const link = element().querySelector<HTMLAnchorElement>('a[href="/campus-status/3"]')!;
    expect(link.textContent).toContain('Avaa ryhmän tilanne');
    expect(button(/Kirjaa yhteydenotto/)).toBeTruthy();
  });

  it('shows leadership three figures with sparklines and their values in words, linking to the dashboard', async () => {
    const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    await render('leadership', {
      role: 'leadership',
      today,
      figures: [
        { key: 'contacts', value: 78, series, seriesFrom: '2026-09-07' },
        { key: 'placesWon', value: 30, series, seriesFrom: '2026-09-07' },
        { key: 'overdueFollowUps', value: 6, series, seriesFrom: '2026-09-07' },
      ],
    });
    expect(element().querySelectorAll('app-sparkline svg[aria-hidden="true"] polyline')).toHaveLength(3);
    expect(element().querySelectorAll('a[href="/dashboard"]').length).toBeGreaterThanOrEqual(3);
    expect(text()).toContain('Viikoittain 7.9.2026 alkaen: 1, 2, 3');
    expect(element().querySelector('button')).toBeNull();
  });

  it('shows an admin the users and groups needing attention, with reasons', async () => {
    await render('admin', {
      role: 'admin',
      today,
      users: {
        items: [
          {
            id: 9,
            displayName: 'Uusi Käyttäjä',
            email: 'u@example.fi',
            role: 'campus_member',
            reasons: ['never_signed_in', 'no_campus_group'],
          },
        ],
        total: 1,
      },
      groups: { items: [{ id: 4, name: 'Tyhjä', campus: 'X', reasons: ['no_members'] }], total: 1 },
    });
    expect(text()).toContain('Ei ole kirjautunut');
    expect(text()).toContain('Ei Campus-ryhmää');
    expect(element().querySelector('a[href="/users/9"]')?.textContent).toContain('Uusi Käyttäjä');
    expect(text()).toContain('Ei jäseniä');
  });
});
