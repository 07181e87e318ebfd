import type { FieldError } from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import { oneRow, type Queryable, rows } from '../database/typed-query';

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
  const existing = groupIds.length
    ? await rows<{ id: number }>(db, `SELECT id FROM campus_groups WHERE id = ANY($1::int[])`, [groupIds])
    : [];
  const known = new Set(existing.map((row) => row.id));
  const fieldErrors: FieldError[] = [];
  if (input.ownerCampusGroupId && !known.has(input.ownerCampusGroupId)) {
    fieldErrors.push({ path: 'ownerCampusGroupId', code: 'unknown_campus_group', message: 'Unknown campus group' });
  }
  if ((input.campusGroupIds ?? []).some((id) => !known.has(id))) {
    fieldErrors.push({ path: 'campusGroupIds', code: 'unknown_campus_group', message: 'Unknown campus group' });
  }
  if (input.accountManagerId) {
    const eligible = await oneRow(
      db,
      `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('account_manager', 'admin')`,
      [input.accountManagerId],
    );
    if (!eligible) {
      fieldErrors.push({
        path: 'accountManagerId',
        code: 'invalid_account_manager',
        message: 'Must be an active account manager or admin',
      });
    }
  }
  if (fieldErrors.length) throw ApiException.validation(fieldErrors);
}
