import {
  type FeedbackSurveyKind,
  type NationalFileError,
  type NationalRecordProblem,
  type WorkplaceLearningKind,
} from '@tyoelama/shared';

/**
 * The records the readers of the national exports give. Whatever names a student (OID, henkilötunnus,
 * name) is read only to be hashed: the records below, which the preview stores, carry the keyed hashes
 * and nothing else of the student. Problems place a record by position in the file, never by who it is about.
 */

/** A period as stored, keyed by column name (the commit hands the records to jsonb_to_recordset). */
export interface PeriodRecord {
  period_key: string;
  student_key: string;
  kind: WorkplaceLearningKind;
  starts_on: string;
  ends_on: string | null;
  business_id: string | null;
  workplace_name: string | null;
  qualification_code: string | null;
  qualification_name: string | null;
  campus_name: string | null;
  part_time_percent: number | null;
  apprenticeship_ended_on: string | null;
  ended_in_trial: boolean | null;
  /** The workplace instructor (eHOKS): a contact person of the employer, not a student. */
  instructor_name: string | null;
  instructor_email: string | null;
  instructor_phone: string | null;
}

export interface SurveyRecord {
  kind: FeedbackSurveyKind;
  code: string;
  business_id: string | null;
  workplace_name: string | null;
  url: string | null;
  valid_from: string;
  valid_until: string;
  answers: number;
  targets: number | null;
  period_count: number | null;
  period_days: number | null;
  qualification_code: string | null;
  qualification_name: string | null;
  campus_name: string | null;
  period_starts_on: string | null;
  period_ends_on: string | null;
  contract_type: string | null;
  state: string | null;
}

export type NationalRecord = PeriodRecord | SurveyRecord;

export interface NationalFile<R extends NationalRecord = NationalRecord> {
  records: R[];
  problems: NationalRecordProblem[];
}

/** A file refused as a whole: 413 for its size, 400 otherwise. */
export class NationalFileRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: NationalFileError,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

export function notAnExport(source: string): NationalFileRefused {
  return new NationalFileRefused(400, 'not_an_export', `The file is not a ${source} export`);
}
