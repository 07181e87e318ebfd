import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';
import type { ApiError } from '@tyoelama/shared';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { LoadStatus } from './load-status';

/**
 * A list's state in a live region: the load error, "loading", or how many of how many are shown.
 * The first page (nothing shown yet) loads as table-row placeholders; "load more" keeps the rows.
 */
@Component({
  selector: 'app-list-status',
  imports: [TranslatePipe, LoadStatus],
  template: `
    <app-load-status live [error]="error()" [loading]="loading()" [skeleton]="shown() ? null : 'table'">
      @if (shown() || !hideEmptyCount()) {
        <p class="muted count">{{ 'common.showing' | t: { shown: shown(), total: total() } }}</p>
      }
    </app-load-status>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStatus {
  readonly error = input<ApiError | null>(null);
  readonly loading = input(false);
  readonly shown = input(0);
  readonly total = input(0);
  /** Leaves out "showing 0 of 0" where the list has its own empty state. */
  readonly hideEmptyCount = input(false, { transform: booleanAttribute });
}
