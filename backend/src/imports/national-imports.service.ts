import { Inject, Injectable } from '@nestjs/common';
import {
  type CreatedNationalEmployersDto,
  type CreateNationalEmployersRequest,
  NATIONAL_PREVIEW_PROBLEMS,
  type NationalImportPreviewDto,
  type NationalImportReport,
  type NationalImportSource,
  type NationalImportStatusDto,
  nationalSourceGives,
  type NationalUploadFields,
} from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import type { AuthUser } from '../auth';
import { BusinessRegisterService } from '../business-register';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LongJobSlots } from '../database/long-job-slots';
import { withLongStatements } from '../database/pool';
import { assertEmployerReferences } from '../employers';
import { ApiException } from '../http/api-exception';
import { refusalException } from './import-file-reader';
import {
  type BatchRow,
  batchRows,
  claimBatch,
  batchFileName,
  finishBatch,
  forgetBatchRows,
  insertBatch,
  readableBatch,
  setBatchProgress,
  setBatchReport,
  storeNewBatch,
} from './imports.table';
import { emptyReport, writePeriods, writeSurveys } from './national-commit';
import { createNationalEmployers } from './national-employers';
import { readNationalFile } from './national-file';
import { type NationalRecord, NationalFileRefused, type PeriodRecord, type SurveyRecord } from './national-record';
import { rangeOf, summariseNationalRecords } from './national-summary';
import { pseudonymisationKey, Pseudonymiser } from './pseudonymisation';

const NATIONAL_KINDS: readonly NationalImportSource[] = ['koski', 'ehoks', 'arvo_workplace', 'arvo_instructor'];

/** What the preview keeps for the commit besides the records: how many were left out. */
interface PreviewReport {
  failed: number;
}

/**
 * KOSKI, eHOKS and Arvo exports: upload → preview (what the file adds, which Y-tunnus no employer
 * has, what has no Y-tunnus, the records' problems) → optionally create the unknown employers →
 * commit (all or nothing, with progress), through the employer import's batches.
 */
@Injectable()
export class NationalImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly register: BusinessRegisterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly longJobs: LongJobSlots,
  ) {}

  async preview(
    caller: AuthUser,
    file: { buffer: Buffer; originalname: string } | undefined,
    fields: NationalUploadFields,
  ): Promise<NationalImportPreviewDto> {
    if (!file) throw ApiException.field('file', 'required', 'Choose an export file');
    await assertEmployerReferences(this.dataSource.manager, fields);
    const key = await pseudonymisationKey(this.dataSource, this.config.pseudonymisationKey);
    let parsed;
    try {
      parsed = readNationalFile(fields.source, file.buffer, new Pseudonymiser(key));
    } catch (error) {
      if (error instanceof NationalFileRefused) throw refusalException(error);
      throw error;
    }
    const failed = new Set(parsed.problems.map((problem) => problem.item)).size;
    const fileName = batchFileName(file);
    const id = await storeNewBatch(this.dataSource, this.longJobs, async (manager) => {
      const batchId = await insertBatch(manager, {
        kind: fields.source,
        createdBy: caller.id,
        fileName,
        ownerCampusGroupId: fields.ownerCampusGroupId,
        accountManagerId: fields.accountManagerId ?? null,
        rows: parsed.records,
      });
      await setBatchReport(manager, batchId, { failed } satisfies PreviewReport);
      return batchId;
    });
    return {
      id,
      fileName,
      source: fields.source,
      ...(await summariseNationalRecords(this.dataSource, caller, parsed.records)),
      problems: parsed.problems.slice(0, NATIONAL_PREVIEW_PROBLEMS),
      problemCount: failed,
    };
  }

  async status(caller: AuthUser, id: number): Promise<NationalImportStatusDto> {
    const batch = await this.readableBatch(caller, id);
    const finished = batch.status === 'done' || batch.status === 'failed';
    return {
      id: batch.id,
      source: batch.kind as NationalImportSource,
      status: batch.status,
      progress: batch.progress,
      total: batch.total,
      report: finished ? (batch.report as NationalImportReport) : null,
    };
  }

  /** Creates the employers of the file's Y-tunnus that no employer has (see createNationalEmployers). */
  async createEmployers(
    caller: AuthUser,
    id: number,
    request: CreateNationalEmployersRequest,
  ): Promise<CreatedNationalEmployersDto> {
    const batch = await this.readableBatch(caller, id);
    if (batch.status !== 'preview') throw notInPreview(batch.status);
    const records = await batchRows<NationalRecord>(this.dataSource, id);
    const services = { dataSource: this.dataSource, audit: this.audit, register: this.register };
    return createNationalEmployers(services, caller, batch, records, request);
  }

  /**
   * Writes the file's records in one transaction: periods or surveys chunk by chunk (a record as it
   * already is stays untouched), then removes this source's records of the file's range that the
   * file no longer has. One audit event sums it up, only when something changed.
   */
  async commit(caller: AuthUser, id: number): Promise<NationalImportStatusDto> {
    const batch = await this.readableBatch(caller, id);
    const records = await batchRows<NationalRecord>(this.dataSource, id);
    // The slot before the claim: a 503 for a busy server leaves the import in preview, to commit again.
    return this.longJobs.run(() => this.claimAndWrite(caller, batch, records));
  }

  private async claimAndWrite(
    caller: AuthUser,
    batch: BatchRow<NationalImportReport | PreviewReport>,
    records: NationalRecord[],
  ): Promise<NationalImportStatusDto> {
    const id = batch.id;
    const source = batch.kind as NationalImportSource;
    if (!(await claimBatch(this.dataSource, id, records.length))) throw notInPreview(batch.status);
    const report = emptyReport(source, batch.report?.failed ?? 0);
    try {
      await this.dataSource.transaction((manager) =>
        withLongStatements(manager, async () => {
          const progress = (written: number) => setBatchProgress(this.dataSource, id, written);
          if (nationalSourceGives(source) === 'periods') {
            await writePeriods(
              manager,
              this.audit,
              caller,
              source as 'koski' | 'ehoks',
              records as PeriodRecord[],
              report,
              progress,
            );
          } else {
            await writeSurveys(manager, source, records as SurveyRecord[], report, progress);
          }
          report.unchanged = records.length - report.inserted - report.updated;
          const changed = report.inserted + report.updated + report.removed + report.sourceRemoved;
          if (changed > 0 || report.instructorsCreated > 0) {
            await this.audit.record(manager, {
              actorId: caller.id,
              action: 'import',
              entityType: 'import_batch',
              entityId: id,
              changes: Object.fromEntries(
                Object.entries({ ...report, range: rangeOf(records) }).map(([field, value]) => [field, [null, value]]),
              ),
            });
          }
        }),
      );
    } catch (error) {
      const failedReport = { ...emptyReport(source, report.failed), error: 'The import failed; nothing was imported' };
      await finishBatch(this.dataSource, id, 'failed', 0, failedReport);
      throw error;
    }
    await finishBatch(this.dataSource, id, 'done', records.length, report);
    await forgetBatchRows(this.dataSource, id);
    return { id, source, status: 'done', progress: records.length, total: records.length, report };
  }

  /** The caller's own national batches (admins see every one); anything else is a 404. */
  private readableBatch(caller: AuthUser, id: number): Promise<BatchRow<NationalImportReport | PreviewReport>> {
    return readableBatch<NationalImportReport | PreviewReport>(this.dataSource, caller, id, NATIONAL_KINDS);
  }
}

function notInPreview(status: string): ApiException {
  return new ApiException(
    409,
    'IMPORT_NOT_IN_PREVIEW',
    `This import is already ${status === 'committing' ? 'running' : status}`,
  );
}
