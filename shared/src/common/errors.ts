import type { PasswordRuleCode } from '../auth/password-policy';
import type { ImportFileErrorCode } from '../imports/import';
import type { NationalFileError } from '../imports/national-import';

/**
 * Machine-readable error codes. Clients translate messages by code; a situation a client must react
 * to has its own code (never a catch-all "conflict").
 */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  /** A list's `cursor` is not one the list handed out (wrong shape, types or values). */
  'INVALID_CURSOR',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  /** 409 with `current`: someone saved the record after the client loaded it. */
  'STALE_VERSION',
  'EMAIL_TAKEN',
  'CAMPUS_GROUP_NAME_TAKEN',
  'EMPLOYER_BUSINESS_ID_TAKEN',
  /** 409: the employer is archived, so nothing can be added to it (and it cannot be archived again). */
  'EMPLOYER_ARCHIVED',
  /** 409: restoring an employer that is not archived. */
  'EMPLOYER_NOT_ARCHIVED',
  /** 409: the change would leave no active admin. */
  'LAST_ADMIN',
  /** 409: the follow-up's status does not allow the action (e.g. completing a cancelled one). */
  'FOLLOW_UP_ACTION_NOT_ALLOWED',
  /** 409: the contact person's personal data has been erased; the record can no longer change. */
  'CONTACT_PERSON_ERASED',
  /** 409: contact entries refer to the person, so it cannot be deleted (erase the personal data instead). */
  'CONTACT_PERSON_IN_USE',
  /** 409: the import is already running, done or failed; only a previewed import can be committed. */
  'IMPORT_NOT_IN_PREVIEW',
  /** 409: data saved meanwhile (e.g. a Y-tunnus of the file) clashes with the import; nothing was imported. */
  'IMPORT_CONFLICT',
  'DATABASE_UNAVAILABLE',
  /** 503 with Retry-After: every slot of this server process for exports and imports is taken; try again shortly. */
  'LONG_JOBS_BUSY',
  'INTERNAL',
  'BUSINESS_REGISTER_UNAVAILABLE',
  /** 409: a "refresh from YTJ" job is already running (one at a time, over all instances). */
  'REGISTER_REFRESH_RUNNING',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Field-error codes that are not tied to one feature's own list: those the shared schemas raise
 * (toFieldErrors and the refinements' `params.code`) and those the API's own checks raise.
 */
export const FIELD_ERROR_CODES = [
  // Raised by toFieldErrors for any schema.
  'required',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'invalid_type',
  'invalid_value',
  'unknown_field',
  'invalid',
  'invalid_email',
  'invalid_url',
  'invalid_regex',
  'invalid_date',
  'invalid_datetime',
  // Refinements of the shared schemas.
  'business_id_format',
  'business_id_checksum',
  'industry_section_invalid',
  'industry_code_unknown',
  'industry_code_section_mismatch',
  'lost_reason_required',
  'date_out_of_range',
  'date_range',
  /** A date that must already have happened (e.g. when an employer journey step was reached). */
  'date_in_future',
  'out_of_range',
  'invalid_characters',
  // Checks only the API can make (they need the database or the clock).
  'invalid_cursor',
  'business_id_taken',
  'email_taken',
  'name_taken',
  'current_password_wrong',
  'unknown_campus_group',
  'invalid_account_manager',
  'too_far_in_future',
  'range_too_long',
  'campus_group_not_allowed',
  'campus_group_not_linked',
  'unknown_contact_person',
  'unknown_employer',
  'invalid_owner',
  'assignee_not_allowed',
  'unknown_assignee',
  'assignee_cannot_act',
  'not_of_employer',
  'unknown_row',
  'no_duplicate',
  // Raised by the change-password form itself (the API never sees the confirmation).
  'password_mismatch',
] as const;
export type GeneralFieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Every code a field error can carry. */
export type FieldErrorCode = GeneralFieldErrorCode | PasswordRuleCode | ImportFileErrorCode | NationalFileError;

export function isGeneralFieldErrorCode(value: unknown): value is GeneralFieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}

/** One field that failed validation; `path` is dotted (`contacts.0.email`). */
export interface FieldError {
  path: string;
  /** Validation code (`too_small`, `invalid_email`, `business_id_checksum`, …) for translation. */
  code: FieldErrorCode;
  /** English text for API users; the UI translates by `code`. */
  message: string;
  /** Limit of a size check, for messages like "at least 12 characters". */
  limit?: number;
}

/**
 * An error answer names at most this many field errors: enough for any form, and a body of
 * thousands of unknown keys cannot turn into an answer many times its size.
 */
export const MAX_FIELD_ERRORS = 20;

/** Longest field path echoed back; a path is built from the request's own keys. */
export const MAX_FIELD_ERROR_PATH = 200;

/** The one error envelope every API error uses. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  code?: ApiErrorCode;
  fieldErrors?: FieldError[];
  /** The current record, sent with STALE_VERSION so the client can show what changed. */
  current?: unknown;
  /** Code-specific facts, e.g. `BusinessIdTakenDetail` with EMPLOYER_BUSINESS_ID_TAKEN. */
  detail?: unknown;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).statusCode === 'number' &&
    typeof (value as ApiError).message === 'string'
  );
}
