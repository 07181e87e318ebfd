import { Pipe, inject, type PipeTransform } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

import { fieldErrorOf } from '../core/forms';
import { I18n } from '../core/i18n/i18n';

/**
 * The message of a control's field error (from the shared schema or the API) in the reader's
 * language, or null: `@if (form.controls.name | fieldError; as message) { <mat-error>… }`.
 * Impure like the `t` pipe: the control stays the same object while its errors and the locale change.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(control: AbstractControl): string | null {
    const error = fieldErrorOf(control);
    return error ? this.i18n.fieldError(error) : null;
  }
}
