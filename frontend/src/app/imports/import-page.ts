import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  IMPORT_MAX_BYTES,
  type ApiError,
  type CampusGroupDto,
  type FieldError,
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
import { ImportApi } from './imports-api';

export const IMPORT_PAGE_SIZE = 50;
export const IMPORT_POLL_MS = 500;
const ACCEPTED = /\.(csv|xlsx)$/i;
const numberFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1 });

type Step = 'choose' | 'preview' | 'committing' | 'done';

/** The default the API applies too: duplicates are skipped unless the user says otherwise. */
export function defaultDecision(row: ImportRowDto): ImportDecision | null {
  if (row.errors.length) return null;
  return row.duplicate ? 'skip' : 'create';
}

/** /import: file → preview with per-row errors and duplicate choices → commit with progress → report. */
@Component({
  selector: 'app-import-page',
  imports: [FormsModule, RouterLink, MatButton, MatFormField, MatLabel, MatSelect, MatOption, TranslatePipe],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  protected readonly i18n = inject(I18n);
  protected readonly pageSize = IMPORT_PAGE_SIZE;
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
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly ownerCampusGroupId = signal<number | null>(null);
  protected readonly ownerError = signal(false);
  protected readonly accountManagerId = signal<number | null>(null);
  protected readonly uploading = signal(false);
  protected readonly dragging = signal(false);

  protected readonly preview = signal<ImportPreviewDto | null>(null);
  protected readonly offset = signal(0);
  protected readonly rows = signal<ImportRowDto[]>([]);
  protected readonly rowsLoading = signal(false);
  /** Choices for duplicate rows, by row number, over every page. */
  protected readonly decisions = signal<ReadonlyMap<number, ImportDecision>>(new Map());

  protected readonly status = signal<ImportStatusDto | null>(null);
  protected readonly error = signal<ApiError | null>(null);

  protected readonly fileSize = computed(() => {
    const size = this.file()?.size ?? 0;
    return size < 1024 * 1024
      ? `${numberFormat.format(size / 1024)} kt`
      : `${numberFormat.format(size / 1024 / 1024)} Mt`;
  });
  protected readonly invalidRows = computed(() => {
    const preview = this.preview();
    return preview ? preview.totalRows - preview.validRows : 0;
  });
  protected readonly pageEnd = computed(() =>
    Math.min(this.offset() + IMPORT_PAGE_SIZE, this.preview()?.totalRows ?? 0),
  );
  /** Rows that will be written: valid ones, less the duplicates left on skip. */
  protected readonly toImport = computed(() => {
    const preview = this.preview();
    if (!preview) return 0;
    const skipped = [...this.decisions().values()].filter((decision) => decision === 'skip').length;
    return Math.max(0, preview.validRows - skipped);
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.takeFile(input.files?.[0] ?? null);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected dropFile(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.takeFile(event.dataTransfer?.files?.[0] ?? null);
  }

  private takeFile(file: File | null): void {
    this.error.set(null);
    if (!file) {
      this.file.set(null);
      this.fileError.set(null);
      return;
    }
    this.file.set(file);
    if (!ACCEPTED.test(file.name)) this.fileError.set(this.i18n.t('import.wrongType'));
    else if (file.size > IMPORT_MAX_BYTES) this.fileError.set(this.i18n.t('import.tooLarge'));
    else this.fileError.set(null);
  }

  protected uploadFile(): void {
    const file = this.file();
    const owner = this.ownerCampusGroupId();
    if (!file) this.fileError.set(this.i18n.t('import.noFile'));
    this.ownerError.set(!owner);
    if (!file || !owner || this.fileError()) return;
    this.uploading.set(true);
    this.error.set(null);
    this.api.upload({ file, ownerCampusGroupId: owner, accountManagerId: this.accountManagerId() }).subscribe({
      next: (preview) => {
        this.uploading.set(false);
        this.preview.set(preview);
        this.decisions.set(new Map());
        this.showRows(0, preview.rows);
        this.step.set('preview');
      },
      error: (error: ApiError) => {
        this.uploading.set(false);
        const fileProblem = error.fieldErrors?.find((problem) => problem.path === 'file');
        const ownerProblem = error.fieldErrors?.find((problem) => problem.path === 'ownerCampusGroupId');
        if (fileProblem) this.fileError.set(this.fileErrorText(fileProblem));
        else if (ownerProblem) this.ownerError.set(true);
        else this.error.set(error);
      },
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

  protected decisionOf(row: ImportRowDto): ImportDecision | null {
    return this.decisions().get(row.rowNumber) ?? defaultDecision(row);
  }

  protected decide(row: ImportRowDto, decision: ImportDecision): void {
    const decisions = new Map(this.decisions());
    decisions.set(row.rowNumber, decision);
    this.decisions.set(decisions);
  }

  protected commitImport(): void {
    const preview = this.preview();
    if (!preview) return;
    const decisions: Record<string, ImportDecision> = {};
    for (const [rowNumber, decision] of this.decisions()) decisions[String(rowNumber)] = decision;
    this.error.set(null);
    this.status.set({ id: preview.id, status: 'committing', progress: 0, total: this.toImport(), report: null });
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
    this.file.set(null);
    this.fileError.set(null);
    this.preview.set(null);
    this.rows.set([]);
    this.decisions.set(new Map());
    this.status.set(null);
    this.error.set(null);
  }

  protected fileErrorText(error: FieldError): string {
    const key = `import.fileErrors.${error.code}`;
    return this.i18n.has(key) ? this.i18n.t(key) : this.i18n.fieldError(error);
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
    const messageKey = `import.rowErrors.${error.code}`;
    const message = this.i18n.has(messageKey) ? this.i18n.t(messageKey) : this.i18n.fieldError(error);
    return `${field}: ${message}`;
  }

  protected similarity(value: number | undefined): string {
    return value === undefined
      ? ''
      : this.i18n.t('import.table.similarity', { percent: numberFormat.format(Math.round(value * 100)) });
  }
}
