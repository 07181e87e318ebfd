import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';
import { EmployerListTotals } from './employer-list-totals';

// employer-access.ts holds the scoping helpers other features import directly; they need no provider.
@Module({
  controllers: [EmployersController],
  providers: [EmployersService, EmployerListTotals],
  exports: [EmployersService, EmployerListTotals],
})
export class EmployersModule {}
