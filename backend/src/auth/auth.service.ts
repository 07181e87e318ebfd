import { Injectable } from '@nestjs/common';
import type { LoginRequest, Me } from '@tyoelama/shared';
import { ApiException } from '../common/api-exception';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { spendVerifyTime, verifyPassword } from './password';
import { SessionsService } from './sessions.service';

export function toMe(user: AuthUser): Me {
  const { id, email, displayName, role, campusGroupIds, locale } = user;
  return { id, email, displayName, role, campusGroupIds, locale };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Returns a new session token, or one answer for every failure so accounts cannot be probed. */
  async login(credentials: LoginRequest, address: string, userAgent: string | undefined): Promise<{ token: string; me: Me }> {
    const retryAfterSeconds = this.throttle.retryAfterSeconds(credentials.email, address);
    if (retryAfterSeconds > 0) {
      throw new ApiException(429, 'TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; try again later', {
        retryAfterSeconds,
      });
    }
    const user = await this.users.findForLogin(credentials.email);
    const valid = user ? await verifyPassword(user.passwordHash, credentials.password) : await spendVerifyTime(credentials.password).then(() => false);
    if (!user || !valid || !user.active) {
      this.throttle.recordFailure(credentials.email, address);
      throw new ApiException(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
    }
    this.throttle.recordSuccess(credentials.email);
    const token = await this.sessions.create(user.id, userAgent);
    await this.users.recordLogin(user.id);
    const auth = await this.sessions.resolve(token);
    if (!auth) throw new Error('A session just created could not be read back');
    return { token, me: toMe(auth) };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.revoke(user.sessionTokenHash);
  }
}
