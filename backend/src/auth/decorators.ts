import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Resource, type Role, rolesThatRead, rolesThatWrite } from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import type { AuthenticatedRequest, AuthUser } from './auth-user';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** Open without a session (health, login). Everything else is closed by default. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Any signed-in user (their own profile, sign out). */
export const AnyRole = () => SetMetadata(ROLES_KEY, ['admin', 'account_manager', 'campus_member', 'leadership']);

/** The roles that may call a route; the route's rows are scoped further in the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Roles from PRODUCT.md's rights table: who may read, or write at all, a resource. */
export const CanRead = (resource: Resource) => Roles(...rolesThatRead(resource));
export const CanWrite = (resource: Resource) => Roles(...rolesThatWrite(resource));

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw ApiException.unauthenticated();
  return auth;
});
