import type { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { setUpApp } from '../testing/app';
import { userWithRole } from '../testing/data';
import { flushApiError, nextRequest } from '../testing/http';
import { usersRoutes } from '../users/users.routes';
import { authGuard } from './auth-guard';

@Component({ template: '<p>page</p>' })
class Page {}

describe('authGuard', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    http = setUpApp({
      routes: [
        { path: 'login', component: Page },
        { path: '', canActivate: [authGuard], children: [{ path: 'users', children: usersRoutes }] },
      ],
    });
  });

  afterEach(() => http.verify());

  it('sends a visitor without a session to /login with the address they wanted', async () => {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/users?role=admin');
    flushApiError(await nextRequest(http, '/api/auth/me'), 401, { code: 'UNAUTHENTICATED' });
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fusers%3Frole%3Dadmin');
  });

  it('shows "no access" at the same address when the role may not write users', async () => {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/users/new');
    (await nextRequest(http, '/api/auth/me')).flush(userWithRole('campus_member'));
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/users/new');
    expect(harness.routeNativeElement?.textContent).toContain('Ei käyttöoikeutta');
  });
});
