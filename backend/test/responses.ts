import type { Response } from 'supertest';

/** The request was refused with 400 and exactly these field errors (the error envelope's `fieldErrors`). */
export function expectFieldErrors(response: Response, fieldErrors: unknown[]): void {
  expect(response.status).toBe(400);
  expect(response.body.fieldErrors).toEqual(fieldErrors);
}
