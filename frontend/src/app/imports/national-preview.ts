import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type CreatedNationalEmployersDto, type NationalImportPreviewDto, nationalSourceGives } from '@tyoelama/shared';

import { ApiErrorPipe } from '../core/i18n/api-error-pipe';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable, figureColumn } from '../ui/data-table';
import { PendingRequest } from '../ui/pending-request';
import { type ImportFigure, ImportSummary } from './import-summary';
import { ImportApi } from './imports-api';

/** Employers shown by name; the rest are counted. */
const SHOWN_EMPLOYERS = 20;

/**
 * A national export's preview: what it adds, which employers it matches, the Y-tunnus no employer has
 * (with a one-step "create these employers"), the periods without a Y-tunnus and the records' problems.
 */
@Component({
  selector: 'app-national-preview',
  imports: [RouterLink, MatButton, TranslatePipe, ApiErrorPipe, DataTable, ImportSummary],
  templateUrl: './national-preview.html',
  styleUrl: './import-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NationalPreview {
  private readonly api = inject(ImportApi);

  readonly preview = input.required<NationalImportPreviewDto>();
  readonly commit = output<void>();
  readonly discard = output<void>();

  protected readonly matchedColumns = ['nationalImport.matched.employer', figureColumn('nationalImport.matched.count')];
  protected readonly unknownColumns = [
    'nationalImport.unknown.businessId',
    'nationalImport.unknown.name',
    figureColumn('nationalImport.unknown.count'),
  ];
  protected readonly withoutColumns = ['nationalImport.without.name', figureColumn('nationalImport.without.count')];
  protected readonly problemsColumns = [
    'nationalImport.problems.item',
    'nationalImport.problems.path',
    'nationalImport.problems.problem',
  ];

  protected readonly creation = new PendingRequest();
  protected readonly created = signal<CreatedNationalEmployersDto | null>(null);

  protected readonly figures = computed((): ImportFigure[] => {
    const preview = this.preview();
    const unknown = preview.unknown.reduce((sum, entry) => sum + entry.count, 0);
    const periods = nationalSourceGives(preview.source) === 'periods';
    return [
      {
        label: periods ? 'nationalImport.summary.periods' : 'nationalImport.summary.surveys',
        value: preview.records,
        key: 'records',
      },
      { label: 'nationalImport.summary.matched', value: preview.matched, key: 'matched' },
      { label: 'nationalImport.summary.unknown', value: unknown, key: 'unknown' },
      { label: 'nationalImport.summary.without', value: preview.withoutBusinessIdCount, key: 'without' },
      ...(preview.source === 'ehoks'
        ? [{ label: 'nationalImport.summary.instructors', value: preview.instructors, key: 'instructors' }]
        : []),
      { label: 'nationalImport.summary.problems', value: preview.problemCount, key: 'problems' },
    ];
  });
  protected readonly shownEmployers = computed(() => this.preview().matchedEmployers.slice(0, SHOWN_EMPLOYERS));
  protected readonly moreEmployers = computed(() =>
    Math.max(0, this.preview().matchedEmployers.length - SHOWN_EMPLOYERS),
  );
  protected readonly createdFromRegister = computed(
    () => this.created()?.created.filter((employer) => employer.fromRegister).length ?? 0,
  );

  /** Creates every unknown Y-tunnus's employer as a prospect of the upload's owner group. */
  protected createEmployers(): void {
    const preview = this.preview();
    const businessIds = preview.unknown.slice(0, 200).map((entry) => entry.businessId);
    this.creation.send(this.api.createNationalEmployers(preview.id, businessIds), (created) =>
      this.created.set(created),
    );
  }
}
