import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { helsinkiDate } from '@tyoelama/shared';
import type { Response } from 'express';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { LongJobSlots } from '../database/long-job-slots';
import { allowLongStatements } from '../database/pool';
import type { ExportDefinition } from './export-definitions';
import { CONTENT_TYPES, csvTransform, type ExportFormat, writeXlsx } from './export-writers';

/** Rows fetched per cursor round trip: memory stays flat however long the list is. */
const BATCH_SIZE = 500;

@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly longJobs: LongJobSlots,
  ) {}

  /**
   * Streams the query through a server-side cursor into the response. A read-only transaction
   * keeps the set-up (the search threshold is transaction-local) and a consistent snapshot.
   */
  send<R>(definition: ExportDefinition<R>, format: ExportFormat, response: Response): Promise<void> {
    // The connection stays taken for as long as the client takes to download: a long job's.
    return this.longJobs.run(() => this.stream(definition, format, response));
  }

  private async stream<R>(definition: ExportDefinition<R>, format: ExportFormat, response: Response): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let finished = false;
    let limits: { restore(): void } | undefined;
    try {
      await client.query('BEGIN READ ONLY');
      // A long list to a slow client legitimately outlasts the per-request statement limit.
      limits = await allowLongStatements(client);
      for (const statement of definition.setup) await client.query(statement.sql, statement.params);
      const rows = client.query(new QueryStream(definition.sql, definition.params, { batchSize: BATCH_SIZE }));
      const fileName = `${definition.fileBase}-${helsinkiDate()}.${format}`;
      response.setHeader('Content-Type', CONTENT_TYPES[format]);
      response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      response.setHeader('Cache-Control', 'no-store');
      if (format === 'csv') {
        await pipeline(rows, csvTransform(definition.columns), response);
      } else {
        await writeXlsx(rows as AsyncIterable<R> & Readable, definition.columns, definition.sheetName, response);
      }
      await client.query('COMMIT');
      finished = true;
    } catch (error) {
      // A client that goes away mid-download is normal; anything else is logged by the filter.
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
      this.logger.debug(`Export ${definition.fileBase} aborted by the client`);
    } finally {
      if (!finished) await client.query('ROLLBACK').catch(() => undefined);
      limits?.restore();
      await runner.release();
    }
  }
}
