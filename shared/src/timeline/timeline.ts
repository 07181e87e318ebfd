import * as z from 'zod/mini';
import type { ContactTopic, ContactType } from '../contact-entries/contact-entry';
import { cursorQuery, limitQuery } from '../common/fields';
import type { OpportunityStage } from '../opportunities/opportunity';

export const timelineQuerySchema = z.strictObject({ cursor: cursorQuery, limit: limitQuery });
export type TimelineQuery = z.output<typeof timelineQuerySchema>;

interface TimelineBase {
  /** Unique within the timeline, e.g. `contact_entry:12`. */
  key: string;
  at: string;
  actorName: string | null;
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
    });

export type TimelineKind = TimelineItem['kind'];
