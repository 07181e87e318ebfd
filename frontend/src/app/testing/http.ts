import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { ApiError, FieldError } from '@tyoelama/shared';

/** Waits (a few macrotasks) for a request that guards and lazy routes send after some async steps. */
export async function nextRequest(
  http: HttpTestingController,
  url: string | ((request: { urlWithParams: string; method: string }) => boolean),
): Promise<TestRequest> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = typeof url === 'string' ? http.match(url) : http.match((request) => url(request));
    if (found[0]) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`No request to ${String(url)}`);
}

/** The next request whose URL (with its query) starts with `prefix`. */
export function nextRequestTo(http: HttpTestingController, prefix: string): Promise<TestRequest> {
  return nextRequest(http, (request) => request.urlWithParams.startsWith(prefix));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Answers `request` with the API's one error envelope, as the backend's exception filter sends it. */
export function flushApiError(
  request: TestRequest,
  status: number,
  error: Omit<ApiError, 'statusCode' | 'error' | 'message'> & { message?: string },
): void {
  const statusText = STATUS_TEXT[status] ?? 'Error';
  request.flush({ statusCode: status, error: statusText, message: statusText, ...error }, { status, statusText });
}

/** Answers `request` as the API's validation does: a 400 that names the fields. */
export function flushFieldErrors(request: TestRequest, fieldErrors: FieldError[]): void {
  flushApiError(request, 400, { code: 'VALIDATION_FAILED', message: 'Validation failed', fieldErrors });
}
