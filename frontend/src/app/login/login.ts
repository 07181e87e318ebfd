import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { loginSchema, type ApiError } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { focusFirstInvalid, safeReturnUrl, showFieldErrors, validateForm } from '../core/forms';
import { I18n } from '../core/i18n/i18n';
import { FORM_FIELDS } from '../ui/form-fields';

@Component({
  selector: 'app-login',
  imports: [FORM_FIELDS, RouterLink, MatButton],
  templateUrl: './login.html',
  styleUrl: './login.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  /** `?returnUrl=` from the guard, bound by the router. */
  readonly returnUrl = input<string>();

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true }),
  });
  protected readonly submitting = signal(false);
  protected readonly formError = signal<ApiError | null>(null);

  protected checkField(name: 'email' | 'password'): void {
    const result = validateForm(loginSchema, this.form.getRawValue(), this.form);
    if (!result.ok) showFieldErrors(this.form, result.fieldErrors, name);
  }

  protected signIn(): void {
    this.formError.set(null);
    const result = validateForm(loginSchema, this.form.getRawValue(), this.form);
    if (!result.ok) {
      showFieldErrors(this.form, result.fieldErrors);
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.submitting.set(true);
    this.auth.login(result.value).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (error: ApiError) => {
        this.submitting.set(false);
        if (error.fieldErrors?.length) showFieldErrors(this.form, error.fieldErrors);
        this.formError.set(error);
      },
    });
  }
}
