import * as z from 'zod/mini';
import type { FieldError } from '../common/errors';
import { idParam, idText } from '../common/fields';
import type { CreateContactPersonRequest } from '../contacts/contact-person';
import type { CreateEmployerRequest } from '../employers/employer';

/**
 * What an uploaded import file may hold. A file past any of these is refused while it is being read
 * (before it costs more), with a field error on `file` whose `code` is an ImportFileRefusal and whose
 * `limit` is the number below. Sized for the product: a real employer list is a few thousand rows of
 * about 15 columns; the longest field (an employer's description) is 5 000 characters, so a longer
 * cell still reaches the row-level check instead of refusing the whole file.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  fileBytes: 10 * 1024 * 1024,
  /** Inflated bytes of any one entry of an .xlsx (a zip). */
  entryBytes: 50 * 1024 * 1024,
  /** Inflated bytes of all entries of an .xlsx together. */
  inflatedBytes: 100 * 1024 * 1024,
  /** Data rows, the header row not counted. */
  rows: 20_000,
  /** The last column holding a value, on any row. */
  columns: 50,
  /** Characters of one cell. */
  cellChars: 10_000,
} as const;

/** Why a file was refused as a whole; size refusals are 413, the others 400. */
export const IMPORT_FILE_REFUSALS = [
  'file_too_large',
  'entry_too_large',
  'inflated_too_large',
  'too_complex',
  'too_many_rows',
  'too_many_columns',
  'cell_too_long',
  'unsafe_file',
] as const;
export type ImportFileRefusal = (typeof IMPORT_FILE_REFUSALS)[number];
/** Field-error codes on `file`: a refusal, or a file that is no spreadsheet, is empty or is unreadable CSV. */
export type ImportFileErrorCode = ImportFileRefusal | 'unsupported_file' | 'empty_file' | 'unreadable_csv';
/** Rows returned with the preview; the rest are paged with `GET /api/imports/:id/rows`. */
export const IMPORT_PREVIEW_ROWS = 200;

export const IMPORT_STATUSES = ['preview', 'committing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_DECISIONS = ['skip', 'update', 'create'] as const;
export type ImportDecision = (typeof IMPORT_DECISIONS)[number];

/** An existing employer the row probably is: same Y-tunnus, or a very similar name. */
export interface ImportDuplicate {
  reason: 'business_id' | 'similar_name';
  employerId: number;
  employerName: string;
  /** pg_trgm similarity (0–1) of the row's name to the employer's, both without legal form, for `similar_name`. */
  similarity?: number;
}

/** One data row of the file as the import understood it. */
export interface ImportRowDto {
  /** The row in the spreadsheet (the header is row 1). */
  rowNumber: number;
  employer: Partial<CreateEmployerRequest>;
  /** The row's contact persons; the first row of a merged group carries the later rows' too. */
  contacts: Partial<CreateContactPersonRequest>[];
  /** Paths like `businessId` or `contacts.0.email`; a row with errors is never imported. */
  errors: FieldError[];
  duplicate: ImportDuplicate | null;
  /** A warning: the same employer (Y-tunnus or name) already appeared on this row of the file; its contact is merged there. */
  inFileDuplicateOf?: number;
}

export interface ImportPreviewDto {
  id: number;
  fileName: string;
  totalRows: number;
  validRows: number;
  /** Rows flagged as duplicates of existing employers. */
  duplicateRows: number;
  /** The first IMPORT_PREVIEW_ROWS rows. */
  rows: ImportRowDto[];
}

export const importRowsQuerySchema = z.strictObject({
  offset: z.optional(z.string().check(z.regex(/^[0-9]{1,6}$/))),
  limit: z.optional(z.string().check(z.regex(/^[0-9]{1,4}$/))),
});
export type ImportRowsQuery = z.output<typeof importRowsQuerySchema>;

export interface ImportRowsPageDto {
  offset: number;
  total: number;
  rows: ImportRowDto[];
}

export const importUploadFieldsSchema = z.strictObject({
  ownerCampusGroupId: idParam,
  accountManagerId: z.optional(
    z.pipe(
      z.union([z.literal(''), idText]),
      z.transform((value) => (value === '' ? null : Number(value))),
    ),
  ),
});
export type ImportUploadFields = z.output<typeof importUploadFieldsSchema>;

/** Row number → what to do; duplicates default to `skip`, other valid rows to `create`. */
export const commitImportSchema = z.strictObject({
  decisions: z._default(z.record(z.string().check(z.regex(/^[1-9][0-9]{0,6}$/)), z.enum(IMPORT_DECISIONS)), {}),
});
export type CommitImportRequest = z.input<typeof commitImportSchema>;

export type ImportRowOutcome = 'created' | 'updated' | 'skipped' | 'failed' | 'merged';

export interface ImportReport {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Rows whose contact person was added to an earlier row's employer. */
  merged: number;
  contactsCreated: number;
  rows: { rowNumber: number; outcome: ImportRowOutcome; employerId?: number; reason?: string }[];
  /** Set when the whole import was rolled back. */
  error?: string;
}

export interface ImportStatusDto {
  id: number;
  status: ImportStatus;
  /** Rows written so far during the commit. */
  progress: number;
  total: number;
  report: ImportReport | null;
}
