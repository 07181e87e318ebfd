import { Pipe, PipeTransform, inject } from '@angular/core';
import type { ApiError } from '@tyoelama/shared';

import { I18n } from './i18n';

/**
 * `{{ error | apiError }}`: a refused or failed request in the user's language (see
 * {@link I18n.apiError}). Not pure, for the same reason as the `t` pipe: a language switch must
 * reach the text.
 */
@Pipe({ name: 'apiError', pure: false })
export class ApiErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(error: ApiError): string {
    return this.i18n.apiError(error);
  }
}
