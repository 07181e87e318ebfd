import {
  businessIdProblem,
  NATIONAL_IMPORT_LIMITS,
  type NationalRecordProblem,
  type NationalRecordProblemCode,
  normaliseBusinessId,
  type WorkplaceLearningKind,
} from '@tyoelama/shared';
import { isoDate, type Json, text } from './national-json';
import { type NationalFile, NationalFileRefused, type NationalRecord, type PeriodRecord } from './national-record';
import type { Pseudonymiser } from './pseudonymisation';

/** Collects the problems of one record; the record is left out when it has any. */
export class RecordCheck {
  readonly problems: NationalRecordProblem[] = [];

  constructor(private readonly item: string) {}

  add(path: string, code: NationalRecordProblemCode): void {
    this.problems.push({ item: this.item, path, code });
  }

  requiredDate(value: Json, path: string): string {
    const date = isoDate(value);
    if (date) return date;
    this.add(path, value === undefined || value === null || value === '' ? 'required' : 'invalid_date');
    return '';
  }

  optionalDate(value: Json, path: string): string | null {
    if (value === undefined || value === null || value === '') return null;
    const date = isoDate(value);
    if (!date) this.add(path, 'invalid_date');
    return date;
  }

  /** A Y-tunnus as stored (1234567-8), null when absent; a malformed one is a problem. */
  businessId(value: Json, path: string): string | null {
    const raw = text(value, 20);
    if (!raw) return null;
    const businessId = normaliseBusinessId(raw);
    const problem = businessIdProblem(businessId);
    if (problem) this.add(path, problem);
    return problem ? null : businessId;
  }

  count(value: Json, path: string, required: boolean): number | null {
    const raw = text(value, 20);
    if (raw === null) {
      if (required) this.add(path, 'required');
      return null;
    }
    const number = Number(raw.replace(',', '.'));
    if (!Number.isInteger(number) || number < 0 || number > 2_000_000_000) {
      this.add(path, 'invalid_number');
      return null;
    }
    return number;
  }

  ordered(startsOn: string, endsOn: string | null, path: string): void {
    if (startsOn && endsOn && endsOn < startsOn) this.add(path, 'dates_reversed');
  }
}

/** Gathers records, each period or survey once however often the file repeats it, and the problems. */
export class Collector<R extends NationalRecord> {
  private readonly byKey = new Map<string, R>();
  readonly problems: NationalRecordProblem[] = [];
  private seen = 0;

  constructor(private readonly keyOf: (record: R) => string) {}

  /** Counts every record read, kept or not, against the file's limit. */
  counted(): void {
    this.seen += 1;
    if (this.seen > NATIONAL_IMPORT_LIMITS.records) {
      throw new NationalFileRefused(
        400,
        'too_many_records',
        `The file has more than ${NATIONAL_IMPORT_LIMITS.records} periods or surveys`,
        NATIONAL_IMPORT_LIMITS.records,
      );
    }
  }

  add(check: RecordCheck, record: R): void {
    if (check.problems.length) {
      this.problems.push(...check.problems);
      return;
    }
    const key = this.keyOf(record);
    const earlier = this.byKey.get(key);
    if (!earlier) {
      this.byKey.set(key, record);
      return;
    }
    // The same period under several parts of a HOKS: what one mention leaves out another may give.
    const merged = earlier as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(record)) if (merged[field] === null) merged[field] = value;
  }

  file(): NationalFile<R> {
    return { records: [...this.byKey.values()], problems: this.problems };
  }
}

/** A period with the student hashed; what the source gives beyond its core is in `more`. */
export function newPeriod(
  pseudonymiser: Pseudonymiser,
  oid: string,
  kind: WorkplaceLearningKind,
  startsOn: string,
  endsOn: string | null,
  businessId: string | null,
  workplaceName: string | null,
  more: Partial<PeriodRecord>,
): PeriodRecord {
  return {
    period_key: pseudonymiser.period(oid, kind, startsOn, businessId, workplaceName),
    student_key: pseudonymiser.student(oid),
    kind,
    starts_on: startsOn,
    ends_on: endsOn,
    business_id: businessId,
    workplace_name: workplaceName,
    qualification_code: null,
    qualification_name: null,
    campus_name: null,
    part_time_percent: null,
    apprenticeship_ended_on: null,
    ended_in_trial: null,
    instructor_name: null,
    instructor_email: null,
    instructor_phone: null,
    ...more,
  };
}
