import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createOpportunitySchema,
  type OpportunityDto,
  opportunityListQuerySchema,
  type OpportunityStageTotalDto,
  opportunityStageTotalsQuerySchema,
  type Page,
  type StageChangeDto,
  updateOpportunitySchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser } from '../auth';
import { IdParam, ValidBody, ValidQuery } from '../http/validation';
import { OpportunitiesService } from './opportunities.service';

@ApiTags('opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(private readonly opportunities: OpportunitiesService) {}

  @Get()
  @CanRead('opportunities')
  list(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(opportunityListQuerySchema) query: z.output<typeof opportunityListQuerySchema>,
  ): Promise<Page<OpportunityDto>> {
    return this.opportunities.list(caller, query);
  }

  // Declared before ':id' so the path is not read as an id.
  @Get('stage-totals')
  @CanRead('opportunities')
  stageTotals(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(opportunityStageTotalsQuerySchema) query: z.output<typeof opportunityStageTotalsQuerySchema>,
  ): Promise<OpportunityStageTotalDto[]> {
    return this.opportunities.stageTotals(caller, query);
  }

  @Get(':id')
  @CanRead('opportunities')
  get(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<OpportunityDto> {
    return this.opportunities.get(caller, id);
  }

  @Get(':id/stage-changes')
  @CanRead('opportunities')
  stageChanges(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<StageChangeDto[]> {
    return this.opportunities.stageChanges(caller, id);
  }

  @Post()
  @CanWrite('opportunities')
  create(
    @CurrentUser() caller: AuthUser,
    @ValidBody(createOpportunitySchema) body: z.output<typeof createOpportunitySchema>,
  ): Promise<OpportunityDto> {
    return this.opportunities.create(caller, body);
  }

  @Patch(':id')
  @CanWrite('opportunities')
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(updateOpportunitySchema) body: z.output<typeof updateOpportunitySchema>,
  ): Promise<OpportunityDto> {
    return this.opportunities.update(caller, id, body);
  }

  @Delete(':id')
  @CanWrite('opportunities')
  @HttpCode(204)
  remove(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<void> {
    return this.opportunities.remove(caller, id);
  }
}
