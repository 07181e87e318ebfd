import { Get } from '@nestjs/common';
import {
  createOpportunitySchema,
  opportunityListQuerySchema,
  type OpportunityStageTotalDto,
  opportunityStageTotalsQuerySchema,
  type StageChangeDto,
  updateOpportunitySchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser, ResourceRoutes } from '../auth';
import { ApiController, RecordDeletion } from '../http/routes';
import { IdParam, ValidQuery } from '../http/validation';
import { OpportunitiesService } from './opportunities.service';

@ApiController('opportunities')
export class OpportunitiesController extends ResourceRoutes(OpportunitiesService, {
  rights: { read: CanRead('opportunities'), create: CanWrite('opportunities'), update: CanWrite('opportunities') },
  schemas: { list: opportunityListQuerySchema, create: createOpportunitySchema, update: updateOpportunitySchema },
}) {
  // Registered before the inherited ':id' so the path is not read as an id.
  @Get('stage-totals')
  @CanRead('opportunities')
  stageTotals(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(opportunityStageTotalsQuerySchema) query: z.output<typeof opportunityStageTotalsQuerySchema>,
  ): Promise<OpportunityStageTotalDto[]> {
    return this.reads.stageTotals(caller, query);
  }

  @Get(':id/stage-changes')
  @CanRead('opportunities')
  stageChanges(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<StageChangeDto[]> {
    return this.reads.stageChanges(caller, id);
  }

  @RecordDeletion(CanWrite('opportunities'))
  remove(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<void> {
    return this.writes.remove(caller, id);
  }
}
