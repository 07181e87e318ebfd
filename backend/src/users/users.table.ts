import {
  type CampusGroupMemberDto,
  type Locale,
  type Page,
  type Role,
  type updateUserSchema,
  type UserDto,
  type UserListQuery,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { CampusScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { likePattern, searchCondition, SqlParams } from '../database/sql';
import { type ConstraintErrors } from '../database/constraint-errors';
import { keysetListPage } from '../database/keyset-list';
import { camelFields, fieldColumns, versionedColumns, versionedRecordFields } from '../database/record-fields';
import { boolean, columnListExcept, defineTable, integer, type RowOf, timestamptz, varchar } from '../database/table';
import { insertRow, oneRow, type Queryable, rows } from '../database/typed-query';
import { versionedFieldsUpdate } from '../database/versioned-update';

export const usersTable = defineTable('users', {
  id: integer(),
  email: varchar(254),
  display_name: varchar(120),
  role: varchar(20).as<Role>(),
  password_hash: varchar(200),
  locale: varchar(2).as<Locale>(),
  active: boolean(),
  last_login_at: timestamptz().orNull(),
  ...versionedColumns(),
});

/** Membership of a user in a campus group: the "own groups" of PRODUCT.md's rights. */
export const userCampusGroupsTable = defineTable('user_campus_groups', {
  user_id: integer(),
  campus_group_id: integer(),
});

/** The user's campus group ids in order, `{}` for none; `userId` is the SQL naming the user's id. */
export function campusGroupIdsOf(userId: string): string {
  return `COALESCE((SELECT array_agg(m.campus_group_id ORDER BY m.campus_group_id)
              FROM user_campus_groups m WHERE m.user_id = ${userId}), '{}')`;
}

/** How many users belong to the group; `groupId` is the SQL naming the group's id. */
export function memberCountOf(groupId: string): string {
  return `(SELECT count(*)::int FROM user_campus_groups m WHERE m.campus_group_id = ${groupId})`;
}

type UpdateUserInput = z.output<typeof updateUserSchema>;

type UserRow = Omit<RowOf<typeof usersTable>, 'password_hash'> & { campus_group_ids: number[] };

// The password hash never leaves this file except to the sign-in check (findForLogin).
const USER_COLUMNS = `${columnListExcept(usersTable, 'u', ['password_hash'])}, ${campusGroupIdsOf('u.id')} AS campus_group_ids`;

const UPDATABLE_COLUMNS = fieldColumns(['email', 'displayName', 'role', 'locale', 'active']) satisfies Partial<
  Record<keyof UpdateUserInput, keyof UserRow>
>;

function toDto(row: UserRow): UserDto {
  return {
    ...camelFields(row, ['id', 'email', 'display_name', 'role', 'locale', 'active']),
    campusGroupIds: row.campus_group_ids.map(Number),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    ...versionedRecordFields(row),
  };
}

/** What a violated constraint of these tables means to the client (a pre-check can lose a race). */
export const USER_CONSTRAINT_ERRORS: ConstraintErrors = {
  unique: {
    uq_users_email_lower: () =>
      ApiException.taken('EMAIL_TAKEN', 'A user with this email already exists', {
        path: 'email',
        code: 'email_taken',
      }),
  },
  foreignKey: {
    user_campus_groups_campus_group_id_fkey: () =>
      ApiException.field('campusGroupIds', 'unknown_campus_group', 'Unknown campus group'),
  },
};

export async function findUser(db: Queryable, id: number): Promise<UserDto | null> {
  const row = await oneRow<UserRow>(db, `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return row ? toDto(row) : null;
}

/** The users the scope shows (a campus member sees the people of their own groups, and themselves). */
export function listUsers(
  db: Queryable,
  scope: CampusScope,
  callerId: number,
  query: UserListQuery,
): Promise<Page<UserDto>> {
  const params = new SqlParams();
  const where: string[] = [];
  if (scope.kind === 'groups') {
    where.push(`(u.id = ${params.add(callerId)} OR EXISTS (SELECT 1 FROM user_campus_groups s
        WHERE s.user_id = u.id AND s.campus_group_id = ANY(${params.add(scope.campusGroupIds)})))`);
  }
  if (query.q) {
    const q = query.q;
    where.push(
      searchCondition(q, () => {
        const pattern = params.add(likePattern(q));
        return `(unaccent(u.display_name) ILIKE unaccent(${pattern}) OR u.email ILIKE ${pattern})`;
      }),
    );
  }
  if (query.role) where.push(`u.role = ${params.add(query.role)}`);
  if (query.active) where.push(`u.active = ${params.add(query.active === 'true')}`);
  if (query.campusGroupId) {
    where.push(`EXISTS (SELECT 1 FROM user_campus_groups f
        WHERE f.user_id = u.id AND f.campus_group_id = ${params.add(Number(query.campusGroupId))})`);
  }
  return keysetListPage<UserRow, UserDto>(db, {
    from: 'users u',
    columns: USER_COLUMNS,
    where,
    params,
    order: {
      key: 'lower(u.display_name)',
      keyPart: 'text',
      id: 'u.id',
      cursorKey: (row) => row.display_name.toLowerCase(),
    },
    query,
    toItem: toDto,
  });
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  locale: Locale;
}

export async function insertUser(db: Queryable, user: NewUser): Promise<number> {
  return insertRow(db, usersTable, {
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    password_hash: user.passwordHash,
    locale: user.locale,
  });
}

export const updateUser = versionedFieldsUpdate(usersTable, UPDATABLE_COLUMNS, 'User');

/** Replaces the user's campus groups. */
export async function setMemberships(db: Queryable, userId: number, campusGroupIds: readonly number[]): Promise<void> {
  await db.query(`DELETE FROM user_campus_groups WHERE user_id = $1`, [userId]);
  if (campusGroupIds.length === 0) return;
  await db.query(
    `INSERT INTO user_campus_groups (user_id, campus_group_id)
     SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
    [userId, [...new Set(campusGroupIds)]],
  );
}

/** A password change counts as a change of the record (its version moves on). False when the user is gone. */
export async function storePasswordHash(db: Queryable, id: number, passwordHash: string): Promise<boolean> {
  const changed = await rows<{ id: number }>(
    db,
    `UPDATE users SET password_hash = $1, updated_at = now(), version = version + 1 WHERE id = $2 RETURNING id`,
    [passwordHash, id],
  );
  return changed.length > 0;
}

/** Sets the user's language and answers the one they had (null when the user is gone). */
export async function storeLocale(db: Queryable, id: number, locale: Locale): Promise<Locale | null> {
  const row = await oneRow<{ before: Locale }>(
    db,
    `UPDATE users u SET locale = $1 FROM (SELECT locale FROM users WHERE id = $2 FOR UPDATE) old
      WHERE u.id = $2 RETURNING old.locale AS before`,
    [locale, id],
  );
  return row?.before ?? null;
}

export async function findForLogin(
  db: Queryable,
  email: string,
): Promise<{ id: number; passwordHash: string; active: boolean } | null> {
  const row = await oneRow<Pick<RowOf<typeof usersTable>, 'id' | 'password_hash' | 'active'>>(
    db,
    `SELECT id, password_hash, active FROM users WHERE lower(email) = lower($1)`,
    [email],
  );
  return row ? { id: row.id, passwordHash: row.password_hash, active: row.active } : null;
}

export async function recordLogin(db: Queryable, id: number): Promise<void> {
  await db.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [id]);
}

/** Active admins, apart from the one given (null: all of them). */
export async function countActiveAdmins(db: Queryable, exceptId: number | null = null): Promise<number> {
  const row = await oneRow<{ count: number }>(
    db,
    `SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND active AND id IS DISTINCT FROM $1`,
    [exceptId],
  );
  return row?.count ?? 0;
}

/** May this user be named an employer's account manager (active account manager or admin)? */
export async function isEligibleAccountManager(db: Queryable, id: number): Promise<boolean> {
  const found = await rows(
    db,
    `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('account_manager', 'admin')`,
    [id],
  );
  return found.length > 0;
}

/** The members of a campus group, by name. */
export async function campusGroupMembers(db: Queryable, groupId: number): Promise<CampusGroupMemberDto[]> {
  const members = await rows<Pick<RowOf<typeof usersTable>, 'id' | 'display_name' | 'email' | 'role' | 'active'>>(
    db,
    `SELECT u.id, u.display_name, u.email, u.role, u.active
       FROM user_campus_groups m JOIN users u ON u.id = m.user_id
      WHERE m.campus_group_id = $1 ORDER BY lower(u.display_name), u.id`,
    [groupId],
  );
  return members.map((m) => ({
    id: m.id,
    displayName: m.display_name,
    email: m.email,
    role: m.role,
    active: m.active,
  }));
}

/** An active user and whether they may work on follow-ups of a given employer. */
export interface FollowUpAssigneeRow {
  id: number;
  display_name: string;
  role: Role;
  can_act: boolean;
}

/**
 * Active users (only `userId` when given) with whether each may work on follow-ups of an employer
 * linked to `campusGroupIds`: admins and account managers always, campus members of those groups.
 * Leadership only reads, so never. The one rule for the assignee picker and the assignment check.
 */
export async function followUpAssigneeCandidates(
  db: Queryable,
  campusGroupIds: readonly number[],
  userId?: number,
): Promise<FollowUpAssigneeRow[]> {
  return rows<FollowUpAssigneeRow>(
    db,
    `SELECT u.id, u.display_name, u.role,
            (u.role IN ('admin', 'account_manager')
              OR (u.role = 'campus_member' AND EXISTS (
                    SELECT 1 FROM user_campus_groups m WHERE m.user_id = u.id AND m.campus_group_id = ANY ($1::int[])))) AS can_act
       FROM users u
      WHERE u.active AND ($2::int IS NULL OR u.id = $2)
      ORDER BY lower(u.display_name), u.id`,
    [campusGroupIds, userId ?? null],
  );
}
