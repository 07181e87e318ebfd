import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountModule } from './account/account.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DataChangesModule } from './cache/data-changes';
import { CampusGroupsModule } from './campus-groups/campus-groups.module';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { UsersModule } from './users/users.module';
import { Global } from '@nestjs/common';
import { EmployersModule } from './employers/employers.module';
import { ContactsModule } from './contacts/contacts.module';
import { ContactEntriesModule } from './contact-entries/contact-entries.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { TimelineModule } from './timeline/timeline.module';
import { ReportsModule } from './reports/reports.module';
import { SearchModule } from './search/search.module';
import { CalendarModule } from './calendar/calendar.module';
import { ImportsModule } from './imports/imports.module';
import { ExportsModule } from './exports/exports.module';
import { BusinessRegisterModule } from './business-register/business-register.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, { poolSize: config.databasePoolSize, timeouts: config.databaseTimeouts }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        DataChangesModule,
        AuditModule,
        AuthModule,
        AccountModule,
        UsersModule,
        CampusGroupsModule,
        EmployersModule,
        ContactsModule,
        ContactEntriesModule,
        FollowUpsModule,
        OpportunitiesModule,
        TimelineModule,
        ReportsModule,
        SearchModule,
        CalendarModule,
        ImportsModule,
        ExportsModule,
        BusinessRegisterModule,
      ],
      controllers: [HealthController],
    };
  }
}
