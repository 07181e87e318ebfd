import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Page, type TimelineItem, type TimelineQuery, timelineQuerySchema } from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser } from '../auth';
import { IdParam, ValidQuery } from '../http/validation';
import { TimelineService } from './timeline.service';

@ApiTags('employers')
@Controller('employers/:id/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @CanRead('employers')
  list(
    @CurrentUser() caller: AuthUser,
    @IdParam() employerId: number,
    @ValidQuery(timelineQuerySchema) query: TimelineQuery,
  ): Promise<Page<TimelineItem>> {
    return this.timeline.list(caller, employerId, query);
  }
}
