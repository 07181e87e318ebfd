import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { type ImportFigure, ImportSummary } from './import-summary';

/** What both importers' job statuses tell of how the job ended. */
interface FinishedImport {
  status: string;
  report: { error?: string } | null;
}

/**
 * A finished import's report, announced as a status: the heading (done, or failed with the reason
 * it was rolled back) and the outcome's figures. Both importers end with it.
 */
@Component({
  selector: 'app-import-report',
  imports: [TranslatePipe, ImportSummary],
  template: `
    <div role="status" class="report-box">
      @if (succeeded()) {
        <h2 id="import-report">{{ heading() | t }}</h2>
      } @else {
        <h2 id="import-report">{{ failedHeading() | t }}</h2>
        @if (status().report?.error; as error) {
          <p class="form-error">{{ 'import.report.rolledBack' | t: { error } }}</p>
        }
      }
      @if (figures(); as figures) {
        <app-import-summary [figures]="figures" />
      }
    </div>
  `,
  styles: `
    h2 {
      margin-top: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportReportBox {
  readonly status = input.required<FinishedImport>();
  /** Translation keys of the heading when it succeeded and when it did not. */
  readonly heading = input.required<string>();
  readonly failedHeading = input.required<string>();
  /** The report's figures; none while there is no report. */
  readonly figures = input<ImportFigure[] | null>(null);

  /** Done, with a report that carries no error. */
  protected readonly succeeded = computed(() => {
    const { status, report } = this.status();
    return status === 'done' && !!report && !report.error;
  });
}
