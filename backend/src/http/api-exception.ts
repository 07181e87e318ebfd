import { HttpStatus } from '@nestjs/common';
import {
  type ApiError,
  type ApiErrorCode,
  type FieldError,
  type FieldErrorCode,
  MAX_FIELD_ERROR_PATH,
  MAX_FIELD_ERRORS,
} from '@tyoelama/shared';

const REASONS: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** The one exception services throw; the filter turns it into the shared error envelope. */
export class ApiException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: {
      fieldErrors?: FieldError[];
      current?: unknown;
      detail?: unknown;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
  }

  toBody(): ApiError {
    return {
      statusCode: this.statusCode,
      error: reasonPhrase(this.statusCode),
      message: this.message,
      code: this.code,
      ...(this.extra.fieldErrors ? { fieldErrors: this.extra.fieldErrors } : {}),
      ...(this.extra.current !== undefined ? { current: this.extra.current } : {}),
      ...(this.extra.detail !== undefined ? { detail: this.extra.detail } : {}),
    };
  }

  /** 400 naming the first MAX_FIELD_ERRORS fields; paths made of the request's keys are cut short. */
  static validation(fieldErrors: FieldError[]): ApiException {
    return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Validation failed', {
      fieldErrors: fieldErrors
        .slice(0, MAX_FIELD_ERRORS)
        .map((error) =>
          error.path.length > MAX_FIELD_ERROR_PATH
            ? { ...error, path: `${error.path.slice(0, MAX_FIELD_ERROR_PATH)}…` }
            : error,
        ),
    });
  }

  static field(path: string, code: FieldErrorCode, message: string): ApiException {
    return ApiException.validation([{ path, code, message }]);
  }

  /** The list's `cursor` is not one it handed out (the client should reload the list from the start). */
  static invalidCursor(): ApiException {
    return new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_CURSOR', 'Invalid cursor', {
      fieldErrors: [{ path: 'cursor', code: 'invalid_cursor', message: 'Invalid cursor' }],
    });
  }

  static notFound(what = 'Resource'): ApiException {
    return new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);
  }

  static forbidden(message = 'You do not have permission to do this'): ApiException {
    return new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
  }

  static unauthenticated(): ApiException {
    return new ApiException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Sign in required');
  }

  /** 409 for a value another record already has, naming the field that must change. */
  static taken(
    code: ApiErrorCode,
    message: string,
    field: { path: string; code: FieldErrorCode },
    detail?: unknown,
  ): ApiException {
    return new ApiException(HttpStatus.CONFLICT, code, message, {
      fieldErrors: [{ ...field, message: 'Already in use' }],
      detail,
    });
  }

  /** 409 with the record as it is now, so the client can show what changed meanwhile. */
  static staleVersion(current: unknown): ApiException {
    return new ApiException(
      HttpStatus.CONFLICT,
      'STALE_VERSION',
      'Someone else saved this record after you loaded it',
      { current },
    );
  }
}
