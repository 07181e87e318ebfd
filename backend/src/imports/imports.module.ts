import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [EmployersModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
