import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

import { TranslatePipe } from '../../core/i18n/translate-pipe';
import { FieldErrorPipe } from '../field-error';

/**
 * The translated field error of a control that has no Material field to show it (a toggle group,
 * check boxes, chips, a choice that is not on screen), announced as an alert when it appears.
 * `label` (a translation key) names the field where the error does not stand next to it.
 */
@Component({
  selector: 'app-inline-field-error',
  imports: [TranslatePipe, FieldErrorPipe],
  template: `
    @if (control() | fieldError; as message) {
      <p class="field-error" role="alert">
        @if (label(); as label) {
          {{ label | t }}:
        }
        {{ message }}
      </p>
    }
  `,
  // Same red as the global .form-error text; errors also carry words, never colour alone.
  styles: `
    .field-error {
      margin: 0.25rem 0 0;
      color: #8c1d18;
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InlineFieldError {
  readonly control = input.required<AbstractControl>();
  readonly label = input<string | null>(null);
}
