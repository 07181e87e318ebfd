import * as z from 'zod/mini';
import { auditedFields } from '../common/audit';
import type { ListParams } from '../common/page';
import { type Me, passwordField, passwordOwnerCheck } from '../auth/auth';
import {
  emailField,
  idField,
  idQuery,
  listQuerySchema,
  localeField,
  requiredText,
  roleField,
  versionField,
} from '../common/fields';

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

export const userListQuerySchema = listQuerySchema({
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  role: z.optional(roleField),
  active: z.optional(z.enum(['true', 'false'])),
  campusGroupId: idQuery,
});
export type UserListQuery = z.output<typeof userListQuerySchema>;
/** The user list's query as a client builds it. */
export type UserListParams = ListParams<z.input<typeof userListQuerySchema>, 'campusGroupId' | 'limit'>;

/** A user as the user admin shows it: what the user sees of themself, and the account's state. */
export interface UserDto extends Me {
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The user fields the audit trail records on create and update. */
export const USER_AUDITED_FIELDS = auditedFields<UserDto>()(
  'email',
  'displayName',
  'role',
  'locale',
  'active',
  'campusGroupIds',
);
export type UserAuditedField = (typeof USER_AUDITED_FIELDS)[number];
