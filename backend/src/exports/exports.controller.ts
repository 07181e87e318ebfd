import { Controller, Get, Param, type PipeTransform, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type ContactEntryListQuery,
  contactEntryListQuerySchema,
  type EmployerListQuery,
  employerListQuerySchema,
  type FollowUpListQuery,
  followUpListQuerySchema,
  type OpportunityListQuery,
  opportunityListQuerySchema,
} from '@tyoelama/shared';
import type { Response } from 'express';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser } from '../auth';
import { ApiException } from '../http/api-exception';
import { ValidQuery } from '../http/validation';
import { contactEntriesExport, employersExport, followUpsExport, opportunitiesExport } from './export-definitions';
import type { ExportFormat } from './export-writers';
import { ExportsService } from './exports.service';

/** `csv` or `xlsx`; any other extension is an unknown route. */
export class FormatPipe implements PipeTransform<string, ExportFormat> {
  transform(value: string): ExportFormat {
    if (value !== 'csv' && value !== 'xlsx') throw ApiException.notFound();
    return value;
  }
}

/**
 * Downloads of exactly what a list shows: the same query parameters, filters, scope and order as
 * the list endpoint, every page of it.
 */
@ApiTags('exports')
@ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('employers.:format')
  @CanRead('employers')
  employers(
    @CurrentUser() caller: AuthUser,
    @Param('format', FormatPipe) format: ExportFormat,
    @ValidQuery(employerListQuerySchema) query: EmployerListQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.send(employersExport(caller, query), format, response);
  }

  @Get('contact-entries.:format')
  @CanRead('contactEntries')
  contactEntries(
    @CurrentUser() caller: AuthUser,
    @Param('format', FormatPipe) format: ExportFormat,
    @ValidQuery(contactEntryListQuerySchema) query: ContactEntryListQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.send(contactEntriesExport(caller, query), format, response);
  }

  @Get('follow-ups.:format')
  @CanRead('followUps')
  followUps(
    @CurrentUser() caller: AuthUser,
    @Param('format', FormatPipe) format: ExportFormat,
    @ValidQuery(followUpListQuerySchema) query: FollowUpListQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.send(followUpsExport(caller, query), format, response);
  }

  @Get('opportunities.:format')
  @CanRead('opportunities')
  opportunities(
    @CurrentUser() caller: AuthUser,
    @Param('format', FormatPipe) format: ExportFormat,
    @ValidQuery(opportunityListQuerySchema) query: OpportunityListQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.send(opportunitiesExport(caller, query), format, response);
  }
}
