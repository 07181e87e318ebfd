import { Body, Get, Post, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes } from '@nestjs/swagger';
import {
  commitImportSchema,
  IMPORT_LIMITS,
  type ImportPreviewDto,
  type ImportRowsPageDto,
  importRowsQuerySchema,
  type ImportRowsQuery,
  type ImportStatusDto,
  type ImportUploadFields,
  importUploadFieldsSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanWrite, CurrentUser } from '../auth';
import { ApiController, RecordAction } from '../http/routes';
import { IdParam, ValidBody, ValidQuery, ZodPipe } from '../http/validation';
import { refusals } from './import-file-limits';
import { ImportsService } from './imports.service';
import { UploadTooLargeFilter } from './upload-too-large.filter';

interface UploadedImportFile {
  buffer: Buffer;
  originalname: string;
}

@ApiController('imports')
@CanWrite('employers')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @UseFilters(new UploadTooLargeFilter(refusals.fileTooLarge, 'Imports'))
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 10 } }))
  preview(
    @CurrentUser() caller: AuthUser,
    @UploadedFile() file: UploadedImportFile | undefined,
    // Multipart form fields: validated like any body, but not documented as a JSON one.
    @Body(new ZodPipe(importUploadFieldsSchema)) fields: ImportUploadFields,
  ): Promise<ImportPreviewDto> {
    return this.imports.preview(caller, file, fields);
  }

  @Get(':id')
  status(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<ImportStatusDto> {
    return this.imports.status(caller, id);
  }

  @Get(':id/rows')
  rows(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidQuery(importRowsQuerySchema) query: ImportRowsQuery,
  ): Promise<ImportRowsPageDto> {
    return this.imports.rows(caller, id, query);
  }

  @RecordAction('commit')
  commit(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(commitImportSchema) body: z.output<typeof commitImportSchema>,
  ): Promise<ImportStatusDto> {
    return this.imports.commit(caller, id, body);
  }
}
