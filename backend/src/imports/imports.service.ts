import { Injectable } from '@nestjs/common';
import {
  type CommitImportRequest,
  type FieldError,
  IMPORT_PREVIEW_ROWS,
  type ImportDecision,
  type ImportPreviewDto,
  type ImportReport,
  type ImportRowDto,
  type ImportRowsPageDto,
  type ImportRowsQuery,
  type ImportStatusDto,
  type ImportUploadFields,
} from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { ApiException } from '../http/api-exception';
import { uniqueViolation } from '../database/database-errors';
import { LongJobSlots } from '../database/long-job-slots';
import { withLongStatements } from '../database/pool';
import { assertEmployerReferences } from '../employers';
import { type CommitPlan, type CommitTarget, planCommit, settleMergedRows, writePlan } from './import-commit';
import { markDuplicates } from './import-duplicates';
import { parseFileOffThread } from './import-file-reader';
import type { ParsedRow } from './import-rows';
import {
  type BatchRow,
  batchRows,
  batchRowsSlice,
  claimBatch,
  batchFileName,
  finishBatch,
  insertBatch,
  readableBatch,
  setBatchProgress,
  storeNewBatch,
} from './imports.table';

/** The row as the API shows it: the internal validity flag stays on the server. */
function toRowDto({ employerValid: _employerValid, ...row }: ParsedRow): ImportRowDto {
  return row;
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly longJobs: LongJobSlots,
  ) {}

  async preview(
    caller: AuthUser,
    file: { buffer: Buffer; originalname: string } | undefined,
    fields: ImportUploadFields,
  ): Promise<ImportPreviewDto> {
    if (!file) throw ApiException.field('file', 'required', 'Choose a CSV or .xlsx file');
    // The upload's owner group and account manager, checked before the file is read.
    await assertEmployerReferences(this.dataSource.manager, fields);
    const target = { ownerCampusGroupId: fields.ownerCampusGroupId, accountManagerId: fields.accountManagerId ?? null };
    const rows = await parseFileOffThread(file.buffer, file.originalname, target);
    const fileName = batchFileName(file);
    const id = await storeNewBatch(this.dataSource, this.longJobs, async (manager) => {
      await markDuplicates(manager, rows);
      return insertBatch(manager, { createdBy: caller.id, fileName, ...target, rows });
    });
    return {
      id,
      fileName,
      totalRows: rows.length,
      validRows: rows.filter((row) => row.errors.length === 0).length,
      duplicateRows: rows.filter((row) => row.duplicate).length,
      rows: rows.slice(0, IMPORT_PREVIEW_ROWS).map(toRowDto),
    };
  }

  async rows(caller: AuthUser, id: number, query: ImportRowsQuery): Promise<ImportRowsPageDto> {
    const batch = await readableBatch(this.dataSource, caller, id);
    const offset = Number(query.offset ?? 0);
    const limit = Math.min(Math.max(Number(query.limit ?? IMPORT_PREVIEW_ROWS), 1), 1000);
    const rows = await batchRowsSlice(this.dataSource, id, offset, limit);
    return { offset, total: batch.total, rows: rows.map(toRowDto) };
  }

  async status(caller: AuthUser, id: number): Promise<ImportStatusDto> {
    const batch = await readableBatch(this.dataSource, caller, id);
    return { id: batch.id, status: batch.status, progress: batch.progress, total: batch.total, report: batch.report };
  }

  /**
   * Writes the chosen rows in ONE transaction (all or nothing). Progress is written through another
   * pooled connection so that a client polling `GET /api/imports/:id` sees it before the commit ends.
   */
  async commit(caller: AuthUser, id: number, input: CommitImportRequest): Promise<ImportStatusDto> {
    const batch = await readableBatch(this.dataSource, caller, id);
    const rows = await batchRows(this.dataSource, id);
    const decisions = input.decisions ?? {};
    this.assertDecisions(rows, decisions);
    const plan = planCommit(rows, decisions);
    // The slot before the claim: a 503 for a busy server leaves the import in preview, to commit again.
    return this.longJobs.run(() => this.claimAndWrite(caller, batch, plan));
  }

  private async claimAndWrite(caller: AuthUser, batch: BatchRow, plan: CommitPlan): Promise<ImportStatusDto> {
    const id = batch.id;
    const total = plan.creates.length + plan.updates.length;
    if (!(await claimBatch(this.dataSource, id, total))) {
      throw new ApiException(
        409,
        'IMPORT_NOT_IN_PREVIEW',
        `This import is already ${batch.status === 'committing' ? 'running' : batch.status}`,
      );
    }
    const target: CommitTarget = {
      ownerCampusGroupId: batch.owner_campus_group_id,
      accountManagerId: batch.account_manager_id,
      actorId: caller.id,
    };
    try {
      await this.dataSource.transaction((manager) =>
        withLongStatements(manager, () =>
          writePlan(manager, plan, target, (written) => setBatchProgress(this.dataSource, id, written)),
        ),
      );
    } catch (error) {
      const reason =
        uniqueViolation(error) === 'uq_employers_business_id'
          ? 'A Y-tunnus of the file was saved for another employer meanwhile; nothing was imported'
          : 'The import failed; nothing was imported';
      const report: ImportReport = {
        ...plan.report,
        created: 0,
        updated: 0,
        contactsCreated: 0,
        rows: [],
        error: reason,
      };
      await finishBatch(this.dataSource, id, 'failed', 0, report);
      if (uniqueViolation(error)) throw new ApiException(409, 'IMPORT_CONFLICT', reason);
      throw error;
    }
    settleMergedRows(plan);
    await finishBatch(this.dataSource, id, 'done', total, plan.report);
    return { id, status: 'done', progress: total, total, report: plan.report };
  }

  /** The uploader's own batches (admins see every one); anything else is a 404. */
  private assertDecisions(rows: ParsedRow[], decisions: Record<string, ImportDecision>): void {
    const byNumber = new Map(rows.map((row) => [String(row.rowNumber), row]));
    const fieldErrors: FieldError[] = [];
    for (const [rowNumber, decision] of Object.entries(decisions)) {
      const path = `decisions.${rowNumber}`;
      const row = byNumber.get(rowNumber);
      if (!row) fieldErrors.push({ path, code: 'unknown_row', message: 'No such row in the file' });
      else if (decision === 'update' && !row.duplicate) {
        fieldErrors.push({
          path,
          code: 'no_duplicate',
          message: 'Only a row matching an existing employer can update it',
        });
      } else if (decision === 'create' && row.duplicate?.reason === 'business_id') {
        fieldErrors.push({ path, code: 'business_id_taken', message: 'An employer with this Y-tunnus already exists' });
      }
    }
    if (fieldErrors.length) throw ApiException.validation(fieldErrors);
  }
}
