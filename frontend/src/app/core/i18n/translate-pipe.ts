import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18n, type TranslationParams } from './i18n';

/**
 * `{{ 'users.heading' | t }}`. The pipe is free of side effects but declared `pure: false`:
 * Angular skips a pure pipe while its arguments stay the same, so it would never read the
 * locale signal again and a language switch would not reach the template. Reading the signal
 * on each check makes the view depend on it; the lookup is a few property reads.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: string, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
