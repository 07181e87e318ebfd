import * as z from 'zod/mini';
import { auditedFields } from '../common/audit';
import type { Role } from '../auth/roles';
import type { ListParams } from '../common/page';
import {
  dateField,
  idField,
  idQuery,
  idText,
  listQuerySchema,
  optionalText,
  requiredText,
  versionField,
} from '../common/fields';

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const createFollowUpSchema = z.strictObject({
  employerId: idField,
  title: requiredText(300),
  notes: optionalText(2000),
  dueDate: dateField,
  /** Defaults to the creator. */
  assigneeId: z.optional(idField),
  contactEntryId: z.optional(z.nullable(idField)),
});
export type CreateFollowUpRequest = z.input<typeof createFollowUpSchema>;

export const updateFollowUpSchema = z.strictObject({
  version: versionField,
  title: z.optional(requiredText(300)),
  notes: optionalText(2000),
  dueDate: z.optional(dateField),
  assigneeId: z.optional(idField),
});
export type UpdateFollowUpRequest = z.input<typeof updateFollowUpSchema>;

/** Complete, reopen and cancel carry only the version they were decided on. */
export const followUpActionSchema = z.strictObject({ version: versionField });
export type FollowUpActionRequest = z.output<typeof followUpActionSchema>;

/** What can happen to a follow-up besides editing: `POST /api/follow-ups/:id/<action>`. */
export const FOLLOW_UP_ACTIONS = ['complete', 'reopen', 'cancel'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/** The statuses each action may start from; any other is refused with FOLLOW_UP_ACTION_NOT_ALLOWED. */
export const FOLLOW_UP_ACTION_FROM: Record<FollowUpAction, readonly FollowUpStatus[]> = {
  complete: ['open'],
  reopen: ['done', 'cancelled'],
  cancel: ['open'],
};

export const FOLLOW_UP_DUE_FILTERS = ['overdue', 'today', 'week'] as const;
export type FollowUpDueFilter = (typeof FOLLOW_UP_DUE_FILTERS)[number];

export const followUpListQuerySchema = listQuerySchema({
  /** `me` or a user id. */
  assignee: z.optional(z.union([z.literal('me'), idText])),
  status: z.optional(z.enum(FOLLOW_UP_STATUSES)),
  /** Europe/Helsinki dates: overdue = open and due before today; week = due within the next 7 days. */
  due: z.optional(z.enum(FOLLOW_UP_DUE_FILTERS)),
  employerId: idQuery,
});
export type FollowUpListQuery = z.output<typeof followUpListQuerySchema>;
/** The follow-up list's query as a client builds it. */
export type FollowUpListParams = ListParams<z.input<typeof followUpListQuerySchema>, 'employerId' | 'limit'>;

export interface FollowUpDto {
  id: number;
  employerId: number;
  employerName: string;
  contactEntryId: number | null;
  title: string;
  notes: string | null;
  dueDate: string;
  assigneeId: number;
  assigneeName: string;
  status: FollowUpStatus;
  completedAt: string | null;
  completedByName: string | null;
  createdById: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Open and due before today in Helsinki. */
  overdue: boolean;
}

/** The follow-up fields the audit trail records; the employer's timeline names them. */
export const FOLLOW_UP_AUDITED_FIELDS = auditedFields<FollowUpDto>()(
  'title',
  'notes',
  'dueDate',
  'assigneeId',
  'status',
  'contactEntryId',
);
export type FollowUpAuditedField = (typeof FOLLOW_UP_AUDITED_FIELDS)[number];

/**
 * A user a follow-up of an employer may be handed to (`GET /api/employers/:id/follow-up-assignees`):
 * active admins and account managers, and campus members of the employer's groups.
 */
export interface FollowUpAssigneeDto {
  id: number;
  displayName: string;
  role: Role;
}
