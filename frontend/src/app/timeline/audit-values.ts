import { formatFinnishDate, formatFinnishDateTime, type AuditValue, type TimelineChange } from '@tyoelama/shared';

/** What turns an audited value into text: translations, and the reader's date-time format. */
export interface AuditValueFormat {
  has(key: string): boolean;
  t(key: string): string;
  dateTime(value: string): string;
}

/** Shown for a value that was not there: null, empty text, no items. */
export const EMPTY_VALUE = '–';

/** Long texts (descriptions, notes) are cut: the history says what changed, the record holds it whole. */
const MAX_TEXT = 160;

/** Where an entity's audited fields get their labels; the activity entities' are the timeline's own. */
const FIELD_LABELS: Partial<Record<string, string>> = {
  employer: 'employers.fields',
  contact_person: 'contactPersons',
  employer_journey: 'employerJourney.steps',
};

/** Enumerated fields' value labels by entity and field, as translation key prefixes. */
const VALUE_LABELS: Partial<Record<string, Partial<Record<string, string>>>> = {
  employer: {
    status: 'employers.statuses.',
    sizeClass: 'employers.sizeClasses.',
    industryClassification: 'employers.classifications.',
  },
  contact_person: { roles: 'contactPersons.roleNames.' },
  contact_entry: { type: 'logContact.types.', topics: 'logContact.topicNames.' },
  follow_up: { status: 'followUps.statuses.' },
  opportunity: { type: 'pipeline.types.', stage: 'pipeline.stages.' },
};

/** The translation key of a changed field's label (by entity: a contact person's `title` is a job title). */
export function fieldLabelKey(entityType: string, field: string): string {
  return `${FIELD_LABELS[entityType] ?? 'timeline.auditFields'}.${field}`;
}

/** An audited value as a reader sees it: dates formatted, enums by label, names as given, empty as "–". */
export function formatAuditValue(
  entityType: string,
  change: Pick<TimelineChange, 'field' | 'reference'>,
  value: AuditValue,
  format: AuditValueFormat,
): string {
  if (value === null || value === '') return EMPTY_VALUE;
  if (Array.isArray(value)) {
    const parts = value.map((part) => formatAuditValue(entityType, change, part, format));
    return parts.length ? parts.join(', ') : EMPTY_VALUE;
  }
  if (typeof value === 'boolean') return format.t(value ? 'timeline.yes' : 'timeline.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  // A reference field's values arrive as names already.
  if (change.reference) return value;
  const prefix = VALUE_LABELS[entityType]?.[change.field];
  if (prefix && format.has(prefix + value)) return format.t(prefix + value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatFinnishDate(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return format.dateTime(value);
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
}

/** The reader's `24.11.2026 klo 14.05`; English readers get the numbers without the Finnish "klo". */
export function localDateTime(value: string, locale: string): string {
  const text = formatFinnishDateTime(value);
  return locale === 'fi' ? text : text.replace(' klo ', ' ');
}
