import * as z from 'zod/mini';
import { emailField, localeField } from '../common/fields';
import type { Locale } from '../common/locale';
import type { Role } from './roles';

/** OWASP ASVS asks for at least 12 characters; the upper bound keeps hashing cheap to refuse. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const passwordField = z.string().check(z.minLength(PASSWORD_MIN_LENGTH), z.maxLength(PASSWORD_MAX_LENGTH));

export const loginSchema = z.strictObject({
  email: emailField,
  // Login does not enforce the length rule: an old short password must give the same answer as a wrong one.
  password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)),
});
export type LoginRequest = z.output<typeof loginSchema>;

export const updateMeSchema = z.strictObject({
  locale: localeField,
});
export type UpdateMeRequest = z.output<typeof updateMeSchema>;

/** The signed-in user as `GET /api/auth/me` returns it. */
export interface Me {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  campusGroupIds: number[];
  locale: Locale;
}
