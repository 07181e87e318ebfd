import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountModule } from './account';
import { AuditModule } from './audit';
import { AuthModule } from './auth';
import { DataChangesModule } from './cache/data-changes';
import { CampusGroupsModule } from './campus-groups';
import { Clock } from './config/clock';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { HealthController } from './health';
import { UsersModule } from './users';
import { Global } from '@nestjs/common';
import { EmployersModule } from './employers';
import { ContactsModule } from './contacts';
import { ContactEntriesModule } from './contact-entries';
import { FollowUpsModule } from './follow-ups';
import { OpportunitiesModule } from './opportunities';
import { TimelineModule } from './timeline';
import { ReportsModule } from './reports';
import { SearchModule } from './search';
import { CalendarModule } from './calendar';
import { ImportsModule } from './imports';
import { ExportsModule } from './exports';
import { BusinessRegisterModule } from './business-register';
import { HomeModule } from './home';
import { EmployerJourneyModule } from './employer-journey';
import { WorkplaceLearningModule } from './workplace-learning';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    // One clock for the whole app, so a test that moves time moves it for every feature.
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock],
      exports: [APP_CONFIG, Clock],
    };
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
        HomeModule,
        EmployerJourneyModule,
        WorkplaceLearningModule,
      ],
      controllers: [HealthController],
    };
  }
}
