import type { z } from 'zod/mini';
import { PASSWORD_RULE_CODES, type PasswordRuleCode } from '../auth/password-policy';
import { type FieldError, type FieldErrorCode, type GeneralFieldErrorCode, isGeneralFieldErrorCode } from './errors';

type Issue = z.core.$ZodIssue;

/** String formats the shared schemas check; each has its own `invalid_<format>` code. */
const FORMAT_CODES: Partial<Record<string, GeneralFieldErrorCode>> = {
  email: 'invalid_email',
  url: 'invalid_url',
  regex: 'invalid_regex',
  date: 'invalid_date',
  datetime: 'invalid_datetime',
};

/** A refinement's `params.code`, if it is a code clients can translate; otherwise the generic one. */
function customCode(code: unknown): FieldErrorCode {
  if (isGeneralFieldErrorCode(code)) return code;
  return (PASSWORD_RULE_CODES as readonly unknown[]).includes(code) ? (code as PasswordRuleCode) : 'invalid';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(issue: Issue, input: unknown): Omit<FieldError, 'path'> {
  const missing = valueAt(input, issue.path) === undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return { code: 'required', message: 'Required' };
  }
  switch (issue.code) {
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') {
        return limit <= 1
          ? { code: 'required', message: 'Required' }
          : { code: 'too_short', message: `Must be at least ${limit} characters`, limit };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_few', message: `Must have at least ${limit} items`, limit };
      }
      return { code: 'too_small', message: `Must be at least ${limit}`, limit };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') {
        return { code: 'too_long', message: `Must be at most ${limit} characters`, limit };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_many', message: `Must have at most ${limit} items`, limit };
      }
      return { code: 'too_big', message: `Must be at most ${limit}`, limit };
    }
    case 'invalid_type':
      return { code: 'invalid_type', message: `Expected ${issue.expected}` };
    case 'invalid_format':
      return { code: FORMAT_CODES[issue.format] ?? 'invalid', message: `Invalid ${issue.format}` };
    case 'invalid_value':
      return { code: 'invalid_value', message: `Must be one of: ${issue.values.map(String).join(', ')}` };
    case 'unrecognized_keys':
      return { code: 'unknown_field', message: 'Unknown field' };
    case 'custom': {
      const code = customCode((issue.params as { code?: unknown } | undefined)?.code);
      return { code, message: issue.message && issue.message !== 'Invalid input' ? issue.message : 'Invalid value' };
    }
    default:
      return { code: 'invalid', message: 'Invalid value' };
  }
}

/**
 * Turns zod issues into the API's field errors: one per field and problem, unknown keys named.
 * `input` tells a missing field (`required`) from one of the wrong kind.
 */
export function toFieldErrors(issues: readonly Issue[], input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    const described = describe(issue, input);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: [...base, key].join('.'), ...described });
    } else {
      errors.push({ path: base.join('.'), ...described });
    }
  }
  return errors;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldError[] };

/** Validates with a shared schema; used by the API pipe and by the forms. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, fieldErrors: toFieldErrors(result.error.issues, input) };
}
