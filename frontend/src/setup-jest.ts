import { TestBed } from '@angular/core/testing';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

import { provideAppTranslations } from './app/translations';

setupZonelessTestEnv();

// Components render with the app's dictionaries, as app.config provides them; a spec's own
// configureTestingModule adds to this.
beforeEach(() => {
  TestBed.configureTestingModule({ providers: [provideAppTranslations()] });
});
