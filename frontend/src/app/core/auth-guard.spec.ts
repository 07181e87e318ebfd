import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Me } from '@tyoelama/shared';

import { nextRequest } from '../testing/http';
import { usersRoutes } from '../users/users.routes';
import { authGuard } from './auth-guard';
import { apiErrorInterceptor } from './error-interceptor';

@Component({ template: '<p>page</p>' })
class Page {}

const member: Me = {
  id: 3,
  email: 'kalle@example.fi',
  displayName: 'Kalle Kampus',
  role: 'campus_member',
  campusGroupIds: [1],
  locale: 'fi',
};

describe('authGuard', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Page },
          { path: '', canActivate: [authGuard], children: [{ path: 'users', children: usersRoutes }] },
        ]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends a visitor without a session to /login with the address they wanted', async () => {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/users?role=admin');
    (await nextRequest(http, '/api/auth/me')).flush(
      { statusCode: 401, error: 'Unauthorized', message: 'No session', code: 'UNAUTHENTICATED' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fusers%3Frole%3Dadmin');
  });

  it('shows "no access" at the same address when the role may not write users', async () => {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/users/new');
    (await nextRequest(http, '/api/auth/me')).flush(member);
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/users/new');
    expect(harness.routeNativeElement?.textContent).toContain('Ei käyttöoikeutta');
  });
});
