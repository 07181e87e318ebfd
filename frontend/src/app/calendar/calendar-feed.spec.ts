import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { setUpApp } from '../testing/app';
import { CalendarFeed } from './calendar-feed';

describe('CalendarFeed', () => {
  let fixture: ComponentFixture<CalendarFeed>;
  let http: HttpTestingController;

  beforeEach(() => {
    http = setUpApp();
    fixture = TestBed.createComponent(CalendarFeed);
  });

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const text = () => element().textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (selector: string) => element().querySelector(selector) as HTMLButtonElement;

  it('creates a feed, shows its address once with a copy button, and copies it', async () => {
    http.expectOne({ method: 'GET', url: '/api/calendar-feed' }).flush({ active: false, url: null, createdAt: null });
    await fixture.whenStable();
    expect(text()).toContain('Sinulla ei ole kalenterisyötettä.');
    expect(button('button.revoke')).toBeNull();

    button('button.create').click();
    const url = 'https://crm.example.fi/api/calendar/abc123.ics';
    http
      .expectOne({ method: 'POST', url: '/api/calendar-feed' })
      .flush({ active: true, url, createdAt: '2026-11-24T10:00:00Z' });
    await fixture.whenStable();

    const input = element().querySelector('#calendar-feed-url') as HTMLInputElement;
    expect(input.value).toBe(url);
    expect(input.readOnly).toBe(true);
    expect(element().querySelector('label[for=calendar-feed-url]')?.textContent?.trim()).toBe(
      'Kalenterisyötteen osoite',
    );
    expect(text()).toContain('Sinulla on käytössä kalenterisyöte, luotu 24.11.2026.');
    expect(button('button.create').textContent?.trim()).toBe('Luo uusi osoite');

    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    button('button.copy').click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(url);
    expect(text()).toContain('Osoite kopioitu leikepöydälle.');
  });

  it('revokes the feed and forgets the address', async () => {
    http.expectOne('/api/calendar-feed').flush({ active: true, url: null, createdAt: '2026-10-01T10:00:00Z' });
    await fixture.whenStable();
    expect(text()).toContain('luotu 1.10.2026');
    expect(element().querySelector('#calendar-feed-url')).toBeNull();

    button('button.revoke').click();
    http
      .expectOne({ method: 'DELETE', url: '/api/calendar-feed' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(text()).toContain('Kalenterisyöte poistettu käytöstä.');
    expect(text()).toContain('Sinulla ei ole kalenterisyötettä.');
    expect(button('button.revoke')).toBeNull();
    expect(button('button.create').textContent?.trim()).toBe('Luo osoite');
  });

  it('says what went wrong when the server refuses', async () => {
    http.expectOne('/api/calendar-feed').flush({ active: false, url: null, createdAt: null });
    await fixture.whenStable();
    button('button.create').click();
    http
      .expectOne({ method: 'POST', url: '/api/calendar-feed' })
      .flush(
        { statusCode: 500, error: 'Internal Server Error', message: 'x', code: 'INTERNAL' },
        { status: 500, statusText: 'Internal Server Error' },
      );
    await fixture.whenStable();
    expect(element().querySelector('.form-error')?.textContent).toContain('Toiminto epäonnistui');
  });
});
