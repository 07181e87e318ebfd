import { Module } from '@nestjs/common';
import { EmployerFollowUpAssigneesController, FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

@Module({
  controllers: [FollowUpsController, EmployerFollowUpAssigneesController],
  providers: [FollowUpsService],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
