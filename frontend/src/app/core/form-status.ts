import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ApiError } from '@tyoelama/shared';

import { TranslatePipe } from './i18n/translate-pipe';
import { ApiErrorPipe } from './i18n/api-error-pipe';

/** The form-level message of a form, in a live region; a stale save offers to reload the record. */
@Component({
  selector: 'app-form-status',
  imports: [ApiErrorPipe, MatButton, TranslatePipe],
  template: `
    <div aria-live="assertive" aria-atomic="true">
      @if (error(); as error) {
        <div class="form-error">
          <p class="message">{{ error | apiError }}</p>
          @if (stale()) {
            <button mat-stroked-button type="button" (click)="reload.emit()">{{ 'common.reload' | t }}</button>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .message {
      margin: 0 0 0.5rem;
    }
    .message:last-child {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormStatus {
  readonly error = input<ApiError | null>(null);
  readonly reload = output<void>();
  protected readonly stale = computed(() => this.error()?.code === 'STALE_VERSION');
}
