import { HttpClient } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { ApiError } from '@tyoelama/shared';

// The interceptor under test is among the app's usual providers.
import { setUpApp } from '../testing/app';

describe('apiErrorInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    http = setUpApp();
    client = TestBed.inject(HttpClient);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  it('hands callers the error envelope and sends a lost session to /login', () => {
    let received: ApiError | undefined;
    client.get('/api/users').subscribe({ error: (error: ApiError) => (received = error) });
    const envelope = { statusCode: 401, error: 'Unauthorized', message: 'Session expired', code: 'UNAUTHENTICATED' };
    http.expectOne('/api/users').flush(envelope, { status: 401, statusText: 'Unauthorized' });
    expect(received).toEqual(envelope);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/', reason: 'expired' } });
  });

  it('does not redirect when the session probe or a sign-in answers 401', () => {
    client.get('/api/auth/me').subscribe({ error: () => undefined });
    client.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    const envelope = { statusCode: 401, error: 'Unauthorized', message: 'No', code: 'INVALID_CREDENTIALS' };
    http.expectOne('/api/auth/me').flush(envelope, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/auth/login').flush(envelope, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('describes a request that got no answer as status 0', () => {
    let received: ApiError | undefined;
    client.get('/api/users').subscribe({ error: (error: ApiError) => (received = error) });
    http.expectOne('/api/users').error(new ProgressEvent('error'));
    expect(received?.statusCode).toBe(0);
  });
});
