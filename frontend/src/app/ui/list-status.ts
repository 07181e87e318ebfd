import { ChangeDetectionStrategy, Component, booleanAttribute, inject, input } from '@angular/core';
import type { ApiError } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/** A list's state in a live region: the load error, "loading", or how many of how many are shown. */
@Component({
  selector: 'app-list-status',
  imports: [TranslatePipe],
  template: `
    <div aria-live="polite" aria-atomic="true">
      @if (error(); as error) {
        <p class="form-error">{{ 'common.loadFailed' | t: { message: i18n.apiError(error) } }}</p>
      } @else if (loading()) {
        <p class="muted">{{ 'app.loading' | t }}</p>
      } @else if (shown() || !hideEmptyCount()) {
        <p class="muted count">{{ 'common.showing' | t: { shown: shown(), total: total() } }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStatus {
  protected readonly i18n = inject(I18n);
  readonly error = input<ApiError | null>(null);
  readonly loading = input(false);
  readonly shown = input(0);
  readonly total = input(0);
  /** Leaves out "showing 0 of 0" where the list has its own empty state. */
  readonly hideEmptyCount = input(false, { transform: booleanAttribute });
}
