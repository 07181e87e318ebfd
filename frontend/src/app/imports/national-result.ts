import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { NationalImportReport, NationalImportStatusDto } from '@tyoelama/shared';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ImportReportBox } from './import-report';
import type { ImportFigure } from './import-summary';

/** A national import's last steps: progress while the records are written, then the report. */
@Component({
  selector: 'app-national-result',
  imports: [MatButton, TranslatePipe, ImportReportBox],
  template: `
    @let current = status();
    @if (!finished()) {
      <h2>{{ 'nationalImport.committing' | t }}</h2>
      <label for="national-progress">{{ 'import.progressLabel' | t }}</label>
      <progress
        id="national-progress"
        [max]="current.total || 1"
        [value]="current.progress"
        [attr.aria-valuetext]="'nationalImport.progressText' | t: { done: current.progress, total: current.total }"
      ></progress>
    } @else {
      <app-import-report
        [status]="current"
        heading="nationalImport.report.heading"
        failedHeading="nationalImport.report.failedHeading"
        [figures]="figures()"
      />
      <div class="actions">
        <button mat-stroked-button type="button" (click)="again.emit()">{{ 'import.report.again' | t }}</button>
      </div>
    }
  `,
  styleUrl: './import-result.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NationalResult {
  readonly status = input.required<NationalImportStatusDto>();
  readonly finished = input.required<boolean>();
  readonly again = output<void>();

  protected readonly figures = computed((): ImportFigure[] => {
    const report = this.status().report;
    if (!report) return [];
    const figure = (key: Exclude<keyof NationalImportReport, 'source' | 'error'>, value: number): ImportFigure => ({
      label: `nationalImport.report.${key}`,
      value,
      key,
    });
    return [
      figure('inserted', report.inserted),
      figure('updated', report.updated),
      figure('unchanged', report.unchanged),
      figure('removed', report.removed),
      figure('sourceRemoved', report.sourceRemoved),
      figure('failed', report.failed),
      figure('matched', report.matched),
      ...(report.source === 'ehoks' ? [figure('instructorsCreated', report.instructorsCreated)] : []),
    ];
  });
}
