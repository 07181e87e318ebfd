import * as z from 'zod/mini';
import type { ContactTopic, ContactType } from '../contact-entries/contact-entry';
import { listQuerySchema } from '../common/fields';
import type { OpportunityStage } from '../opportunities/opportunity';

export const timelineQuerySchema = listQuerySchema({});
export type TimelineQuery = z.output<typeof timelineQuerySchema>;

interface TimelineBase {
  /** Unique within the timeline, e.g. `contact_entry:12`. */
  key: string;
  at: string;
  actorName: string | null;
}

/** A value as the audit trail stored it (JSON). */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/** What an id-valued audited field refers to; the timeline gives such values as names instead. */
export type AuditReference = 'campusGroup' | 'user' | 'contactPerson';

/** The audited fields whose values are ids of other rows, by the name the audit trail uses. */
export const AUDIT_REFERENCE_FIELDS: Readonly<Record<string, AuditReference>> = {
  ownerCampusGroupId: 'campusGroup',
  campusGroupIds: 'campusGroup',
  campusGroupId: 'campusGroup',
  accountManagerId: 'user',
  assigneeId: 'user',
  ownerId: 'user',
  contactPersonIds: 'contactPerson',
};

/**
 * One changed field of an audit event, old → new. A reference field's values are the names of
 * the rows (`#id` for one that no longer exists), in the order of the ids.
 */
export interface TimelineChange {
  field: string;
  from: AuditValue;
  to: AuditValue;
  /** Set when the values are names of referenced rows, not the stored ids. */
  reference?: AuditReference;
}

/** One line of an employer's history, newest first. */
export type TimelineItem =
  | (TimelineBase & {
      kind: 'contact_entry';
      contactEntryId: number;
      type: ContactType;
      summary: string;
      topics: ContactTopic[];
      campusGroupName: string;
      /** Who logged it: a campus member may edit and delete only their own entries. */
      createdById: number | null;
    })
  | (TimelineBase & {
      kind: 'follow_up_created';
      followUpId: number;
      title: string;
      dueDate: string;
      assigneeName: string;
    })
  | (TimelineBase & { kind: 'follow_up_done' | 'follow_up_cancelled'; followUpId: number; title: string })
  | (TimelineBase & {
      kind: 'stage_change';
      opportunityId: number;
      opportunityTitle: string;
      fromStage: OpportunityStage | null;
      toStage: OpportunityStage;
      lostReason: string | null;
    })
  | (TimelineBase & {
      kind: 'audit';
      entityType: string;
      entityId: number;
      action: string;
      changedFields: string[];
      /** Old → new per changed field, in the order of `changedFields`. */
      changes: TimelineChange[];
    });

export type TimelineKind = TimelineItem['kind'];
