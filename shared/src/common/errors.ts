/** Machine-readable error codes. Clients translate messages by code. */
export const ERROR_CODES = [
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
  'CONFLICT',
  'STALE_VERSION',
  'EMAIL_TAKEN',
  'CAMPUS_GROUP_NAME_TAKEN',
  'EMPLOYER_BUSINESS_ID_TAKEN',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  'BUSINESS_REGISTER_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field that failed validation; `path` is dotted (`contacts.0.email`). */
export interface FieldError {
  path: string;
  /** Validation code (`too_small`, `invalid_format`, `business_id_checksum`, …) for translation. */
  code: string;
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
  code?: ErrorCode;
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
