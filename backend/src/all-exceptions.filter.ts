import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError } from '@tyoelama/shared';
import type { Response } from 'express';
import { ApiException, reasonPhrase } from './http/api-exception';
import { isDatabaseUnavailable, isUnstorableValue } from './database/database-errors';

/** Writes every error, ours or the framework's, in the one envelope; never leaks internals. */
export function errorBody(error: unknown, logger: Logger): { status: number; body: ApiError; retryAfter?: number } {
  if (error instanceof ApiException) {
    return { status: error.statusCode, body: error.toBody(), retryAfter: error.extra.retryAfterSeconds };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code =
      status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : status === 401 ? 'UNAUTHENTICATED' : undefined;
    const message = status === 404 ? 'Not found' : error.message;
    return { status, body: { statusCode: status, error: reasonPhrase(status), message, ...(code ? { code } : {}) } };
  }
  const parserError = error as { type?: string; status?: number };
  if (parserError?.type === 'entity.parse.failed') {
    return {
      status: 400,
      body: { statusCode: 400, error: reasonPhrase(400), message: 'Malformed JSON body', code: 'MALFORMED_JSON' },
    };
  }
  if (parserError?.type === 'entity.too.large') {
    return {
      status: 413,
      body: {
        statusCode: 413,
        error: reasonPhrase(413),
        message: 'Request body is larger than 1 MB',
        code: 'PAYLOAD_TOO_LARGE',
      },
    };
  }
  if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    const status = parserError.status;
    return { status, body: { statusCode: status, error: reasonPhrase(status), message: 'Unreadable request body' } };
  }
  if (isUnstorableValue(error)) {
    // A value that passed the schema but not the column (an id beyond int4, a NUL in text): bad input, not a crash.
    return {
      status: 400,
      body: {
        statusCode: 400,
        error: reasonPhrase(400),
        message: 'A value is out of range or not storable',
        code: 'VALIDATION_FAILED',
      },
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn(`Database unavailable: ${(error as Error).message}`);
    return {
      status: 503,
      body: {
        statusCode: 503,
        error: reasonPhrase(503),
        message: 'The database is unavailable',
        code: 'DATABASE_UNAVAILABLE',
      },
      retryAfter: 5,
    };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return {
    status: 500,
    body: { statusCode: 500, error: reasonPhrase(500), message: 'Internal server error', code: 'INTERNAL' },
  };
}

export function sendError(response: Response, error: unknown, logger: Logger): void {
  const { status, body, retryAfter } = errorBody(error, logger);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
  response.status(status).json(body);
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<Response>(), exception, this.logger);
  }
}
