import { HttpErrorResponse } from '@angular/common/http';
import { isApiError, type ApiError } from '@tyoelama/shared';

/** Any failure as the API's error envelope, so callers handle one shape (status 0 = no answer). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    if (isApiError(error.error)) return error.error;
    return { statusCode: error.status, error: error.statusText || 'Error', message: error.message };
  }
  if (isApiError(error)) return error;
  return { statusCode: 0, error: 'Error', message: String(error) };
}
