import * as z from 'zod/mini';
import { emailField, localeField } from '../common/fields';
import type { Locale } from '../common/locale';
import { checkPasswordRules, passwordRuleBroken, type PasswordOwner, type PasswordRuleBroken } from './password-policy';
import type { Role } from './roles';

/** OWASP ASVS asks for at least 12 characters; the upper bound keeps hashing cheap to refuse. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * A new password: its length, then the rules that need nothing but the password. The rules that
 * need its owner or the common-password list run where those are known ({@link passwordOwnerCheck},
 * and the server's policy).
 */
export const passwordField = z.string().check(
  z.minLength(PASSWORD_MIN_LENGTH, { abort: true }),
  z.maxLength(PASSWORD_MAX_LENGTH, { abort: true }),
  z.superRefine((password, context) => {
    const broken = checkPasswordRules(password, {});
    if (broken) context.issues.push(ruleIssue(broken, password, []));
  }),
);

function ruleIssue(broken: PasswordRuleBroken, input: unknown, path: PropertyKey[]) {
  return { code: 'custom' as const, message: broken.message, params: { code: broken.code }, input, path };
}

/**
 * An object-level check for a schema whose body names the password's owner too: the password at
 * `passwordKey` must not contain their name or email. Runs only when the fields themselves are valid.
 */
export function passwordOwnerCheck<T extends Record<string, unknown>>(
  passwordKey: keyof T & string,
  ownerOf: (value: T) => PasswordOwner,
) {
  return z.superRefine<T>((value, context) => {
    const password = value[passwordKey];
    if (typeof password !== 'string') return;
    const broken = checkPasswordRules(password, ownerOf(value));
    if (broken) context.issues.push(ruleIssue(broken, password, [passwordKey]));
  });
}

export const loginSchema = z.strictObject({
  email: emailField,
  // Login does not enforce the length rule: an old short password must give the same answer as a wrong one.
  password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)),
});
export type LoginRequest = z.output<typeof loginSchema>;

/** A signed-in user's own password change: the current one proves it is them. */
export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)),
    newPassword: passwordField,
  })
  .check(
    z.superRefine((value, context) => {
      if (value.newPassword === value.currentPassword) {
        context.issues.push(ruleIssue(passwordRuleBroken('password_unchanged'), value.newPassword, ['newPassword']));
      }
    }),
  );
export type ChangePasswordRequest = z.output<typeof changePasswordSchema>;

export const updateMeSchema = z.strictObject({
  locale: localeField,
});
export type UpdateMeRequest = z.output<typeof updateMeSchema>;

/** Sent as `detail` with TOO_MANY_ATTEMPTS (also in the Retry-After header), so the form can say how long to wait. */
export interface TooManyAttemptsDetail {
  retryAfterSeconds: number;
}

/** The signed-in user as `GET /api/auth/me` returns it. */
export interface Me {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  campusGroupIds: number[];
  locale: Locale;
}
