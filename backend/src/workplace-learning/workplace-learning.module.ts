import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports';
import { WorkplaceLearningController } from './workplace-learning.controller';
import { WorkplaceLearningService } from './workplace-learning.service';

// The service is exported for the leadership dashboard (reports), which reads the same figures.
@Module({
  imports: [ExportsModule],
  controllers: [WorkplaceLearningController],
  providers: [WorkplaceLearningService],
  exports: [WorkplaceLearningService],
})
export class WorkplaceLearningModule {}
