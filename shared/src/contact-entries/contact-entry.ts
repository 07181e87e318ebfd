import * as z from 'zod/mini';
import { auditedFields } from '../common/audit';
import {
  dateField,
  dateTimeField,
  enumList,
  idField,
  idQuery,
  listQuerySchema,
  optionalText,
  requiredText,
  versionField,
} from '../common/fields';

export const CONTACT_TYPES = ['phone', 'email', 'meeting', 'workplace_visit', 'event', 'other'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const CONTACT_TOPICS = [
  'training_agreement',
  'apprenticeship',
  'recruitment',
  'instructor_training',
  'competence_demonstration',
  'feedback',
  'development_project',
  'other',
] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];

/** The follow-up that can be created together with a contact entry, in one transaction. */
export const inlineFollowUpSchema = z.strictObject({
  title: requiredText(300),
  dueDate: dateField,
  /** Defaults to the person logging the contact. */
  assigneeId: z.optional(idField),
});

export const createContactEntrySchema = z.strictObject({
  employerId: idField,
  type: z.enum(CONTACT_TYPES),
  occurredAt: dateTimeField,
  summary: requiredText(300),
  notes: optionalText(5000),
  contactPersonIds: z._default(z.array(idField).check(z.maxLength(20)), []),
  /** Defaults to the employer's owning group (or the logger's own group linked to the employer). */
  campusGroupId: z.optional(idField),
  topics: z._default(enumList(CONTACT_TOPICS, CONTACT_TOPICS.length), []),
  followUp: z.optional(z.nullable(inlineFollowUpSchema)),
});
export type CreateContactEntryRequest = z.input<typeof createContactEntrySchema>;

export const updateContactEntrySchema = z.strictObject({
  version: versionField,
  type: z.optional(z.enum(CONTACT_TYPES)),
  occurredAt: z.optional(dateTimeField),
  summary: z.optional(requiredText(300)),
  notes: optionalText(5000),
  contactPersonIds: z.optional(z.array(idField).check(z.maxLength(20))),
  campusGroupId: z.optional(idField),
  topics: z.optional(enumList(CONTACT_TOPICS, CONTACT_TOPICS.length)),
});
export type UpdateContactEntryRequest = z.input<typeof updateContactEntrySchema>;

/** How long the UI offers to undo a deleted contact entry (the server keeps it restorable longer). */
export const CONTACT_ENTRY_UNDO_SECONDS = 10;

export const contactEntryListQuerySchema = listQuerySchema({
  employerId: idQuery,
});
export type ContactEntryListQuery = z.output<typeof contactEntryListQuerySchema>;

export interface ContactEntryDto {
  id: number;
  employerId: number;
  employerName: string;
  type: ContactType;
  occurredAt: string;
  summary: string;
  notes: string | null;
  contactPersons: { id: number; name: string }[];
  campusGroupId: number;
  campusGroupName: string;
  topics: ContactTopic[];
  createdById: number | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The follow-up created with this entry, if any. */
  followUpIds: number[];
}

/**
 * The contact entry fields the audit trail records; the employer's timeline names them. The persons
 * are recorded as their sorted ids (`contactPersonIds`), not as the DTO's id-and-name pairs.
 */
export const CONTACT_ENTRY_AUDITED_FIELDS = auditedFields<ContactEntryDto & { contactPersonIds: number[] }>()(
  'type',
  'occurredAt',
  'summary',
  'notes',
  'contactPersonIds',
  'campusGroupId',
  'topics',
);
export type ContactEntryAuditedField = (typeof CONTACT_ENTRY_AUDITED_FIELDS)[number];
