import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import type { AuthenticatedRequest } from './auth-user';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = 'crm_session';

/**
 * The one guard, deny by default: a route needs a session unless marked @Public, and must name the
 * roles that may call it; a route that names none is refused for everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const auth = typeof token === 'string' && token.length > 0 ? await this.sessions.resolve(token) : null;
    if (!auth) throw ApiException.unauthenticated();
    request.auth = auth;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`${request.method} ${request.path} declares no roles; refused`);
      throw ApiException.forbidden();
    }
    if (!roles.includes(auth.role)) throw ApiException.forbidden();
    return true;
  }
}
