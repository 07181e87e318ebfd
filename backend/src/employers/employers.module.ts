import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';

// Other features use the employer scoping and list SQL through index.ts: plain functions, no provider.
@Module({
  controllers: [EmployersController],
  providers: [EmployersService],
})
export class EmployersModule {}
