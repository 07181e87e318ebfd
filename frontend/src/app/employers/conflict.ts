import {
  EMPLOYER_AUDITED_FIELDS,
  type EmployerAuditedField,
  type EmployerDto,
  type UpdateEmployerRequest,
} from '@tyoelama/shared';

/** The fields the employer form edits, in the shape the API stores them (empty = null). */
export type EditableEmployer = Pick<EmployerDto, EmployerAuditedField>;

export type EditableField = EmployerAuditedField;

export const EDITABLE_FIELDS: readonly EditableField[] = EMPLOYER_AUDITED_FIELDS;

export function editableOf(employer: EmployerDto): EditableEmployer {
  const editable = {} as Record<EditableField, unknown>;
  for (const field of EDITABLE_FIELDS) editable[field] = employer[field];
  return editable as unknown as EditableEmployer;
}

/** Group ids are a set; tags keep their order but the same tags in another order are no change either. */
function comparable(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify([...(value as (string | number)[])].sort());
  if (typeof value === 'string' && value.trim() === '') return 'null';
  return JSON.stringify(value ?? null);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return comparable(a) === comparable(b);
}

/** One row of the conflict view. */
export interface FieldConflict {
  field: EditableField;
  /** The user's value (equals the loaded one when they did not touch it). */
  mine: unknown;
  /** What is saved now. */
  theirs: unknown;
  changedByMe: boolean;
  changedByThem: boolean;
}

/**
 * The fields someone else changed since `base` was loaded, and the fields the user changed,
 * in form order. A field both sides set to the same value is no conflict and is left out.
 */
export function diffConflict(
  base: EditableEmployer,
  mine: EditableEmployer,
  current: EditableEmployer,
): FieldConflict[] {
  const rows: FieldConflict[] = [];
  for (const field of EDITABLE_FIELDS) {
    const changedByMe = !sameValue(base[field], mine[field]);
    const changedByThem = !sameValue(base[field], current[field]);
    if (!changedByMe && !changedByThem) continue;
    if (sameValue(mine[field], current[field])) continue;
    rows.push({ field, mine: mine[field], theirs: current[field], changedByMe, changedByThem });
  }
  return rows;
}

/** The user's changed fields on top of the current record, as a PATCH carrying the current version. */
export function reapplyMine(
  base: EditableEmployer,
  mine: EditableEmployer,
  current: EmployerDto,
): UpdateEmployerRequest {
  const merged: Record<string, unknown> = { ...editableOf(current) };
  for (const field of EDITABLE_FIELDS) {
    if (!sameValue(base[field], mine[field])) merged[field] = mine[field];
  }
  return { ...(merged as unknown as EditableEmployer), version: current.version };
}
