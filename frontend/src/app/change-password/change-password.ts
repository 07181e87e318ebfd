import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  PASSWORD_MIN_LENGTH,
  changePasswordSchema,
  checkPasswordRules,
  type ApiError,
  type FieldError,
} from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { FormStatus } from '../core/form-status';
import { fieldErrorOf, focusFirstInvalid, showFieldErrors, validateForm } from '../core/forms';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/**
 * /settings/password: the signed-in user's own password change. The form runs the shared schema and
 * the cheap rules (repetition, own name or email); the server adds the common-password list.
 */
@Component({
  selector: 'app-change-password',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    FormStatus,
    TranslatePipe,
  ],
  templateUrl: './change-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  private readonly auth = inject(Auth);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly fieldErrorOf = fieldErrorOf;
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true }),
    newPassword: new FormControl('', { nonNullable: true }),
    confirmPassword: new FormControl('', { nonNullable: true }),
  });
  protected readonly submitting = signal(false);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly done = signal(false);

  protected changePassword(): void {
    this.formError.set(null);
    this.done.set(false);
    const errors = this.problems();
    if (errors.length) {
      showFieldErrors(this.form, errors);
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submitting.set(true);
    this.auth.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.submitting.set(false);
        this.form.reset();
        this.done.set(true);
      },
      error: (error: ApiError) => {
        this.submitting.set(false);
        if (error.fieldErrors?.length) {
          showFieldErrors(this.form, error.fieldErrors);
          focusFirstInvalid(this.host, this.injector);
        } else {
          this.formError.set(error);
        }
      },
    });
  }

  /** What the browser can tell before asking the server: the schema, the cheap rules, the repeat. */
  private problems(): FieldError[] {
    const { currentPassword, newPassword, confirmPassword } = this.form.getRawValue();
    const result = validateForm(changePasswordSchema, { currentPassword, newPassword }, this.form);
    const errors = result.ok ? [] : [...result.fieldErrors];
    const me = this.auth.me();
    const broken =
      me && !errors.some((error) => error.path === 'newPassword') ? checkPasswordRules(newPassword, me) : null;
    if (broken) errors.push({ path: 'newPassword', ...broken });
    if (confirmPassword !== newPassword) {
      errors.push({ path: 'confirmPassword', code: 'password_mismatch', message: 'Does not match the new password' });
    }
    return errors;
  }
}
