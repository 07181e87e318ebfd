import { ChangeDetectionStrategy, Component, computed, inject, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  IMPORT_LIMITS,
  type ApiError,
  type CampusGroupDto,
  type FieldError,
  type ImportPreviewDto,
  type UserDto,
} from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ImportApi } from './imports-api';

const ACCEPTED = /\.(csv|xlsx)$/i;
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
  readonly uploaded = output<ImportPreviewDto>();

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
    this.api.upload({ file, ownerCampusGroupId: owner, accountManagerId: this.accountManagerId() }).subscribe({
      next: (preview) => {
        this.uploading.set(false);
        this.uploaded.emit(preview);
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

  private takeFile(file: File | null): void {
    this.error.set(null);
    if (!file) {
      this.file.set(null);
      this.fileError.set(null);
      return;
    }
    this.file.set(file);
    if (!ACCEPTED.test(file.name)) this.fileError.set(this.i18n.t('import.wrongType'));
    else if (file.size > IMPORT_LIMITS.fileBytes) {
      this.fileError.set(this.i18n.t('import.fileErrors.file_too_large', { mb: this.limits.mb }));
    } else this.fileError.set(null);
  }

  /** A refused file's reason, with the limit it passed (sizes in megabytes). */
  private fileErrorText(error: FieldError): string {
    const key = `import.fileErrors.${error.code}`;
    if (!this.i18n.has(key)) return this.i18n.fieldError(error);
    const limit = error.limit ?? 0;
    return this.i18n.t(key, { limit: numberFormat.format(limit), mb: numberFormat.format(limit / MB) });
  }
}
