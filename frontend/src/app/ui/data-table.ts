import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';

import { I18n, type TranslationParams } from '../core/i18n/i18n';
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
 * instead of widening the page (WCAG 1.4.10 reflow); `scrollRegion` makes it a region named by its
 * caption that the keyboard can reach and scroll, for a table with nothing focusable in it.
 */
@Component({
  selector: 'app-data-table',
  imports: [TranslatePipe],
  template: `
    <table class="data-table">
      <caption [class.visually-hidden]="!captionShown()">
        {{
          captionText()
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
  host: {
    class: 'table-scroll',
    '[attr.tabindex]': 'scrollRegion() ? 0 : null',
    '[attr.role]': "scrollRegion() ? 'region' : null",
    '[attr.aria-label]': 'scrollRegion() ? captionText() : null',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTable {
  private readonly i18n = inject(I18n);
  /** Translation key of the caption, like the columns' headings; `captionParams` fill its placeholders. */
  readonly caption = input.required<string>();
  readonly captionParams = input<TranslationParams | undefined>(undefined);
  readonly captionShown = input(false, { transform: booleanAttribute });
  readonly columns = input.required<readonly TableColumn[]>();
  readonly scrollRegion = input(false, { transform: booleanAttribute });

  // Read inside a computed, so a language switch retitles the table.
  protected readonly captionText = computed(() => this.i18n.t(this.caption(), this.captionParams()));
}
