import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller';
import { EmployersReadService } from './employers-read.service';
import { EmployersWriteService } from './employers-write.service';

// Other features use the employer scoping and list SQL through index.ts: plain functions, no provider.
@Module({
  controllers: [EmployersController],
  providers: [EmployersReadService, EmployersWriteService],
})
export class EmployersModule {}
