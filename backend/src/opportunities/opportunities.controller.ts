import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createOpportunitySchema,
  type OpportunityDto,
  opportunityListQuerySchema,
  type Page,
  type StageChangeDto,
  updateOpportunitySchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser } from '../auth';
import { ApiBodyFrom, IdPipe, ZodPipe } from '../http/validation';
import { OpportunitiesService } from './opportunities.service';

@ApiTags('opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(private readonly opportunities: OpportunitiesService) {}

  @Get()
  @CanRead('opportunities')
  list(
    @CurrentUser() caller: AuthUser,
    @Query(new ZodPipe(opportunityListQuerySchema)) query: z.output<typeof opportunityListQuerySchema>,
  ): Promise<Page<OpportunityDto>> {
    return this.opportunities.list(caller, query);
  }

  @Get(':id')
  @CanRead('opportunities')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<OpportunityDto> {
    return this.opportunities.get(caller, id);
  }

  @Get(':id/stage-changes')
  @CanRead('opportunities')
  stageChanges(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<StageChangeDto[]> {
    return this.opportunities.stageChanges(caller, id);
  }

  @Post()
  @CanWrite('opportunities')
  @ApiBodyFrom(createOpportunitySchema)
  create(
    @CurrentUser() caller: AuthUser,
    @Body(new ZodPipe(createOpportunitySchema)) body: z.output<typeof createOpportunitySchema>,
  ): Promise<OpportunityDto> {
    return this.opportunities.create(caller, body);
  }

  @Patch(':id')
  @CanWrite('opportunities')
  @ApiBodyFrom(updateOpportunitySchema)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(updateOpportunitySchema)) body: z.output<typeof updateOpportunitySchema>,
  ): Promise<OpportunityDto> {
    return this.opportunities.update(caller, id, body);
  }

  @Delete(':id')
  @CanWrite('opportunities')
  @HttpCode(204)
  remove(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<void> {
    return this.opportunities.remove(caller, id);
  }
}
