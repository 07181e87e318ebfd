import type { ImportReport, ImportStatus, NationalImportReport, NationalImportSource } from '@tyoelama/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth';
import type { LongJobSlots } from '../database/long-job-slots';
import { withLongStatements } from '../database/pool';
import { ApiException } from '../http/api-exception';
import { defineTable, integer, jsonb, type RowOf, timestamptz, varchar } from '../database/table';
import { affectedRows, oneRow, type Queryable, rows } from '../database/typed-query';
import type { ParsedRow } from './import-rows';

/** What a batch holds: an employer sheet, or one of the national exports (migration NationalImports). */
export type ImportBatchKind = 'employers' | NationalImportSource;

/**
 * An uploaded file between preview and commit: its parsed rows (employer sheets) or records (national
 * exports, already pseudonymised), and the commit's progress and report.
 */
export const importBatchesTable = defineTable('import_batches', {
  id: integer(),
  kind: varchar(20).as<ImportBatchKind>(),
  created_by: integer(),
  created_at: timestamptz(),
  status: varchar(10).as<ImportStatus>(),
  file_name: varchar(255),
  owner_campus_group_id: integer(),
  account_manager_id: integer().orNull(),
  rows: jsonb<unknown[]>(),
  progress: integer(),
  total: integer(),
  report: jsonb<ImportReport | NationalImportReport>().orNull(),
});

/** A batch without its rows (they can be thousands). */
export type BatchRow<R = ImportReport> = Omit<
  RowOf<typeof importBatchesTable>,
  'rows' | 'created_at' | 'file_name' | 'report'
> & {
  report: R | null;
};

/** Parsed files are kept this long for the preview → commit round trip. */
const BATCH_LIFETIME = `interval '24 hours'`;

async function deleteExpiredBatches(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM import_batches WHERE created_at < now() - ${BATCH_LIFETIME}`);
}

/** The uploaded file's name as its batch keeps it. */
export function batchFileName(file: { originalname: string }): string {
  return file.originalname.slice(0, 255) || 'import';
}

/**
 * Stores an upload's new batch in one transaction, the expired batches going first; `insert` writes
 * it and answers its id. A file of thousands of rows legitimately outlasts the per-request statement
 * limit, so the transaction runs in a long-job slot, taken before its connection.
 */
export function storeNewBatch(
  dataSource: DataSource,
  longJobs: LongJobSlots,
  insert: (manager: EntityManager) => Promise<number>,
): Promise<number> {
  return longJobs.run(() =>
    dataSource.transaction((manager) =>
      withLongStatements(manager, async () => {
        await deleteExpiredBatches(manager);
        return insert(manager);
      }),
    ),
  );
}

export interface NewBatch {
  kind?: ImportBatchKind;
  createdBy: number;
  fileName: string;
  ownerCampusGroupId: number;
  accountManagerId: number | null;
  rows: readonly unknown[];
}

export async function insertBatch(db: Queryable, batch: NewBatch): Promise<number> {
  const [{ id }] = await rows<{ id: number }>(
    db,
    `INSERT INTO import_batches (kind, created_by, file_name, owner_campus_group_id, account_manager_id, rows, total)
     VALUES ($7, $1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
    [
      batch.createdBy,
      batch.fileName,
      batch.ownerCampusGroupId,
      batch.accountManagerId,
      JSON.stringify(batch.rows),
      batch.rows.length,
      batch.kind ?? 'employers',
    ],
  );
  return id;
}

/** The batch while it is kept (an expired one is as good as gone); only employer sheets unless `kinds` says otherwise. */
function findBatch<R = ImportReport>(
  db: Queryable,
  id: number,
  kinds: readonly ImportBatchKind[] = ['employers'],
): Promise<BatchRow<R> | null> {
  return oneRow<BatchRow<R>>(
    db,
    `SELECT id, kind, created_by, status, owner_campus_group_id, account_manager_id, progress, total, report
       FROM import_batches WHERE id = $1 AND kind = ANY($2::text[]) AND created_at >= now() - ${BATCH_LIFETIME}`,
    [id, kinds],
  );
}

/** The batch if the caller uploaded it or is an admin; 404 otherwise, as for one that is gone. */
export async function readableBatch<R = ImportReport>(
  db: Queryable,
  caller: AuthUser,
  id: number,
  kinds?: readonly ImportBatchKind[],
): Promise<BatchRow<R>> {
  const batch = await findBatch<R>(db, id, kinds);
  if (!batch || (batch.created_by !== caller.id && caller.role !== 'admin')) throw ApiException.notFound('Import');
  return batch;
}

/** Rows `offset + 1 … offset + limit` of the file, in file order. */
export async function batchRowsSlice(db: Queryable, id: number, offset: number, limit: number): Promise<ParsedRow[]> {
  const found = await oneRow<{ rows: ParsedRow[] | null }>(
    db,
    `SELECT (SELECT jsonb_agg(r ORDER BY o) FROM jsonb_array_elements(b.rows) WITH ORDINALITY AS t(r, o)
              WHERE o > $2 AND o <= $2 + $3) AS rows
       FROM import_batches b WHERE b.id = $1`,
    [id, offset, limit],
  );
  return found?.rows ?? [];
}

export async function batchRows<T = ParsedRow>(db: Queryable, id: number): Promise<T[]> {
  const found = await oneRow<{ rows: T[] }>(db, `SELECT rows FROM import_batches WHERE id = $1`, [id]);
  return found?.rows ?? [];
}

/** Moves a previewed batch to committing; false when it is no longer a preview (a second commit). */
export async function claimBatch(db: Queryable, id: number, total: number): Promise<boolean> {
  const claimed = await rows(
    db,
    `UPDATE import_batches SET status = 'committing', progress = 0, total = $2
      WHERE id = $1 AND status = 'preview' RETURNING id`,
    [id, total],
  );
  return claimed.length > 0;
}

export async function setBatchProgress(db: Queryable, id: number, progress: number): Promise<void> {
  await affectedRows(db, `UPDATE import_batches SET progress = $2 WHERE id = $1`, [id, progress]);
}

export async function finishBatch(
  db: Queryable,
  id: number,
  status: Extract<ImportStatus, 'done' | 'failed'>,
  progress: number,
  report: ImportReport | NationalImportReport,
): Promise<void> {
  await affectedRows(db, `UPDATE import_batches SET status = $2, progress = $3, report = $4 WHERE id = $1`, [
    id,
    status,
    progress,
    JSON.stringify(report),
  ]);
}

/**
 * A committed national batch keeps its report and forgets its records: they name workplace
 * instructors, whose erasure must not leave them behind here.
 */
export async function forgetBatchRows(db: Queryable, id: number): Promise<void> {
  await affectedRows(db, `UPDATE import_batches SET rows = '[]'::jsonb WHERE id = $1`, [id]);
}

/** A national batch's preview counts, kept in `report` until the commit writes its own. */
export async function setBatchReport(db: Queryable, id: number, report: object): Promise<void> {
  await affectedRows(db, `UPDATE import_batches SET report = $2 WHERE id = $1`, [id, JSON.stringify(report)]);
}
