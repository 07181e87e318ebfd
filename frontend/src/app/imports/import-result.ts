import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ImportReport, ImportStatusDto } from '@tyoelama/shared';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ImportReportBox } from './import-report';
import type { ImportFigure } from './import-summary';

/** The import's last steps: progress while the rows are written, then the report. */
@Component({
  selector: 'app-import-result',
  imports: [RouterLink, MatButton, TranslatePipe, ImportReportBox],
  templateUrl: './import-result.html',
  styleUrl: './import-result.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportResult {
  readonly status = input.required<ImportStatusDto>();
  /** False while the import runs; true once it is done, failed, or could no longer be followed. */
  readonly finished = input.required<boolean>();
  readonly again = output<void>();

  protected reportFigures(report: ImportReport): ImportFigure[] {
    return [
      { label: 'import.report.created', value: report.created, key: 'created' },
      { label: 'import.report.updated', value: report.updated, key: 'updated' },
      { label: 'import.report.skipped', value: report.skipped, key: 'skipped' },
      { label: 'import.report.failed', value: report.failed, key: 'failed' },
      { label: 'import.report.merged', value: report.merged },
      { label: 'import.report.contactsCreated', value: report.contactsCreated },
    ];
  }
}
