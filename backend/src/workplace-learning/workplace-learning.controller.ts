import { Controller, Get, Header, Param, type PipeTransform, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CALL_LISTS,
  type CallList,
  type CallListPageDto,
  type CallListQuery,
  callListQuerySchema,
  type EmployerWorkplaceLearningDto,
} from '@tyoelama/shared';
import type { Response } from 'express';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser } from '../auth';
import { type ExportFormat, ExportsService, FormatPipe } from '../exports';
import { ApiException } from '../http/api-exception';
import { IdParam, ValidQuery } from '../http/validation';
import { WorkplaceLearningService } from './workplace-learning.service';

/** One of the call lists; any other name is an unknown route. */
class CallListPipe implements PipeTransform<string, CallList> {
  transform(value: string): CallList {
    if (!(CALL_LISTS as readonly string[]).includes(value)) throw ApiException.notFound();
    return value as CallList;
  }
}

@ApiTags('workplace-learning')
@Controller()
export class WorkplaceLearningController {
  constructor(
    private readonly workplaceLearning: WorkplaceLearningService,
    private readonly exports: ExportsService,
  ) {}

  @Get('employers/:id/workplace-learning')
  @CanRead('employers')
  forEmployer(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<EmployerWorkplaceLearningDto> {
    return this.workplaceLearning.forEmployer(caller, id);
  }

  @Get('call-lists/:list')
  @CanRead('employers')
  callList(
    @CurrentUser() caller: AuthUser,
    @Param('list', CallListPipe) list: CallList,
    @ValidQuery(callListQuerySchema) query: CallListQuery,
  ): Promise<CallListPageDto> {
    return this.workplaceLearning.callList(caller, list, query);
  }

  /** The whole list (not only the page), same scope, filter and order. */
  @Get('call-lists/:list/export.:format')
  @CanRead('employers')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Cache-Control', 'no-store')
  exportCallList(
    @CurrentUser() caller: AuthUser,
    @Param('list', CallListPipe) list: CallList,
    @Param('format', FormatPipe) format: ExportFormat,
    @ValidQuery(callListQuerySchema) query: CallListQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.send(this.workplaceLearning.callListExport(caller, list, query), format, response);
  }
}
