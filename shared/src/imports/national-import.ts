import * as z from 'zod/mini';
import { importUploadFieldsSchema, type ImportStatus } from './import';

/**
 * The national VET exports a provider can import: KOSKI's massaluovutus JSON and eHOKS's HOKS JSON
 * (workplace-learning periods), and Arvo's two Työelämäpalaute CSVs (surveys).
 */
export const NATIONAL_IMPORT_SOURCES = ['koski', 'ehoks', 'arvo_workplace', 'arvo_instructor'] as const;
export type NationalImportSource = (typeof NATIONAL_IMPORT_SOURCES)[number];

/** Whether a source gives periods (KOSKI, eHOKS) or surveys (Arvo). */
export function nationalSourceGives(source: NationalImportSource): 'periods' | 'surveys' {
  return source === 'koski' || source === 'ehoks' ? 'periods' : 'surveys';
}

/**
 * What a national export may hold. A KOSKI export of 50 000 periods is 60–100 MB of JSON; the
 * limits leave room for that and refuse more, and refuse JSON nested deeper than any real export
 * (KOSKI nests about 12 levels) before it is parsed.
 */
export const NATIONAL_IMPORT_LIMITS = {
  /** Bytes of a JSON export (KOSKI, eHOKS). */
  jsonBytes: 200 * 1024 * 1024,
  /** Bytes of an Arvo CSV. */
  csvBytes: 20 * 1024 * 1024,
  /** Nesting of JSON objects and arrays. */
  jsonDepth: 40,
  /** Periods or surveys in one file. */
  records: 200_000,
} as const;

/** Field-error codes on `file` of a national import (the size refusal is 413, the others 400). */
export const NATIONAL_FILE_ERRORS = [
  'file_too_large',
  'too_deep',
  'too_many_records',
  'not_json',
  'not_an_export',
  'unreadable_csv',
  'missing_columns',
  'empty_file',
] as const;
export type NationalFileError = (typeof NATIONAL_FILE_ERRORS)[number];

/** Codes of a record's problems in the preview (beside `business_id_format` / `business_id_checksum`). */
export const NATIONAL_RECORD_PROBLEMS = [
  'required',
  'invalid_date',
  'dates_reversed',
  'invalid_number',
  'business_id_format',
  'business_id_checksum',
] as const;
export type NationalRecordProblemCode = (typeof NATIONAL_RECORD_PROBLEMS)[number];

/**
 * The employer-sheet upload's fields plus the export's source: the owner group and account manager
 * are those of the employers the preview's "create these employers" adds.
 */
export const nationalUploadFieldsSchema = z.extend(importUploadFieldsSchema, {
  source: z.enum(NATIONAL_IMPORT_SOURCES),
});
export type NationalUploadFields = z.output<typeof nationalUploadFieldsSchema>;

/**
 * A problem of one record. `item` places it in the file without naming anyone: "3/1/2" is the 3rd
 * student, 1st study right (or HOKS part), 2nd period; a CSV row is its line number.
 */
export interface NationalRecordProblem {
  item: string;
  path: string;
  code: NationalRecordProblemCode;
}

/** Records of the file whose Y-tunnus no employer has, per Y-tunnus. */
export interface NationalUnknownBusiness {
  businessId: string;
  /** The workplace name the file gives most often for it. */
  name: string | null;
  count: number;
}

export interface NationalImportPreviewDto {
  id: number;
  fileName: string;
  source: NationalImportSource;
  /** Periods (KOSKI, eHOKS) or surveys (Arvo) read, each once however often the file repeats it. */
  records: number;
  /** First and last start (periods) or first valid day (surveys): the range a commit replaces. */
  range: { from: string; to: string } | null;
  /** Records whose Y-tunnus is an employer's. */
  matched: number;
  /** Those matched employers the caller may read, with counts; the others only add to `matchedHidden`. */
  matchedEmployers: { employerId: number; name: string; count: number }[];
  matchedHidden: number;
  unknown: NationalUnknownBusiness[];
  /** Records without a Y-tunnus, per workplace name (null: no name either). */
  withoutBusinessId: { name: string | null; count: number }[];
  withoutBusinessIdCount: number;
  /** Workplace instructors named (eHOKS only). */
  instructors: number;
  problems: NationalRecordProblem[];
  /** Records left out for their problems; `problems` lists at most NATIONAL_PREVIEW_PROBLEMS of them. */
  problemCount: number;
}

export const NATIONAL_PREVIEW_PROBLEMS = 500;

export const createNationalEmployersSchema = z.strictObject({
  businessIds: z.array(z.string().check(z.regex(/^\d{7}-\d$/))).check(z.minLength(1), z.maxLength(200)),
});
export type CreateNationalEmployersRequest = z.input<typeof createNationalEmployersSchema>;

export interface CreatedNationalEmployersDto {
  created: { employerId: number; businessId: string; name: string; fromRegister: boolean }[];
  /** Y-tunnus given that were not unknown (any more) in this import: nothing was created for them. */
  skipped: string[];
}

export interface NationalImportReport {
  source: NationalImportSource;
  /** Periods or surveys added, changed, already as in the file. */
  inserted: number;
  updated: number;
  unchanged: number;
  /** Of this source's records in the file's range that the file no longer has: deleted ones, and periods the other source still has (only this source was taken off). */
  removed: number;
  sourceRemoved: number;
  /** Left out for their problems. */
  failed: number;
  /** Workplace instructors added as contact persons (eHOKS). */
  instructorsCreated: number;
  /** Records matched to an employer by Y-tunnus when written. */
  matched: number;
  error?: string;
}

export interface NationalImportStatusDto {
  id: number;
  source: NationalImportSource;
  status: ImportStatus;
  progress: number;
  total: number;
  report: NationalImportReport | null;
}
