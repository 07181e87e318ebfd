import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { TranslatePipe } from '../../core/i18n/translate-pipe';

/**
 * A form's submit button: says what it does, and while the request runs says so and cannot be
 * pressed again. Labels are translation keys.
 */
@Component({
  selector: 'app-submit-button',
  imports: [MatButton, TranslatePipe],
  template: `
    <button mat-flat-button type="submit" [disabled]="pending() || disabled()">
      {{ (pending() ? pendingLabel() : label()) | t }}
    </button>
  `,
  // The button itself is the item of the surrounding action row, as if written there.
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitButton {
  readonly label = input.required<string>();
  readonly pendingLabel = input('common.saving');
  readonly pending = input(false);
  /** Not available for another reason than a running request (a conflict to settle first). */
  readonly disabled = input(false, { transform: booleanAttribute });
}
