import { FormControl, FormGroup } from '@angular/forms';
import {
  helsinkiDate,
  type ContactEntryDto,
  type ContactTopic,
  type ContactType,
  type FieldError,
} from '@tyoelama/shared';

import { helsinkiTime, helsinkiToIso } from '../core/dates';
import { showFieldErrors } from '../core/forms';
import { pickedEmployer, type EmployerFieldValue } from '../employers/employer-field';

/** The log-contact form: a new entry starts now, by phone, with its follow-up on the caller. */
export function logContactForm(assigneeId: number | null) {
  return new FormGroup({
    employerId: new FormControl<EmployerFieldValue>(null),
    type: new FormControl<ContactType>('phone', { nonNullable: true }),
    // The date part of occurredAt: the API's errors for occurredAt show here.
    occurredAt: new FormControl(helsinkiDate(), { nonNullable: true }),
    occurredTime: new FormControl(helsinkiTime(), { nonNullable: true }),
    summary: new FormControl('', { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true }),
    contactPersonIds: new FormControl<number[]>([], { nonNullable: true }),
    topics: new FormControl<ContactTopic[]>([], { nonNullable: true }),
    campusGroupId: new FormControl<number | null>(null),
    followUp: new FormGroup({
      title: new FormControl('', { nonNullable: true }),
      dueDate: new FormControl('', { nonNullable: true }),
      assigneeId: new FormControl<number | null>(assigneeId),
    }),
  });
}

export type LogContactForm = ReturnType<typeof logContactForm>;
type LogContactValue = ReturnType<LogContactForm['getRawValue']>;

/**
 * Puts field errors on the controls they name, nested ones too (`followUp.title` on the follow-up's
 * title); the rest go by their first segment like every other form.
 */
export function placeFieldErrors(form: FormGroup, errors: readonly FieldError[]): void {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const [group, field] = error.path.split('.');
    const nested = field !== undefined ? form.get([group ?? '', field]) : null;
    if (nested && !(nested instanceof FormGroup)) {
      nested.setErrors({ field: error });
      nested.markAsTouched();
    } else flat.push(error);
  }
  showFieldErrors(form, flat);
}

/** A logged entry as the form shows it, for editing. */
export function entryFormValue(entry: ContactEntryDto): Partial<LogContactValue> {
  const at = new Date(entry.occurredAt);
  return {
    employerId: { id: entry.employerId, name: entry.employerName },
    type: entry.type,
    occurredAt: helsinkiDate(at),
    occurredTime: helsinkiTime(at),
    summary: entry.summary,
    notes: entry.notes ?? '',
    contactPersonIds: entry.contactPersons.map((person) => person.id),
    topics: entry.topics,
  };
}

/** The fields a new and an edited entry share; an edit sends all of them, so what is seen is saved. */
function entryFields(value: LogContactValue): Record<string, unknown> {
  return {
    type: value.type,
    occurredAt: helsinkiToIso(value.occurredAt, value.occurredTime),
    summary: value.summary,
    notes: value.notes,
    contactPersonIds: value.contactPersonIds,
    topics: value.topics,
  };
}

export function updateBody(form: LogContactForm, entry: ContactEntryDto): Record<string, unknown> {
  return { version: entry.version, ...entryFields(form.getRawValue()) };
}

/** What the caller may add to a new entry beyond the shared fields. */
export interface NewEntryChoices {
  /** The campus member had several groups to pick from. */
  pickedGroup: boolean;
  followUp: boolean;
  canAssignOthers: boolean;
}

export function createBody(form: LogContactForm, choices: NewEntryChoices): Record<string, unknown> {
  const value = form.getRawValue();
  const employer = pickedEmployer(value.employerId);
  const followUp = value.followUp;
  return {
    employerId: employer?.id,
    ...entryFields(value),
    campusGroupId: choices.pickedGroup ? (value.campusGroupId ?? undefined) : undefined,
    followUp: choices.followUp
      ? {
          title: followUp.title,
          dueDate: followUp.dueDate || undefined,
          assigneeId: choices.canAssignOthers ? (followUp.assigneeId ?? undefined) : undefined,
        }
      : undefined,
  };
}
