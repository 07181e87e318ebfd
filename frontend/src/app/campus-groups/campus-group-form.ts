import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  createCampusGroupSchema,
  updateCampusGroupSchema,
  type ApiError,
  type CampusGroupDto,
  type FieldError,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { FormStatus } from '../core/form-status';
import { focusFirstInvalid, showFieldErrors, validateForm } from '../core/forms';
import { I18n } from '../core/i18n/i18n';
import { FORM_FIELDS } from '../ui/form-fields';
import { CampusGroupsApi } from './campus-groups-api';

/**
 * The page at /campus-groups/new, and the edit form inside the detail page when given a `group`
 * (it then reports saves and reloads through `changed`).
 */
@Component({
  selector: 'app-campus-group-form',
  imports: [FORM_FIELDS, RouterLink, MatButton, FormStatus],
  templateUrl: './campus-group-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupForm {
  private readonly api = inject(CampusGroupsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  // The router's input binding sets `undefined` on /campus-groups/new (no such route data): both mean "new".
  readonly group = input<CampusGroupDto | null | undefined>(null);
  readonly changed = output<CampusGroupDto>();

  protected readonly isNew = computed(() => !this.group());
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    campus: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const group = this.group();
      this.form.reset({ name: group?.name ?? '', campus: group?.campus ?? '' });
    });
  }

  protected checkField(name: 'name' | 'campus'): void {
    const result = validateForm(createCampusGroupSchema, this.form.getRawValue(), this.form);
    if (!result.ok) showFieldErrors(this.form, result.fieldErrors, name);
  }

  protected saveGroup(): void {
    this.formError.set(null);
    const existing = this.group();
    let request: Observable<CampusGroupDto>;
    if (existing) {
      const result = validateForm(
        updateCampusGroupSchema,
        { version: existing.version, ...this.form.getRawValue() },
        this.form,
      );
      if (!result.ok) return this.showInvalid(result.fieldErrors);
      request = this.api.update(existing.id, result.value);
    } else {
      const result = validateForm(createCampusGroupSchema, this.form.getRawValue(), this.form);
      if (!result.ok) return this.showInvalid(result.fieldErrors);
      request = this.api.create(result.value);
    }
    this.saving.set(true);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.snackBar.open(
          this.i18n.t(existing ? 'common.saved' : 'campusGroups.created'),
          this.i18n.t('common.dismiss'),
          {
            duration: 5000,
          },
        );
        if (existing) this.changed.emit(saved);
        else void this.router.navigate(['/campus-groups', saved.id]);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.fieldErrors?.length) showFieldErrors(this.form, error.fieldErrors);
        if (error.code === 'CAMPUS_GROUP_NAME_TAKEN') {
          showFieldErrors(this.form, [{ path: 'name', code: 'name_taken', message: error.message }]);
        }
        this.formError.set(error);
        focusFirstInvalid(this.host, this.injector);
      },
    });
  }

  /** After a conflict, fetch the saved version and hand it to the page, which resets this form with it. */
  protected reloadGroup(): void {
    const existing = this.group();
    this.formError.set(null);
    if (!existing) return;
    this.api.get(existing.id).subscribe({
      next: (current) => this.changed.emit(current),
      error: (error: ApiError) => this.formError.set(error),
    });
  }

  private showInvalid(errors: FieldError[]): void {
    showFieldErrors(this.form, errors);
    focusFirstInvalid(this.host, this.injector);
  }
}
