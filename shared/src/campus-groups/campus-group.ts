import { z } from 'zod/mini';
import type { Role } from '../auth/roles';
import { requiredText, versionField } from '../common/fields';

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
