import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { TranslatePipe } from '../core/i18n/translate-pipe';

export interface ImportFigure {
  /** Translation key of the label. */
  label: string;
  value: number;
  /** `data-count` for tests and e2e, where a figure is looked up. */
  key?: string;
}

/** The big figures of an import: the preview's row counts, the report's outcome counts. */
@Component({
  selector: 'app-import-summary',
  imports: [TranslatePipe],
  template: `
    <dl class="summary">
      @for (figure of figures(); track figure.label) {
        <div>
          <dt>{{ figure.label | t }}</dt>
          <dd [attr.data-count]="figure.key ?? null">{{ figure.value }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      margin: 1rem 0;

      dt {
        font-size: 0.875rem;
      }

      dd {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportSummary {
  readonly figures = input.required<ImportFigure[]>();
}
