import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { Router } from '@angular/router';

import { Auth } from '../core/auth';
import { LOCALE_STORAGE_KEY } from '../core/i18n/i18n';
import { renderComponent } from '../testing/app';
import { userWithRole } from '../testing/data';
import { flushApiError } from '../testing/http';
import { Shell } from './shell';

const member = userWithRole('campus_member');

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = await renderComponent(Shell));
  });

  afterEach(() => http.verify());

  async function signIn(): Promise<void> {
    const loaded = TestBed.inject(Auth).loadMe();
    http.expectOne('/api/auth/me').flush(member);
    await loaded;
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  }

  it('shows no page until the session is known, so nothing jumps when the header fills in', async () => {
    expect(fixture.nativeElement.querySelector('main')).toBeNull();
    await signOut();
    expect(fixture.nativeElement.querySelector('main#main')).not.toBeNull();
  });

  async function signOut(): Promise<void> {
    const loaded = TestBed.inject(Auth).loadMe();
    flushApiError(http.expectOne('/api/auth/me'), 401, { code: 'UNAUTHENTICATED' });
    await loaded;
    await fixture.whenStable();
  }

  it('has a skip link to the main landmark and no navigation when signed out', async () => {
    await signOut();
    const skip = fixture.nativeElement.querySelector('a.skip-link') as HTMLAnchorElement;
    expect(skip.textContent?.trim()).toBe('Siirry sisältöön');
    skip.click();
    expect(document.activeElement).toBe(fixture.nativeElement.querySelector('main#main'));
    expect(fixture.nativeElement.querySelector('nav')).toBeNull();
  });

  it('shows navigation, the user and sign-out once signed in', async () => {
    await signIn();
    expect(text()).toContain('Käyttäjät');
    expect(text()).toContain('Campus-ryhmät');
    expect(text()).toContain('Kalle Kampus');
    expect(text()).toContain('Kirjaudu ulos');
  });

  it('switches the language without a reload and stores it with the user', async () => {
    await signIn();
    const english = fixture.nativeElement.querySelector('button[lang=en]') as HTMLButtonElement;
    english.click();
    await fixture.whenStable();

    expect(text()).toContain('Users');
    expect(text()).toContain('Sign out');
    expect(english.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    const request = http.expectOne({ method: 'PATCH', url: '/api/auth/me' });
    expect(request.request.body).toEqual({ locale: 'en' });
    request.flush({ ...member, locale: 'en' });
  });

  it('keeps the choice in this browser only before sign-in', async () => {
    (fixture.nativeElement.querySelector('button[lang=en]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(text()).toContain('Skip to content');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    http.expectNone('/api/auth/me');
  });

  function menuButton(): HTMLButtonElement {
    return fixture.nativeElement.querySelector('button.menu-button') as HTMLButtonElement;
  }

  function menu(): HTMLElement {
    return fixture.nativeElement.querySelector('#app-menu') as HTMLElement;
  }

  it('folds the navigation behind a menu button that says whether it is open', async () => {
    await signIn();
    expect(menuButton().textContent?.trim()).toBe('Valikko');
    expect(menuButton().getAttribute('aria-controls')).toBe('app-menu');
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(menu().classList).not.toContain('open');
    expect(menu().querySelector('nav')?.textContent).toContain('Työnantajat');

    menuButton().click();
    await fixture.whenStable();
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(menu().classList).toContain('open');

    menuButton().click();
    await fixture.whenStable();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes the menu with Escape and gives focus back to its button', async () => {
    await signIn();
    menuButton().click();
    await fixture.whenStable();
    const link = menu().querySelector('nav a') as HTMLAnchorElement;
    link.focus();
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton());
  });

  it('closes the menu once a link in it has been followed', async () => {
    await signIn();
    menuButton().click();
    await fixture.whenStable();
    TestBed.inject(Router).resetConfig([{ path: 'employers', children: [] }]);
    await TestBed.inject(Router).navigateByUrl('/employers');
    await fixture.whenStable();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
  });

  it('follows a header link with the router and marks the page it is on', async () => {
    await signIn();
    const router = TestBed.inject(Router);
    router.resetConfig([
      { path: '', pathMatch: 'full', children: [] },
      { path: 'employers', children: [{ path: ':id', children: [] }] },
    ]);
    const link = (label: string) =>
      [...fixture.nativeElement.querySelectorAll('nav a')].find(
        (a: HTMLAnchorElement) => a.textContent?.trim() === label,
      ) as HTMLAnchorElement;

    link('Työnantajat').click();
    await fixture.whenStable();
    expect(router.url).toBe('/employers');

    await router.navigateByUrl('/employers/42');
    await fixture.whenStable();
    expect(link('Työnantajat').getAttribute('aria-current')).toBe('page');
    expect(link('Työnantajat').classList).toContain('active');
    // Home is marked only on itself, not under every path.
    expect(link('Etusivu').getAttribute('aria-current')).toBeNull();

    link('Etusivu').click();
    await fixture.whenStable();
    expect(link('Etusivu').getAttribute('aria-current')).toBe('page');
    expect(link('Työnantajat').getAttribute('aria-current')).toBeNull();
  });

  it('keeps the whole name of the log-contact button when a phone shows only its first word', async () => {
    await signIn();
    const log = fixture.nativeElement.querySelector('button.log-contact') as HTMLButtonElement | null;
    // A campus member may log contacts of their own groups.
    expect(log?.getAttribute('aria-label')).toBe('Kirjaa yhteydenotto');
    expect(log?.querySelector('.label-short')?.textContent).toBe('Kirjaa');
  });
});
