import { ElementRef, Injector, inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { ApiError, FieldError } from '@tyoelama/shared';
import type { Observable } from 'rxjs';
import type { z } from 'zod/mini';

import { focusFirstInvalid, showFieldErrors, validateForm } from '../../core/forms';
import { injectNotify } from '../notify';

export interface FormSubmissionOptions {
  /**
   * API error codes that mean a value is already in use (`EMAIL_TAKEN`), with the field error
   * that then stands under that field as well as in the form-level message.
   */
  taken?: Readonly<Record<string, Omit<FieldError, 'message'>>>;
  /** Where field errors go; by default on the control named by the first segment of their path. */
  place?: (form: FormGroup, errors: readonly FieldError[]) => void;
  /** Whether focus moves to the first invalid field when the API refuses (default yes; sign-in keeps it). */
  focusOnRefusal?: boolean;
}

export interface SendOptions {
  /** Handles a refusal itself (a conflict to compare); returns true when nothing else is to be shown. */
  refused?: (error: ApiError) => boolean;
  /** Success leaves the page: the request stays pending (the button disabled) until it has gone. */
  leaving?: boolean;
}

/**
 * One form's way to the API: validation with the shared schema, the pending flag of the request,
 * the form-level error, and where focus and field errors go when something is wrong. Create it in
 * a field initializer (it injects what it needs): `submission = formSubmission(this.form)`.
 */
export class FormSubmission {
  readonly pending = signal(false);
  /** For `<app-form-status>`: the refused request's message (a stale save offers to reload). */
  readonly error = signal<ApiError | null>(null);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly notify = injectNotify();

  constructor(
    readonly form: FormGroup,
    private readonly options: FormSubmissionOptions = {},
  ) {}

  /** On leaving a field: that field's own problem shows now, the others wait until the user gets to them. */
  checkField<S extends z.ZodMiniType>(schema: S, body: unknown, name: string): void {
    const result = validateForm(schema, body, this.form);
    if (!result.ok) showFieldErrors(this.form, result.fieldErrors, name);
  }

  /** The body as the schema parses it; null after the problems are shown and focus is on the first. */
  validate<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> | null {
    this.error.set(null);
    const result = validateForm(schema, body, this.form);
    if (result.ok) return result.value;
    this.showInvalid(result.fieldErrors);
    return null;
  }

  showInvalid(errors: readonly FieldError[]): void {
    this.place(errors);
    focusFirstInvalid(this.host, this.injector);
  }

  /**
   * Runs the request with the pending flag. A refusal goes to `refused` first; unless that
   * returns true (handled), field errors go on the fields and the message above the form.
   */
  send<T>(request: Observable<T>, done: (value: T) => void, options: SendOptions = {}): void {
    this.pending.set(true);
    request.subscribe({
      next: (value) => {
        if (!options.leaving) this.pending.set(false);
        done(value);
      },
      error: (error: ApiError) => {
        this.pending.set(false);
        if (!options.refused?.(error)) this.showRefusal(error);
      },
    });
  }

  showRefusal(error: ApiError): void {
    if (error.fieldErrors?.length) this.place(error.fieldErrors);
    const taken = this.options.taken?.[error.code ?? ''];
    if (taken) this.place([{ ...taken, message: error.message }]);
    this.error.set(error);
    if (this.options.focusOnRefusal ?? true) focusFirstInvalid(this.host, this.injector);
  }

  /** The short notice after a save ("Saved"), by translation key. */
  announce(key: string): void {
    this.notify(key);
  }

  private place(errors: readonly FieldError[]): void {
    if (this.options.place) this.options.place(this.form, errors);
    else showFieldErrors(this.form, errors);
  }
}

/** See {@link FormSubmission}; call in an injection context (a field initializer). */
export function formSubmission(form: FormGroup, options?: FormSubmissionOptions): FormSubmission {
  return new FormSubmission(form, options);
}
