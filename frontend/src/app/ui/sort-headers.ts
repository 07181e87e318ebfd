import { ChangeDetectionStrategy, Component, computed, input, output, type Signal } from '@angular/core';

import { TranslatePipe } from '../core/i18n/translate-pipe';

export type SortState = 'ascending' | 'descending' | 'none';

/** A table column: its label's translation key and the sort it toggles (null: not sortable). */
export interface SortColumn<S extends string> {
  label: string;
  sort: S | null;
}

const ARROWS: Record<SortState, string> = { ascending: '▲', descending: '▼', none: '↕' };

/** A table's columns with how each is sorted now (read from the URL by `stateOf`). */
export class SortableColumns<S extends string> {
  /** The column the rows are sorted by, for the caption. */
  readonly sorted: Signal<SortColumn<S> | undefined>;

  constructor(
    readonly columns: readonly SortColumn<S>[],
    readonly stateOf: (sort: S) => SortState,
  ) {
    this.sorted = computed(() => this.columns.find((column) => column.sort && this.stateOf(column.sort) !== 'none'));
  }
}

/** The header row of a sortable table: a button per sortable column, its order in `aria-sort`. */
@Component({
  selector: 'tr[appSortHeaders]',
  imports: [TranslatePipe],
  template: `
    @for (column of table().columns; track column.label) {
      @if (column.sort; as sort) {
        <th scope="col" [attr.aria-sort]="table().stateOf(sort)">
          <button type="button" class="sort" [attr.data-sort]="sort" (click)="sortBy.emit(sort)">
            {{ column.label | t }}
            <span class="arrow" aria-hidden="true">{{ arrows[table().stateOf(sort)] }}</span>
          </button>
        </th>
      } @else {
        <th scope="col">{{ column.label | t }}</th>
      }
    }
  `,
  styles: `
    .sort {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
      padding: 0.25rem;
      margin: -0.25rem;
      border: 0;
      background: none;
      font: inherit;
      font-weight: 600;
      color: inherit;
      cursor: pointer;
      text-align: left;
    }

    .arrow {
      font-size: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SortHeaders<S extends string> {
  readonly table = input.required<SortableColumns<S>>({ alias: 'appSortHeaders' });
  readonly sortBy = output<S>();
  protected readonly arrows = ARROWS;
}

/** A sortable table's caption (projected) for screen readers, which then names the sorted column. */
@Component({
  selector: 'caption[appSortCaption]',
  imports: [TranslatePipe],
  host: { class: 'visually-hidden' },
  template: `
    <ng-content />
    @if (table().sorted(); as column) {
      , {{ sortedBy() | t: { column: (column.label | t) } }}
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SortCaption<S extends string> {
  readonly table = input.required<SortableColumns<S>>({ alias: 'appSortCaption' });
  /** Translation key of ", sorted by {column}". */
  readonly sortedBy = input.required<string>();
}
