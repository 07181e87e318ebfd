import { Module } from '@nestjs/common';
import { LongJobSlotsModule } from '../database/long-job-slots';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

// ExportsService streams other features' lists too (workplace-learning's call lists).
@Module({
  imports: [LongJobSlotsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
