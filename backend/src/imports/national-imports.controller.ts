import { Body, Controller, Get, Post, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  type CreatedNationalEmployersDto,
  createNationalEmployersSchema,
  type CreateNationalEmployersRequest,
  NATIONAL_IMPORT_LIMITS,
  type NationalImportPreviewDto,
  type NationalImportStatusDto,
  type NationalUploadFields,
  nationalUploadFieldsSchema,
} from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { CanWrite, CurrentUser } from '../auth';
import { RecordAction } from '../http/routes';
import { IdParam, ValidBody, ZodPipe } from '../http/validation';
import { refusalException } from './import-file-reader';
import { NationalImportsService } from './national-imports.service';
import { UploadTooLargeFilter } from './upload-too-large.filter';

const MB = 1024 * 1024;

/** Past the largest export any source may be: 413 before anything is read. */
const exportTooLarge = () => ({
  status: 413 as const,
  code: 'file_too_large' as const,
  message: `The file is larger than ${NATIONAL_IMPORT_LIMITS.jsonBytes / MB} MB`,
  limit: NATIONAL_IMPORT_LIMITS.jsonBytes,
});

interface UploadedExport {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * National VET exports (KOSKI, eHOKS, Arvo). Whoever may import employers may import these: the
 * periods are the provider's own data about employers, matched to any employer by Y-tunnus.
 */
@ApiTags('imports')
@Controller('imports/national')
@CanWrite('employers')
export class NationalImportsController {
  constructor(private readonly imports: NationalImportsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @UseFilters(new UploadTooLargeFilter(exportTooLarge, 'NationalImports'))
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: NATIONAL_IMPORT_LIMITS.jsonBytes, files: 1, fields: 10 } }),
  )
  preview(
    @CurrentUser() caller: AuthUser,
    @UploadedFile() file: UploadedExport | undefined,
    @Body(new ZodPipe(nationalUploadFieldsSchema)) fields: NationalUploadFields,
  ): Promise<NationalImportPreviewDto> {
    // An Arvo CSV has a smaller limit than the JSON exports; multer enforced only the larger one.
    if (file && fields.source.startsWith('arvo') && file.size > NATIONAL_IMPORT_LIMITS.csvBytes) {
      throw refusalException({
        status: 413,
        code: 'file_too_large',
        message: `The file is larger than ${NATIONAL_IMPORT_LIMITS.csvBytes / MB} MB`,
        limit: NATIONAL_IMPORT_LIMITS.csvBytes,
      });
    }
    return this.imports.preview(caller, file, fields);
  }

  @Get(':id')
  status(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<NationalImportStatusDto> {
    return this.imports.status(caller, id);
  }

  @RecordAction('employers')
  createEmployers(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(createNationalEmployersSchema) body: CreateNationalEmployersRequest,
  ): Promise<CreatedNationalEmployersDto> {
    return this.imports.createEmployers(caller, id, body);
  }

  @RecordAction('commit')
  commit(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<NationalImportStatusDto> {
    return this.imports.commit(caller, id);
  }
}
