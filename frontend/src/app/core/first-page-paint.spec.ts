import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';

import { FirstPagePaint, firstPagePaintInterceptor } from './first-page-paint';

@Component({ template: '<h1>Page</h1>' })
class Page {
  constructor() {
    inject(HttpClient).get('/api/page-data').subscribe();
  }
}

/** A guard whose request the navigation waits for: holding it would never let the page come. */
async function guardAsking(): Promise<boolean> {
  await firstValueFrom(inject(HttpClient).get('/api/guard-check'));
  return true;
}

describe('FirstPagePaint', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: Page, canActivate: [guardAsking] },
          { path: 'next', component: Page },
        ]),
        provideHttpClient(withInterceptors([firstPagePaintInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(FirstPagePaint);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it("holds the first page's requests until a frame has been painted, never a guard's, and no later page's", async () => {
    const navigated = RouterTestingHarness.create('/');
    await jest.advanceTimersByTimeAsync(0);
    http.expectOne('/api/guard-check').flush({});
    await navigated;

    http.expectNone('/api/page-data');
    await jest.advanceTimersByTimeAsync(50);
    http.expectOne('/api/page-data').flush({});

    await TestBed.inject(Router).navigateByUrl('/next');
    http.expectOne('/api/page-data').flush({});
  });
});
