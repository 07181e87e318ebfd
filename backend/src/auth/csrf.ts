import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ApiException } from '../http/api-exception';
import { SAFE_METHODS } from '../http/safe-methods';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

export function setXsrfCookie(request: Request, response: Response): void {
  // Readable by the app's script on purpose: Angular copies it into the X-XSRF-TOKEN header.
  response.cookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), {
    httpOnly: false,
    sameSite: 'lax',
    secure: request.secure,
    path: '/',
  });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Hands out the XSRF cookie with any response (the app page included) when the browser has none. */
export function xsrfCookieMiddleware(request: Request, response: Response, next: NextFunction): void {
  const cookie: unknown = request.cookies?.[XSRF_COOKIE];
  if (typeof cookie !== 'string' || cookie.length === 0) setXsrfCookie(request, response);
  next();
}

/**
 * Double-submit CSRF protection: every unsafe request must echo the XSRF-TOKEN cookie in the
 * X-XSRF-TOKEN header, which a page on another origin cannot read.
 */
export function csrfMiddleware(request: Request, _response: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(request.method)) return next();
  const cookie: unknown = request.cookies?.[XSRF_COOKIE];
  const header = request.header(XSRF_HEADER);
  if (typeof cookie === 'string' && cookie.length > 0 && typeof header === 'string' && sameToken(cookie, header)) {
    return next();
  }
  next(new ApiException(403, 'CSRF_TOKEN_INVALID', 'Missing or wrong X-XSRF-TOKEN header'));
}
