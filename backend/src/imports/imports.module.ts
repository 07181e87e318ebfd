import { Module } from '@nestjs/common';
import { BusinessRegisterModule } from '../business-register';
import { LongJobSlotsModule } from '../database/long-job-slots';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { NationalImportsController } from './national-imports.controller';
import { NationalImportsService } from './national-imports.service';

@Module({
  imports: [BusinessRegisterModule, LongJobSlotsModule],
  // The national controller first: its `national` path segment must not be read as an import id.
  controllers: [NationalImportsController, ImportsController],
  providers: [ImportsService, NationalImportsService],
})
export class ImportsModule {}
