import { TestBed } from '@angular/core/testing';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

import { provideAppTranslations } from './app/translations';

setupZonelessTestEnv();

// jsdom has no IntersectionObserver. `@defer (on viewport)` blocks need one to start; in a jsdom
// page nothing is ever "in view", so this one never reports and such blocks keep their placeholder
// (a spec that wants the deferred content renders that component itself).
if (!('IntersectionObserver' in globalThis)) {
  class NoIntersections {
    readonly root = null;
    readonly rootMargin = '0px';
    readonly thresholds = [0];
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): [] {
      return [];
    }
  }
  Object.defineProperty(globalThis, 'IntersectionObserver', { value: NoIntersections, writable: true });
}

// Components render with the app's dictionaries, as app.config provides them; a spec's own
// configureTestingModule adds to this.
beforeEach(() => {
  TestBed.configureTestingModule({ providers: [provideAppTranslations()] });
});
