import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { FieldError, ImportDecision, ImportPreviewDto, ImportRowDto } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable, figureColumn } from '../ui/data-table';
import { ImportSummary, type ImportFigure } from './import-summary';

export const IMPORT_PAGE_SIZE = 50;
const numberFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1 });

/** The default the API applies too: duplicates are skipped unless the user says otherwise. */
export function defaultDecision(row: ImportRowDto): ImportDecision | null {
  if (row.errors.length) return null;
  return row.duplicate ? 'skip' : 'create';
}

/** The import's validation report: counts, a page of rows with their errors, and a choice for each duplicate. */
@Component({
  selector: 'app-import-preview',
  imports: [RouterLink, MatButton, TranslatePipe, DataTable, ImportSummary],
  templateUrl: './import-preview.html',
  styleUrl: './import-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPreview {
  private readonly i18n = inject(I18n);
  protected readonly pageSize = IMPORT_PAGE_SIZE;
  protected readonly columns = [
    figureColumn('import.table.row'),
    'import.table.name',
    'import.table.businessId',
    'import.table.municipality',
    figureColumn('import.table.contacts'),
    'import.table.status',
  ];

  readonly preview = input.required<ImportPreviewDto>();
  /** The page of rows shown, from `offset`. */
  readonly rows = input.required<ImportRowDto[]>();
  readonly offset = input.required<number>();
  readonly rowsLoading = input(false);
  /** Choices made for duplicate rows, by row number, over every page. */
  readonly decisions = input.required<ReadonlyMap<number, ImportDecision>>();
  readonly pageTo = output<number>();
  readonly decide = output<{ row: ImportRowDto; decision: ImportDecision }>();
  /** With how many rows will be written, for the progress bar until the server tells. */
  readonly commit = output<number>();
  readonly discard = output<void>();

  protected readonly figures = computed<ImportFigure[]>(() => {
    const preview = this.preview();
    return [
      { label: 'import.summary.total', value: preview.totalRows, key: 'total' },
      { label: 'import.summary.valid', value: preview.validRows, key: 'valid' },
      { label: 'import.summary.invalid', value: preview.totalRows - preview.validRows, key: 'invalid' },
      { label: 'import.summary.duplicates', value: preview.duplicateRows, key: 'duplicates' },
    ];
  });
  protected readonly pageEnd = computed(() => Math.min(this.offset() + IMPORT_PAGE_SIZE, this.preview().totalRows));
  /** The pager's buttons: where each leads, null at either end of the file. */
  protected readonly pages = computed(() => {
    const offset = this.offset();
    return [
      { direction: 'previous', offset: offset === 0 ? null : offset - IMPORT_PAGE_SIZE },
      { direction: 'next', offset: this.pageEnd() >= this.preview().totalRows ? null : offset + IMPORT_PAGE_SIZE },
    ];
  });
  /** Rows that will be written: valid ones, less the duplicates left on skip. */
  protected readonly toImport = computed(() => {
    const skipped = [...this.decisions().values()].filter((decision) => decision === 'skip').length;
    return Math.max(0, this.preview().validRows - skipped);
  });

  protected decisionOf(row: ImportRowDto): ImportDecision | null {
    return this.decisions().get(row.rowNumber) ?? defaultDecision(row);
  }

  /** "Y-tunnus: Tarkista tarkistusnumero." for a row's error. */
  protected rowErrorText(error: FieldError): string {
    const contact = /^contacts\.(\d+)\.(\w+)/.exec(error.path);
    let field: string;
    if (contact) {
      const fieldKey = `import.fields.contactFields.${contact[2]}`;
      field = this.i18n.t('import.fields.contact', {
        n: Number(contact[1]) + 1,
        field: this.i18n.has(fieldKey) ? this.i18n.t(fieldKey) : (contact[2] ?? ''),
      });
    } else {
      const fieldKey = `import.fields.${error.path.split('.')[0]}`;
      field = this.i18n.has(fieldKey) ? this.i18n.t(fieldKey) : error.path;
    }
    return `${field}: ${this.i18n.fieldError(error)}`;
  }

  protected similarity(value: number | undefined): string {
    return value === undefined
      ? ''
      : this.i18n.t('import.table.similarity', { percent: numberFormat.format(Math.round(value * 100)) });
  }
}
