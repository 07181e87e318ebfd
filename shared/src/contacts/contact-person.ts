import * as z from 'zod/mini';
import { auditedFields } from '../common/audit';
import { enumList, optionalEmail, optionalPattern, optionalText, requiredText, versionField } from '../common/fields';

/** Sources a contact person can be read from. */
export const CONTACT_PERSON_SOURCES = ['ehoks'] as const;
export type ContactPersonSource = (typeof CONTACT_PERSON_SOURCES)[number];

export const CONTACT_ROLES = ['workplace_instructor', 'hr', 'management', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

const phonePattern = /^\+?[0-9 ()-]{5,30}$/;

const contactFields = {
  name: requiredText(200),
  title: optionalText(200),
  email: optionalEmail,
  phone: optionalPattern(phonePattern, 30),
  roles: enumList(CONTACT_ROLES, 4),
  notes: optionalText(2000),
};

export const createContactPersonSchema = z.strictObject({
  ...contactFields,
  roles: z._default(contactFields.roles, []),
});
export type CreateContactPersonRequest = z.input<typeof createContactPersonSchema>;

export const updateContactPersonSchema = z.strictObject({
  version: versionField,
  name: z.optional(contactFields.name),
  title: contactFields.title,
  email: contactFields.email,
  phone: contactFields.phone,
  roles: z.optional(contactFields.roles),
  notes: contactFields.notes,
});
export type UpdateContactPersonRequest = z.input<typeof updateContactPersonSchema>;

export interface ContactPersonDto {
  id: number;
  employerId: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  roles: ContactRole[];
  notes: string | null;
  /** Erased under GDPR: the row keeps history's shape, the personal data is gone. */
  erased: boolean;
  /** Where the person came from: null when typed into the CRM, 'ehoks' for a workplace instructor read from an eHOKS export. */
  source: ContactPersonSource | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Everything held about one person, for a GDPR access request. */
export interface ContactPersonExportDto {
  exportedAt: string;
  person: ContactPersonDto;
  employer: { id: number; name: string };
  contactEntries: { id: number; occurredAt: string; type: string; summary: string }[];
  auditEvents: { occurredAt: string; action: string; changes: Record<string, [unknown, unknown]> }[];
}

/**
 * The contact person fields the audit trail records; erasure overwrites exactly these in the audit
 * history (the audit redaction function of the migrations lists them too).
 */
export const CONTACT_PERSON_AUDITED_FIELDS = auditedFields<ContactPersonDto>()(
  'name',
  'title',
  'email',
  'phone',
  'roles',
  'notes',
);
export type ContactPersonAuditedField = (typeof CONTACT_PERSON_AUDITED_FIELDS)[number];
