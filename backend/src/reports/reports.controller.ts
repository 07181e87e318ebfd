import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ActivityDto,
  activityQuerySchema,
  type CampusStatusDto,
  campusStatusQuerySchema,
  type PipelineSummaryDto,
  pipelineSummaryQuerySchema,
  type WorkplaceLearningDashboardDto,
  workplaceLearningDashboardQuerySchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser } from '../auth';
import { JSON_CONTENT_TYPE, type JsonText } from '../http/json-text';
import { IdParam, ValidQuery } from '../http/validation';
import { ActivityService } from './activity.service';
import { CampusStatusService } from './campus-status.service';
import { WorkplaceLearningService } from '../workplace-learning';
import { PipelineService } from './pipeline.service';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly activityReport: ActivityService,
    private readonly campusStatus: CampusStatusService,
    private readonly workplaceLearning: WorkplaceLearningService,
  ) {}

  @Get('pipeline/summary')
  @CanRead('reports')
  @Header('Content-Type', JSON_CONTENT_TYPE)
  pipelineSummary(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(pipelineSummaryQuerySchema) query: z.output<typeof pipelineSummaryQuerySchema>,
  ): Promise<JsonText<PipelineSummaryDto>> {
    return this.pipeline.summary(caller, query);
  }

  @Get('dashboard/activity')
  @CanRead('reports')
  @Header('Content-Type', JSON_CONTENT_TYPE)
  activity(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(activityQuerySchema) query: z.output<typeof activityQuerySchema>,
  ): Promise<JsonText<ActivityDto>> {
    return this.activityReport.activity(caller, query);
  }

  /** Students hosted per campus group, kind and term; workplace-survey response rate per group. */
  @Get('dashboard/workplace-learning')
  @CanRead('reports')
  workplaceLearningFigures(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(workplaceLearningDashboardQuerySchema) query: z.output<typeof workplaceLearningDashboardQuerySchema>,
  ): Promise<WorkplaceLearningDashboardDto> {
    return this.workplaceLearning.dashboard(caller, query);
  }

  // Lives here rather than in campus-groups/: it is a report over employers, scoped like the others.
  @Get('campus-groups/:id/status')
  @CanRead('reports')
  status(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidQuery(campusStatusQuerySchema) query: z.output<typeof campusStatusQuerySchema>,
  ): Promise<CampusStatusDto> {
    return this.campusStatus.status(caller, id, query);
  }
}
