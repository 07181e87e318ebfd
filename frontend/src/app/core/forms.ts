import { afterNextRender, type ElementRef, type Injector } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { validate, type FieldError, type ParseResult } from '@tyoelama/shared';
import type { z } from 'zod/mini';

const FIELD_ERROR = 'field';

/**
 * Puts field errors (from the shared schema or the API) on the controls named by the first
 * segment of their path; returns those that name no control, for the form-level message.
 * Controls have no Angular validators, so the next edit clears the error again.
 */
export function showFieldErrors(form: FormGroup, errors: readonly FieldError[], onlyField?: string): FieldError[] {
  const unmatched: FieldError[] = [];
  const done = new Set<string>();
  for (const error of errors) {
    const name = error.path.split('.')[0] ?? '';
    if (onlyField !== undefined && name !== onlyField) continue;
    const control = name ? form.get(name) : null;
    if (!control) {
      unmatched.push(error);
      continue;
    }
    if (done.has(name)) continue;
    done.add(name);
    control.setErrors({ [FIELD_ERROR]: error });
    control.markAsTouched();
  }
  return unmatched;
}

export function fieldErrorOf(control: AbstractControl): FieldError | null {
  const error: unknown = control.errors?.[FIELD_ERROR];
  return error ? (error as FieldError) : null;
}

/** After the errors render, moves focus to the first invalid field so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(host: ElementRef<HTMLElement>, injector: Injector): void {
  afterNextRender(
    () => {
      host.nativeElement
        .querySelector<HTMLElement>(
          '[aria-invalid="true"], .mat-form-field-invalid [matinput], .mat-form-field-invalid .mat-mdc-select',
        )
        ?.focus();
    },
    { injector },
  );
}

/** Only same-site paths are followed after sign-in (no `//evil.example`). */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Validates a request body with the shared schema. An empty field reads "required" whatever
 * rule tripped first (an empty email is otherwise "check the email address").
 */
export function validateForm<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  form: FormGroup,
): ParseResult<z.output<S>> {
  const result = validate(schema, body);
  if (result.ok) return result;
  return {
    ok: false,
    fieldErrors: result.fieldErrors.map((error) => {
      const control = form.get(error.path.split('.')[0] ?? '');
      return control && isEmpty(control.value) ? { path: error.path, code: 'required', message: 'Required' } : error;
    }),
  };
}
