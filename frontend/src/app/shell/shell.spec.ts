import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { LOCALE_STORAGE_KEY } from '../core/i18n/i18n';
import { Shell } from './shell';

const member: Me = {
  id: 3,
  email: 'kalle@example.fi',
  displayName: 'Kalle Kampus',
  role: 'campus_member',
  campusGroupIds: [1],
  locale: 'fi',
};

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
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
    http
      .expectOne('/api/auth/me')
      .flush({ statusCode: 401, message: 'Sign in' }, { status: 401, statusText: 'Unauthorized' });
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
    const request = http.expectOne('/api/auth/me');
    expect(request.request.method).toBe('PATCH');
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
});
