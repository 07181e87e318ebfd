import { Module } from '@nestjs/common';
import { SessionsModule } from '../auth';
import { UsersModule } from '../users';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';

/** The caller's own account: signing in and out, their password and language (routes under /api/auth). */
@Module({
  imports: [SessionsModule, UsersModule],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle],
})
export class AccountModule {}
