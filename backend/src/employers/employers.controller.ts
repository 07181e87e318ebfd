import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  archiveSchema,
  createEmployerSchema,
  type EmployerDto,
  type EmployerListItemDto,
  employerListQuerySchema,
  type Page,
  updateEmployerSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser } from '../auth';
import { IdParam, ValidBody, ValidQuery } from '../http/validation';
import { EmployersReadService } from './employers-read.service';
import { EmployersWriteService } from './employers-write.service';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(
    private readonly reads: EmployersReadService,
    private readonly writes: EmployersWriteService,
  ) {}

  @Get()
  @CanRead('employers')
  list(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(employerListQuerySchema) query: z.output<typeof employerListQuerySchema>,
  ): Promise<Page<EmployerListItemDto>> {
    return this.reads.list(caller, query);
  }

  @Get(':id')
  @CanRead('employers')
  get(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<EmployerDto> {
    return this.reads.get(caller, id);
  }

  @Post()
  @CanWrite('employers')
  create(
    @CurrentUser() caller: AuthUser,
    @ValidBody(createEmployerSchema) body: z.output<typeof createEmployerSchema>,
  ): Promise<EmployerDto> {
    return this.writes.create(caller, body);
  }

  @Patch(':id')
  @CanWrite('employers')
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(updateEmployerSchema) body: z.output<typeof updateEmployerSchema>,
  ): Promise<EmployerDto> {
    return this.writes.update(caller, id, body);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @CanWrite('employers')
  archive(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(archiveSchema) body: z.output<typeof archiveSchema>,
  ): Promise<EmployerDto> {
    return this.writes.setArchived(caller, id, body.version, true);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @CanWrite('employers')
  restore(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(archiveSchema) body: z.output<typeof archiveSchema>,
  ): Promise<EmployerDto> {
    return this.writes.setArchived(caller, id, body.version, false);
  }
}
