import * as z from 'zod/mini';
import { auditedFields } from '../common/audit';
import type { ListParams } from '../common/page';
import type { Role } from '../auth/roles';
import { listQuerySchema, requiredText, versionField } from '../common/fields';

export const createCampusGroupSchema = z.strictObject({
  name: requiredText(120),
  campus: requiredText(120),
});
export type CreateCampusGroupRequest = z.output<typeof createCampusGroupSchema>;

export const updateCampusGroupSchema = z.strictObject({
  version: versionField,
  name: z.optional(requiredText(120)),
  campus: z.optional(requiredText(120)),
});
export type UpdateCampusGroupRequest = z.output<typeof updateCampusGroupSchema>;

export interface CampusGroupMemberDto {
  id: number;
  displayName: string;
  email: string;
  role: Role;
  active: boolean;
}

export interface CampusGroupDto {
  id: number;
  name: string;
  campus: string;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CampusGroupDetailDto extends CampusGroupDto {
  members: CampusGroupMemberDto[];
}

export const campusGroupListQuerySchema = listQuerySchema({
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type CampusGroupListQuery = z.output<typeof campusGroupListQuerySchema>;
/** The campus group list's query as a client builds it. */
export type CampusGroupListParams = ListParams<z.input<typeof campusGroupListQuerySchema>, 'limit'>;

/** The campus group fields the audit trail records on create and update. */
export const CAMPUS_GROUP_AUDITED_FIELDS = auditedFields<CampusGroupDto>()('name', 'campus');
export type CampusGroupAuditedField = (typeof CAMPUS_GROUP_AUDITED_FIELDS)[number];
