import { Module } from '@nestjs/common';
import { EmployerJourneyController } from './employer-journey.controller';
import { EmployerJourneyService } from './employer-journey.service';

@Module({
  controllers: [EmployerJourneyController],
  providers: [EmployerJourneyService],
})
export class EmployerJourneyModule {}
