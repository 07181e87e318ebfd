import { ChangeDetectionStrategy, Component, computed, inject, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  IMPORT_LIMITS,
  NATIONAL_IMPORT_LIMITS,
  type ApiError,
  type CampusGroupDto,
  type FieldError,
  type ImportPreviewDto,
  type NationalImportPreviewDto,
  type UserDto,
} from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ImportApi } from './imports-api';
import type { ImportSource } from './national-import.i18n';

/** What each source's file is named like, its input's `accept`, and its size limit. */
const FILE_TYPES: Record<ImportSource, { pattern: RegExp; accept: string; type: string; bytes: number }> = {
  employers: {
    pattern: /\.(csv|xlsx)$/i,
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    type: '.csv / .xlsx',
    bytes: IMPORT_LIMITS.fileBytes,
  },
  koski: {
    pattern: /\.json$/i,
    accept: '.json,application/json',
    type: '.json',
    bytes: NATIONAL_IMPORT_LIMITS.jsonBytes,
  },
  ehoks: {
    pattern: /\.json$/i,
    accept: '.json,application/json',
    type: '.json',
    bytes: NATIONAL_IMPORT_LIMITS.jsonBytes,
  },
  arvo_workplace: { pattern: /\.csv$/i, accept: '.csv,text/csv', type: '.csv', bytes: NATIONAL_IMPORT_LIMITS.csvBytes },
  arvo_instructor: {
    pattern: /\.csv$/i,
    accept: '.csv,text/csv',
    type: '.csv',
    bytes: NATIONAL_IMPORT_LIMITS.csvBytes,
  },
};
export const IMPORT_SOURCES = Object.keys(FILE_TYPES) as ImportSource[];
const numberFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1 });
const MB = 1024 * 1024;

/** The import's first step: the file (picked or dropped), the owner group and the account manager. */
@Component({
  selector: 'app-import-upload',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatSelect, MatOption, TranslatePipe],
  templateUrl: './import-upload.html',
  styleUrl: './import-upload.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportUpload {
  private readonly api = inject(ImportApi);
  private readonly i18n = inject(I18n);

  readonly campusGroups = input.required<CampusGroupDto[]>();
  readonly accountManagers = input.required<UserDto[]>();
  /** The choices outlive this step: "import again" starts with them. */
  readonly ownerCampusGroupId = model<number | null>(null);
  readonly accountManagerId = model<number | null>(null);
  /** The page's error line; this step clears it and reports failures there. */
  readonly error = model<ApiError | null>(null);
  /** An employer sheet or a national export (KOSKI, eHOKS, Arvo). */
  readonly source = model<ImportSource>('employers');
  readonly uploaded = output<ImportPreviewDto>();
  readonly nationalUploaded = output<NationalImportPreviewDto>();

  protected readonly sources = IMPORT_SOURCES;
  protected readonly fileType = computed(() => FILE_TYPES[this.source()]);

  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly ownerError = signal(false);
  protected readonly uploading = signal(false);
  protected readonly dragging = signal(false);

  protected readonly limits = {
    mb: numberFormat.format(IMPORT_LIMITS.fileBytes / MB),
    rows: numberFormat.format(IMPORT_LIMITS.rows),
  };
  protected readonly fileSize = computed(() => {
    const size = this.file()?.size ?? 0;
    return size < MB ? `${numberFormat.format(size / 1024)} kt` : `${numberFormat.format(size / MB)} Mt`;
  });

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

  protected chooseOwner(id: number | null): void {
    this.ownerCampusGroupId.set(id);
    this.ownerError.set(false);
  }

  protected uploadFile(): void {
    const file = this.file();
    const owner = this.ownerCampusGroupId();
    if (!file) this.fileError.set(this.i18n.t('import.noFile'));
    this.ownerError.set(!owner);
    if (!file || !owner || this.fileError()) return;
    this.uploading.set(true);
    this.error.set(null);
    const upload = { file, ownerCampusGroupId: owner, accountManagerId: this.accountManagerId() };
    const source = this.source();
    if (source !== 'employers') {
      this.api.uploadNational({ ...upload, source }).subscribe({
        next: (preview) => {
          this.uploading.set(false);
          this.nationalUploaded.emit(preview);
        },
        error: (error: ApiError) => this.uploadFailed(error),
      });
      return;
    }
    this.api.upload(upload).subscribe({
      next: (preview) => {
        this.uploading.set(false);
        this.uploaded.emit(preview);
      },
      error: (error: ApiError) => this.uploadFailed(error),
    });
  }

  protected chooseSource(source: ImportSource): void {
    this.source.set(source);
    this.takeFile(this.file());
  }

  private uploadFailed(error: ApiError): void {
    this.uploading.set(false);
    const fileProblem = error.fieldErrors?.find((problem) => problem.path === 'file');
    const ownerProblem = error.fieldErrors?.find((problem) => problem.path === 'ownerCampusGroupId');
    if (fileProblem) this.fileError.set(this.fileErrorText(fileProblem));
    else if (ownerProblem) this.ownerError.set(true);
    else this.error.set(error);
  }

  private takeFile(file: File | null): void {
    this.error.set(null);
    if (!file) {
      this.file.set(null);
      this.fileError.set(null);
      return;
    }
    this.file.set(file);
    const type = this.fileType();
    if (!type.pattern.test(file.name)) {
      this.fileError.set(
        this.source() === 'employers'
          ? this.i18n.t('import.wrongType')
          : this.i18n.t('nationalImport.wrongType', { type: type.type }),
      );
    } else if (file.size > type.bytes) {
      this.fileError.set(this.i18n.t('import.fileErrors.file_too_large', { mb: numberFormat.format(type.bytes / MB) }));
    } else this.fileError.set(null);
  }

  /** A refused file's reason, with the limit it passed (sizes in megabytes). */
  private fileErrorText(error: FieldError): string {
    const key = `${this.source() === 'employers' ? 'import' : 'nationalImport'}.fileErrors.${error.code}`;
    if (!this.i18n.has(key)) return this.i18n.fieldError(error);
    const limit = error.limit ?? 0;
    return this.i18n.t(key, {
      limit: numberFormat.format(limit),
      mb: numberFormat.format(limit / MB),
      message: error.message,
    });
  }
}
