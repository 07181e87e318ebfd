import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';

import { TranslatePipe } from '../core/i18n/translate-pipe';

/** A column heading's translation key; a `figure` column is right-aligned over its numbers. */
export type TableColumn = string | { label: string; figure: true };

/** A column of figures (right-aligned like its cells, which carry `class="number"`). */
export function figureColumn(label: string): TableColumn {
  return { label, figure: true };
}

/**
 * A table of data: its caption (for screen readers only, unless `captionShown`), a heading per
 * column, and the body rows, projected as `<tr>`s. A table wider than the screen scrolls sideways
 * instead of widening the page (WCAG 1.4.10 reflow).
 */
@Component({
  selector: 'app-data-table',
  imports: [TranslatePipe],
  template: `
    <table class="data-table">
      <caption [class.visually-hidden]="!captionShown()">
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          @for (column of columns(); track $index) {
            @if (typeof column === 'string') {
              <th scope="col">{{ column | t }}</th>
            } @else {
              <th scope="col" class="number">{{ column.label | t }}</th>
            }
          }
        </tr>
      </thead>
      <tbody>
        <ng-content />
      </tbody>
    </table>
  `,
  host: { class: 'table-scroll' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTable {
  /** The caption, already in the reader's language. */
  readonly caption = input.required<string>();
  readonly captionShown = input(false, { transform: booleanAttribute });
  readonly columns = input.required<readonly TableColumn[]>();
}
