import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import type { PagedView } from '../core/paged-list';
import { ListStatus } from './list-status';

/**
 * A keyset-paged list's body: its live status, the projected table once there are rows, the empty
 * state (projected `[empty]`, else "no results") and the "load more" button.
 */
@Component({
  selector: 'app-paged-table',
  imports: [MatButton, TranslatePipe, ListStatus],
  template: `
    <app-list-status
      [error]="list().error()"
      [loading]="list().loading()"
      [shown]="list().items().length"
      [total]="list().total()"
      [hideEmptyCount]="hideEmptyCount()"
    />
    @if (list().items().length) {
      <ng-content />
    } @else if (!list().loading() && !list().error()) {
      <ng-content select="[empty]">
        <p>{{ 'common.noResults' | t }}</p>
      </ng-content>
    }
    @if (list().nextCursor() && list().items().length) {
      <button
        mat-stroked-button
        type="button"
        class="load-more"
        [disabled]="list().loading()"
        (click)="list().loadMore()"
      >
        {{ 'common.loadMore' | t }}
      </button>
    }
  `,
  // A wide table scrolls by itself on a narrow screen instead of widening the page (WCAG 1.4.10 reflow).
  host: { class: 'table-scroll' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagedTable {
  readonly list = input.required<PagedView>();
  /** Leaves out "showing 0 of 0" where the list has its own empty state. */
  readonly hideEmptyCount = input(false, { transform: booleanAttribute });
}
