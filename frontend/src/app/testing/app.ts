import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal, type EnvironmentProviders, type Provider, type Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type RouterFeatures, type Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Me } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';

export interface TestAppOptions {
  routes?: Routes;
  routerFeatures?: RouterFeatures[];
  /**
   * The user who is signed in, behind a stand-in `Auth`. Left out, the real `Auth` runs: for the
   * specs whose subject is the session itself (its requests then go to the testing backend).
   */
  signedIn?: Me;
  /** Dialogs, menus and selects open at once: a spec then needs no waits for their animations. */
  noAnimations?: boolean;
  providers?: (Provider | EnvironmentProviders)[];
}

/**
 * The providers the app runs with (router, `HttpClient` with the API error interceptor), but with
 * the testing backend for HTTP. Finnish UI: the language stored by an earlier spec is cleared.
 */
export function setUpApp(options: TestAppOptions = {}): HttpTestingController {
  localStorage.clear();
  const { signedIn } = options;
  TestBed.configureTestingModule({
    providers: [
      provideRouter(options.routes ?? [], ...(options.routerFeatures ?? [])),
      provideHttpClient(withInterceptors([apiErrorInterceptor])),
      provideHttpClientTesting(),
      signedIn
        ? { provide: Auth, useValue: { me: signal(signedIn).asReadonly(), loadMe: () => Promise.resolve(signedIn) } }
        : [],
      options.noAnimations ? { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } } : [],
      ...(options.providers ?? []),
    ],
  });
  return TestBed.inject(HttpTestingController);
}

export interface Rendered<T> {
  fixture: ComponentFixture<T>;
  http: HttpTestingController;
}

/** Sets up the app and renders `component` with `inputs` set, stable (its first requests sent). */
export async function renderComponent<T>(
  component: Type<T>,
  options: TestAppOptions & { inputs?: Record<string, unknown> } = {},
): Promise<Rendered<T>> {
  const http = setUpApp(options);
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(options.inputs ?? {})) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, http };
}

export interface Routed {
  harness: RouterTestingHarness;
  http: HttpTestingController;
}

/** Sets up the app with `options.routes` and navigates to `url`, as a user following a link would. */
export async function openRoute(url: string, options: TestAppOptions = {}): Promise<Routed> {
  const http = setUpApp(options);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return { harness, http };
}
