import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { loginSchema } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { FormStatus } from '../core/form-status';
import { safeReturnUrl } from '../core/forms';
import { FORM_FIELDS } from '../ui/form-fields';
import { formSubmission } from '../ui/form/form-submission';

@Component({
  selector: 'app-login',
  imports: [FORM_FIELDS, RouterLink, FormStatus],
  templateUrl: './login.html',
  styleUrl: './login.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);

  /** `?returnUrl=` from the guard, bound by the router. */
  readonly returnUrl = input<string>();
  /** `?reason=expired` when an API call found the session gone: the page says why you are here. */
  readonly reason = input<string>();
  protected readonly sessionExpired = computed(() => this.reason() === 'expired');

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true }),
  });
  // Wrong credentials name no field: focus stays on the button the user pressed.
  protected readonly submission = formSubmission(this.form, { focusOnRefusal: false });

  protected checkField(name: string): void {
    this.submission.checkField(loginSchema, this.form.getRawValue(), name);
  }

  protected signIn(): void {
    const credentials = this.submission.validate(loginSchema, this.form.getRawValue());
    if (!credentials) return;
    this.submission.send(
      this.auth.login(credentials),
      () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      { leaving: true },
    );
  }
}
