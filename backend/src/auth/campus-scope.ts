import { type Resource, rightOf } from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import type { AuthUser } from './auth-user';

/** Which campus groups' rows the caller may read: all, or only these. */
export type CampusScope = { kind: 'all' } | { kind: 'groups'; campusGroupIds: number[] };

/**
 * The one campus-group scoping helper: every query of scoped data asks it first. A role with no
 * read right gets 403; a campus member gets their own groups (possibly none: then nothing matches).
 */
export function readScope(user: Pick<AuthUser, 'role' | 'campusGroupIds'>, resource: Resource): CampusScope {
  const right = rightOf(user.role, resource).read;
  switch (right) {
    case 'all':
      return { kind: 'all' };
    case 'own_groups':
      return { kind: 'groups', campusGroupIds: [...user.campusGroupIds] };
    case 'none':
      throw ApiException.forbidden();
    default:
      return assertUnreachable(right);
  }
}

/**
 * A SQL condition limiting rows to the scope. `groupCondition` receives the parameter name holding
 * the allowed group ids and returns the condition for one row, e.g.
 * `EXISTS (SELECT 1 FROM employer_campus_groups g WHERE g.employer_id = e.id AND g.campus_group_id = ANY(:ids))`.
 */
export function scopeCondition(
  scope: CampusScope,
  groupCondition: (idsParameter: string) => string,
  parameterName = 'scopeCampusGroupIds',
): { sql: string; parameters: Record<string, number[]> } {
  if (scope.kind === 'all') return { sql: 'TRUE', parameters: {} };
  return { sql: groupCondition(`:${parameterName}`), parameters: { [parameterName]: scope.campusGroupIds } };
}

/** True when a row linked to these campus groups is inside the scope. */
export function inScope(scope: CampusScope, rowCampusGroupIds: readonly number[]): boolean {
  return scope.kind === 'all' || rowCampusGroupIds.some((id) => scope.campusGroupIds.includes(id));
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
