import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import {
  type ApiError,
  type ImportDecision,
  type ImportPreviewDto,
  type ImportRowDto,
  type ImportStatusDto,
  type NationalImportPreviewDto,
  type NationalImportStatusDto,
} from '@tyoelama/shared';
import { map, switchMap, takeWhile, timer, type Subscription } from 'rxjs';

import { readableCampusGroups } from '../campus-groups/campus-groups-api';
import { optionalList } from '../core/optional-list';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { UsersApi } from '../users/users-api';
import { IMPORT_PAGE_SIZE, ImportPreview } from './import-preview';
import { ImportResult } from './import-result';
import { ImportUpload } from './import-upload';
import { ImportApi } from './imports-api';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';
import type { ImportSource } from './national-import.i18n';
import { NationalPreview } from './national-preview';
import { NationalResult } from './national-result';

export const IMPORT_POLL_MS = 500;

type Step = 'choose' | 'preview' | 'committing' | 'done';

/**
 * /import: file → preview → commit with progress → report. An employer sheet's preview has per-row
 * errors and duplicate choices; a national export's (KOSKI, eHOKS, Arvo) has its matches to employers.
 */
@Component({
  selector: 'app-import-page',
  imports: [ApiErrorPipe, TranslatePipe, ImportUpload, ImportPreview, ImportResult, NationalPreview, NationalResult],
  templateUrl: './import-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  private polling: Subscription | null = null;

  protected readonly campusGroups = readableCampusGroups();
  protected readonly accountManagers = optionalList(
    inject(UsersApi)
      .list({ role: 'account_manager', active: true, limit: 200 })
      .pipe(map((page) => page.items)),
  );

  protected readonly step = signal<Step>('choose');
  protected readonly source = signal<ImportSource>('employers');
  protected readonly nationalPreview = signal<NationalImportPreviewDto | null>(null);
  protected readonly nationalStatus = signal<NationalImportStatusDto | null>(null);
  protected readonly ownerCampusGroupId = signal<number | null>(null);
  protected readonly accountManagerId = signal<number | null>(null);

  protected readonly preview = signal<ImportPreviewDto | null>(null);
  protected readonly offset = signal(0);
  protected readonly rows = signal<ImportRowDto[]>([]);
  protected readonly rowsLoading = signal(false);
  /** Choices for duplicate rows, by row number, over every page. */
  protected readonly decisions = signal<ReadonlyMap<number, ImportDecision>>(new Map());

  protected readonly status = signal<ImportStatusDto | null>(null);
  protected readonly error = signal<ApiError | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected showPreview(preview: ImportPreviewDto): void {
    this.preview.set(preview);
    this.decisions.set(new Map());
    this.showRows(0, preview.rows);
    this.step.set('preview');
  }

  protected showNationalPreview(preview: NationalImportPreviewDto): void {
    this.nationalPreview.set(preview);
    this.step.set('preview');
  }

  protected commitNational(): void {
    const preview = this.nationalPreview();
    if (!preview) return;
    this.error.set(null);
    this.nationalStatus.set({
      id: preview.id,
      source: preview.source,
      status: 'committing',
      progress: 0,
      total: preview.records,
      report: null,
    });
    this.step.set('committing');
    this.api.commitNational(preview.id).subscribe({
      next: (status) => {
        this.nationalStatus.set(status);
        this.step.set('done');
      },
      error: (error: ApiError) => {
        this.error.set(error);
        this.step.set('preview');
      },
    });
    // The commit answers when it is done; meanwhile its progress is read every 500 ms.
    this.polling?.unsubscribe();
    this.polling = timer(IMPORT_POLL_MS, IMPORT_POLL_MS)
      .pipe(
        switchMap(() => this.api.nationalStatus(preview.id)),
        takeWhile(() => this.step() === 'committing'),
      )
      .subscribe((status) => {
        if (this.step() === 'committing' && status.status === 'committing') this.nationalStatus.set(status);
      });
  }

  protected goToRows(offset: number): void {
    const preview = this.preview();
    if (!preview) return;
    const end = Math.min(offset + IMPORT_PAGE_SIZE, preview.totalRows);
    // The preview carries the first rows; the rest are fetched a page at a time.
    if (end <= preview.rows.length) {
      this.showRows(offset, preview.rows);
      return;
    }
    this.rowsLoading.set(true);
    this.api.rows(preview.id, offset, IMPORT_PAGE_SIZE).subscribe({
      next: (page) => {
        this.rowsLoading.set(false);
        this.offset.set(page.offset);
        this.rows.set(page.rows);
        this.rememberDefaults(page.rows);
      },
      error: (error: ApiError) => {
        this.rowsLoading.set(false);
        this.error.set(error);
      },
    });
  }

  private showRows(offset: number, all: ImportRowDto[]): void {
    const rows = all.slice(offset, offset + IMPORT_PAGE_SIZE);
    this.offset.set(offset);
    this.rows.set(rows);
    this.rememberDefaults(all);
  }

  private rememberDefaults(rows: ImportRowDto[]): void {
    const decisions = new Map(this.decisions());
    for (const row of rows) {
      if (row.duplicate && !row.errors.length && !decisions.has(row.rowNumber)) decisions.set(row.rowNumber, 'skip');
    }
    this.decisions.set(decisions);
  }

  protected decide({ row, decision }: { row: ImportRowDto; decision: ImportDecision }): void {
    const decisions = new Map(this.decisions());
    decisions.set(row.rowNumber, decision);
    this.decisions.set(decisions);
  }

  protected commitImport(toImport: number): void {
    const preview = this.preview();
    if (!preview) return;
    const decisions: Record<string, ImportDecision> = {};
    for (const [rowNumber, decision] of this.decisions()) decisions[String(rowNumber)] = decision;
    this.error.set(null);
    this.status.set({ id: preview.id, status: 'committing', progress: 0, total: toImport, report: null });
    this.step.set('committing');
    this.api.commit(preview.id, { decisions }).subscribe({
      next: (status) => this.track(status),
      error: (error: ApiError) => {
        this.error.set(error);
        this.step.set('preview');
      },
    });
  }

  /** Polls the import every 500 ms until it is done or failed. */
  private track(first: ImportStatusDto): void {
    this.status.set(first);
    if (first.status === 'done' || first.status === 'failed') {
      this.step.set('done');
      return;
    }
    this.polling?.unsubscribe();
    this.polling = timer(IMPORT_POLL_MS, IMPORT_POLL_MS)
      .pipe(
        switchMap(() => this.api.status(first.id)),
        takeWhile((status) => status.status === 'committing' || status.status === 'preview', true),
      )
      .subscribe({
        next: (status) => {
          this.status.set(status);
          if (status.status === 'done' || status.status === 'failed') this.step.set('done');
        },
        error: (error: ApiError) => {
          this.error.set(error);
          this.step.set('done');
        },
      });
  }

  protected startOver(): void {
    this.polling?.unsubscribe();
    this.step.set('choose');
    this.preview.set(null);
    this.nationalPreview.set(null);
    this.nationalStatus.set(null);
    this.rows.set([]);
    this.decisions.set(new Map());
    this.status.set(null);
    this.error.set(null);
  }
}
