import { Module } from '@nestjs/common';
import { ActivityService } from './activity.service';
import { CampusStatusService } from './campus-status.service';
import { PipelineService } from './pipeline.service';
import { ReportsController } from './reports.controller';
import { WorkplaceLearningModule } from '../workplace-learning';

@Module({
  imports: [WorkplaceLearningModule],
  controllers: [ReportsController],
  providers: [PipelineService, ActivityService, CampusStatusService],
})
export class ReportsModule {}
