import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type ApiError,
  type CampusGroupDto,
  type ImportDecision,
  type ImportPreviewDto,
  type ImportRowDto,
  type ImportStatusDto,
  type UserDto,
} from '@tyoelama/shared';
import { catchError, map, of, switchMap, takeWhile, timer, type Subscription } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { UsersApi } from '../users/users-api';
import { IMPORT_PAGE_SIZE, ImportPreview } from './import-preview';
import { ImportResult } from './import-result';
import { ImportUpload } from './import-upload';
import { ImportApi } from './imports-api';

export const IMPORT_POLL_MS = 500;

type Step = 'choose' | 'preview' | 'committing' | 'done';

/** /import: file → preview with per-row errors and duplicate choices → commit with progress → report. */
@Component({
  selector: 'app-import-page',
  imports: [TranslatePipe, ImportUpload, ImportPreview, ImportResult],
  templateUrl: './import-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  protected readonly i18n = inject(I18n);
  private polling: Subscription | null = null;

  protected readonly campusGroups = toSignal(
    inject(CampusGroupsApi)
      .listAll()
      .pipe(catchError(() => of([] as CampusGroupDto[]))),
    { initialValue: [] as CampusGroupDto[] },
  );
  protected readonly accountManagers = toSignal(
    inject(UsersApi)
      .list({ role: 'account_manager', active: true, limit: 200 })
      .pipe(
        map((page) => page.items),
        catchError(() => of([] as UserDto[])),
      ),
    { initialValue: [] as UserDto[] },
  );

  protected readonly step = signal<Step>('choose');
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
    this.rows.set([]);
    this.decisions.set(new Map());
    this.status.set(null);
    this.error.set(null);
  }
}
