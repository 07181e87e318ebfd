import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { SessionsModule } from './sessions.module';

/** Who is calling: the session guard every route passes. Signing in is the account feature's. */
@Module({
  imports: [SessionsModule],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
