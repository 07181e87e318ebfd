import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { RegisterRefreshDto, RegisterRefreshStateDto } from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { flushApiError } from '../testing/http';
import { userWithRole } from '../testing/data';
import { REFRESH_POLL_MS, RegisterRefresh } from './register-refresh';

const job = (fields: Partial<RegisterRefreshDto>): RegisterRefreshDto => ({
  id: 3,
  status: 'running',
  progress: 0,
  total: 40,
  changed: 0,
  flagged: 0,
  notFound: 0,
  failed: 0,
  error: null,
  startedBy: 1,
  startedByName: 'Pääkäyttäjä',
  startedAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  finishedAt: null,
  ...fields,
});
const state = (fields: Partial<RegisterRefreshDto> | null): RegisterRefreshStateDto => ({
  job: fields ? job(fields) : null,
  requestsPerSecond: 5,
});

describe('RegisterRefresh (admin: refresh from YTJ)', () => {
  let fixture: ComponentFixture<RegisterRefresh>;
  let http: HttpTestingController;

  const root = () => fixture.nativeElement as HTMLElement;
  const startButton = () => root().querySelector('button') as HTMLButtonElement;
  const status = () => root().querySelector('[role=status]')!.textContent.replace(/\s+/g, ' ').trim();

  async function open(first: RegisterRefreshStateDto): Promise<void> {
    ({ fixture, http } = await renderComponent(RegisterRefresh, { signedIn: userWithRole('admin') }));
    http.expectOne('/api/business-register-refresh').flush(first);
    fixture.detectChanges();
  }

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  it('starts a refresh and follows its progress until it is done, then stops asking', async () => {
    await open(state(null));
    expect(status()).toContain('YTJ-päivitystä ei ole vielä tehty.');
    expect(root().textContent).toContain('5 kyselyä sekunnissa');

    jest.useFakeTimers();
    startButton().click();
    const start = http.expectOne({ method: 'POST', url: '/api/business-register-refresh' });
    start.flush(state({ progress: 0 }));
    fixture.detectChanges();
    expect(status()).toContain('Päivitys käynnissä');
    expect(startButton().disabled).toBe(true);

    jest.advanceTimersByTime(REFRESH_POLL_MS);
    http.expectOne({ method: 'GET', url: '/api/business-register-refresh' }).flush(state({ progress: 10, flagged: 1 }));
    fixture.detectChanges();
    expect(status()).toContain('Tarkistettu 10 / 40');
    expect((root().querySelector('progress') as HTMLProgressElement).value).toBe(25);

    jest.advanceTimersByTime(REFRESH_POLL_MS - 1);
    http.expectNone('/api/business-register-refresh');
    jest.advanceTimersByTime(1);
    http
      .expectOne('/api/business-register-refresh')
      .flush(state({ status: 'done', progress: 40, flagged: 3, notFound: 1, finishedAt: '2026-03-02T08:00:09.000Z' }));
    fixture.detectChanges();
    expect(status()).toContain('Päivitys valmis');
    expect(status()).toContain('Tarkistettu 40 / 40');
    const flaggedLink = root().querySelector('a[href*="registerFlags=true"]')!;
    expect(flaggedLink.textContent).toContain('Näytä työnantajat, joilla on YTJ-huomioita');

    jest.advanceTimersByTime(REFRESH_POLL_MS * 3);
    http.expectNone('/api/business-register-refresh');
    expect(startButton().disabled).toBe(false);
  });

  it('offers to resume a job the register interrupted, and tells when one already runs', async () => {
    await open(state({ status: 'failed', progress: 12, error: 'BUSINESS_REGISTER_UNAVAILABLE' }));
    expect(status()).toContain('Päivitys keskeytyi');
    expect(status()).toContain('YTJ ei vastannut');
    expect(startButton().textContent).toContain('Jatka keskeytynyttä päivitystä');

    startButton().click();
    flushApiError(http.expectOne({ method: 'POST', url: '/api/business-register-refresh' }), 409, {
      code: 'REGISTER_REFRESH_RUNNING',
    });
    fixture.detectChanges();
    expect(root().querySelector('.form-error')!.textContent).toContain('YTJ-päivitys on jo käynnissä.');
  });
});
