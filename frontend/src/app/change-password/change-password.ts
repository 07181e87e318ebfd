import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { PASSWORD_MIN_LENGTH, changePasswordSchema, checkPasswordRules, type FieldError } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { FormStatus } from '../core/form-status';
import { validateForm } from '../core/forms';
import { FORM_FIELDS } from '../ui/form-fields';
import { formSubmission } from '../ui/form/form-submission';

/**
 * /settings/password: the signed-in user's own password change. The form runs the shared schema and
 * the cheap rules (repetition, own name or email); the server adds the common-password list.
 */
@Component({
  selector: 'app-change-password',
  imports: [FORM_FIELDS, FormStatus],
  templateUrl: './change-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  private readonly auth = inject(Auth);
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true }),
    newPassword: new FormControl('', { nonNullable: true }),
    confirmPassword: new FormControl('', { nonNullable: true }),
  });
  // A refusal with field errors is shown at the fields only, and only then moves focus there.
  protected readonly submission = formSubmission(this.form, { focusOnRefusal: false });
  protected readonly done = signal(false);

  protected changePassword(): void {
    this.submission.error.set(null);
    this.done.set(false);
    const errors = this.problems();
    if (errors.length) return this.submission.showInvalid(errors);
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submission.send(
      this.auth.changePassword({ currentPassword, newPassword }),
      () => {
        this.form.reset();
        this.done.set(true);
      },
      {
        refused: (error) => {
          if (!error.fieldErrors?.length) return false;
          this.submission.showInvalid(error.fieldErrors);
          return true;
        },
      },
    );
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
