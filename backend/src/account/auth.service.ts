import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, LoginRequest, Me, TooManyAttemptsDetail } from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import { UsersService } from '../users';
import type { AuthUser } from '../auth';
import { LoginThrottle } from './login-throttle';
import { hashPassword, spendVerifyTime, verifyPassword } from '../passwords';
import { assertPasswordAllowed } from '../passwords';
import { SessionsService } from '../auth';

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
  async login(
    credentials: LoginRequest,
    address: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; me: Me }> {
    await this.refuseWhileThrottled(credentials.email, address);
    const user = await this.users.findForLogin(credentials.email);
    const valid = user
      ? await verifyPassword(user.passwordHash, credentials.password)
      : await spendVerifyTime(credentials.password).then(() => false);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(credentials.email, address);
      throw new ApiException(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
    }
    await this.throttle.recordSuccess(credentials.email, address);
    const token = await this.sessions.create(user.id, userAgent);
    await this.users.recordLogin(user.id);
    const auth = await this.sessions.resolve(token);
    if (!auth) throw new Error('A session just created could not be read back');
    return { token, me: toMe(auth) };
  }

  /**
   * The signed-in user's own password change. The current password is a guess like a sign-in's (a
   * borrowed session must not become a password oracle), so a wrong one counts toward the same throttle.
   */
  async changePassword(user: AuthUser, request: ChangePasswordRequest, address: string): Promise<void> {
    await this.refuseWhileThrottled(user.email, address);
    const account = await this.users.findForLogin(user.email);
    if (!account || !(await verifyPassword(account.passwordHash, request.currentPassword))) {
      await this.throttle.recordFailure(user.email, address);
      throw ApiException.field('currentPassword', 'current_password_wrong', 'The current password is wrong');
    }
    assertPasswordAllowed('newPassword', request.newPassword, user);
    await this.users.changeOwnPassword(user, await hashPassword(request.newPassword));
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.revoke(user.sessionTokenHash);
  }

  private async refuseWhileThrottled(email: string, address: string): Promise<void> {
    const retryAfterSeconds = await this.throttle.retryAfterSeconds(email, address);
    if (retryAfterSeconds > 0) {
      const detail: TooManyAttemptsDetail = { retryAfterSeconds };
      throw new ApiException(429, 'TOO_MANY_ATTEMPTS', 'Too many failed attempts; try again later', {
        retryAfterSeconds,
        detail,
      });
    }
  }
}
