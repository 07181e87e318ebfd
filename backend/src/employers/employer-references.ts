import type { FieldError } from '@tyoelama/shared';
import { existingCampusGroupIds } from '../campus-groups';
import type { Queryable } from '../database/typed-query';
import { ApiException } from '../http/api-exception';
import { isEligibleAccountManager } from '../users';

/** What an employer refers to: its owner group, the other groups working with it, its account manager. */
export interface EmployerReferences {
  ownerCampusGroupId?: number;
  campusGroupIds?: number[];
  accountManagerId?: number | null;
}

/**
 * Field-level 400s for referenced rows that do not exist or may not be referred to, before anything
 * is written (the API's employer writes and an import's target group and account manager).
 */
export async function assertEmployerReferences(db: Queryable, input: EmployerReferences): Promise<void> {
  const groupIds = [...(input.ownerCampusGroupId ? [input.ownerCampusGroupId] : []), ...(input.campusGroupIds ?? [])];
  const known = await existingCampusGroupIds(db, groupIds);
  const fieldErrors: FieldError[] = [];
  if (input.ownerCampusGroupId && !known.has(input.ownerCampusGroupId)) {
    fieldErrors.push({ path: 'ownerCampusGroupId', code: 'unknown_campus_group', message: 'Unknown campus group' });
  }
  if ((input.campusGroupIds ?? []).some((id) => !known.has(id))) {
    fieldErrors.push({ path: 'campusGroupIds', code: 'unknown_campus_group', message: 'Unknown campus group' });
  }
  if (input.accountManagerId && !(await isEligibleAccountManager(db, input.accountManagerId))) {
    fieldErrors.push({
      path: 'accountManagerId',
      code: 'invalid_account_manager',
      message: 'Must be an active account manager or admin',
    });
  }
  if (fieldErrors.length) throw ApiException.validation(fieldErrors);
}
