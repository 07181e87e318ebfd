import {
  type ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  HttpCode,
  Logger,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
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
import type { Response } from 'express';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanWrite, CurrentUser } from '../auth';
import { sendError } from '../all-exceptions.filter';
import { ApiBodyFrom, IdPipe, ZodPipe } from '../http/validation';
import { refusals } from './import-file-limits';
import { refusalException } from './import-file-reader';
import { ImportsService } from './imports.service';

/** Multer's size limit answers in the API's envelope, with the code the client translates. */
@Catch(PayloadTooLargeException)
class UploadTooLargeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Imports');

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<Response>(), refusalException(refusals.fileTooLarge()), this.logger);
  }
}

interface UploadedImportFile {
  buffer: Buffer;
  originalname: string;
}

@ApiTags('imports')
@Controller('imports')
@CanWrite('employers')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @UseFilters(new UploadTooLargeFilter())
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 10 } }))
  preview(
    @CurrentUser() caller: AuthUser,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body(new ZodPipe(importUploadFieldsSchema)) fields: ImportUploadFields,
  ): Promise<ImportPreviewDto> {
    return this.imports.preview(caller, file, fields);
  }

  @Get(':id')
  status(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<ImportStatusDto> {
    return this.imports.status(caller, id);
  }

  @Get(':id/rows')
  rows(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Query(new ZodPipe(importRowsQuerySchema)) query: ImportRowsQuery,
  ): Promise<ImportRowsPageDto> {
    return this.imports.rows(caller, id, query);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiBodyFrom(commitImportSchema)
  commit(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(commitImportSchema)) body: z.output<typeof commitImportSchema>,
  ): Promise<ImportStatusDto> {
    return this.imports.commit(caller, id, body);
  }
}
