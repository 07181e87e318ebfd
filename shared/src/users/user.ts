import * as z from 'zod/mini';
import type { ListParams } from '../common/page';
import { passwordField, passwordOwnerCheck } from '../auth/auth';
import type { Role } from '../auth/roles';
import { emailField, idField, idQuery, localeField, requiredText, roleField, versionField } from '../common/fields';
import type { Locale } from '../common/locale';

const campusGroupIdsField = z.array(idField).check(z.maxLength(100));

export const createUserSchema = z
  .strictObject({
    email: emailField,
    displayName: requiredText(120),
    role: roleField,
    password: passwordField,
    campusGroupIds: z._default(campusGroupIdsField, []),
    locale: z._default(localeField, 'fi'),
  })
  .check(passwordOwnerCheck('password', (user) => user));
export type CreateUserRequest = z.input<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  version: versionField,
  email: z.optional(emailField),
  displayName: z.optional(requiredText(120)),
  role: z.optional(roleField),
  campusGroupIds: z.optional(campusGroupIdsField),
  locale: z.optional(localeField),
  active: z.optional(z.boolean()),
});
export type UpdateUserRequest = z.input<typeof updateUserSchema>;

export const setPasswordSchema = z.strictObject({ password: passwordField });
export type SetPasswordRequest = z.output<typeof setPasswordSchema>;

export const userListQuerySchema = z.strictObject({
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  role: z.optional(roleField),
  active: z.optional(z.enum(['true', 'false'])),
  campusGroupId: idQuery,
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.string().check(z.regex(/^[0-9]{1,3}$/))),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;
/** The user list's query as a client builds it. */
export type UserListParams = ListParams<z.input<typeof userListQuerySchema>, 'campusGroupId' | 'limit'>;

export interface UserDto {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  campusGroupIds: number[];
  locale: Locale;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The user fields the audit trail records on create and update. */
export const USER_AUDITED_FIELDS = [
  'email',
  'displayName',
  'role',
  'locale',
  'active',
  'campusGroupIds',
] as const satisfies readonly (keyof UserDto)[];
export type UserAuditedField = (typeof USER_AUDITED_FIELDS)[number];
