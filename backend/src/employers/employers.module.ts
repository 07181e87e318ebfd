import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller';
import { EmployersReadService } from './employers-read.service';
import { EmployersWriteService } from './employers-write.service';

// employer-access.ts holds the scoping helpers other features import directly; they need no provider.
@Module({
  controllers: [EmployersController],
  providers: [EmployersReadService, EmployersWriteService],
})
export class EmployersModule {}
