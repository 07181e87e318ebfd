// No zod here: the shell checks rights on every page and must not pull the validator into the first load.

/** The four roles of PRODUCT.md; every user has exactly one. */
export const ROLES = ['admin', 'account_manager', 'campus_member', 'leadership'] as const;
export type Role = (typeof ROLES)[number];

/** What the rights table talks about. */
export const RESOURCES = [
  'users',
  'campusGroups',
  'employers',
  'contactPersons',
  'contactEntries',
  'followUps',
  'opportunities',
  'reports',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** Which rows a role may read: every row, only rows of its own campus groups, or none. */
export type ReadScope = 'all' | 'own_groups' | 'none';

/**
 * Which rows a role may change:
 * - `all`: any row it may read;
 * - `own_groups_own_records`: create in its own groups, edit only what it created itself;
 * - `assigned`: update only rows assigned to it;
 * - `none`.
 */
export type WriteScope = 'all' | 'own_groups_own_records' | 'assigned' | 'none';

export interface Right {
  read: ReadScope;
  write: WriteScope;
}

const staff: Right = { read: 'all', write: 'all' };
const reader: Right = { read: 'all', write: 'none' };
const ownGroupsReader: Right = { read: 'own_groups', write: 'none' };

/** PRODUCT.md's rights table, the single source for the API guard and for what the UI shows. */
export const RIGHTS: Record<Resource, Record<Role, Right>> = {
  users: { admin: staff, account_manager: reader, campus_member: ownGroupsReader, leadership: reader },
  campusGroups: { admin: staff, account_manager: reader, campus_member: ownGroupsReader, leadership: reader },
  employers: { admin: staff, account_manager: staff, campus_member: ownGroupsReader, leadership: reader },
  contactPersons: { admin: staff, account_manager: staff, campus_member: ownGroupsReader, leadership: reader },
  contactEntries: {
    admin: staff,
    account_manager: staff,
    campus_member: { read: 'own_groups', write: 'own_groups_own_records' },
    leadership: reader,
  },
  followUps: {
    admin: staff,
    account_manager: staff,
    campus_member: { read: 'own_groups', write: 'assigned' },
    leadership: reader,
  },
  opportunities: { admin: staff, account_manager: staff, campus_member: ownGroupsReader, leadership: reader },
  reports: { admin: reader, account_manager: reader, campus_member: ownGroupsReader, leadership: reader },
};

export function rightOf(role: Role, resource: Resource): Right {
  return RIGHTS[resource][role];
}

export function canRead(role: Role, resource: Resource): boolean {
  return rightOf(role, resource).read !== 'none';
}

export function canWrite(role: Role, resource: Resource): boolean {
  return rightOf(role, resource).write !== 'none';
}

/** Roles that may change a resource at all (some only their own or assigned rows). */
export function rolesThatWrite(resource: Resource): Role[] {
  return ROLES.filter((role) => canWrite(role, resource));
}

/** Roles that may change any readable row of a resource. */
export function rolesThatWriteAll(resource: Resource): Role[] {
  return ROLES.filter((role) => rightOf(role, resource).write === 'all');
}

export function rolesThatRead(resource: Resource): Role[] {
  return ROLES.filter((role) => canRead(role, resource));
}
