export type { AuthUser } from './auth-user';
export { SESSION_COOKIE } from './auth.guard';
export { AuthModule } from './auth.module';
export { assertUnreachable, inScope, readScope } from './campus-scope';
export type { CampusScope } from './campus-scope';
export { csrfMiddleware, setXsrfCookie, xsrfCookieMiddleware } from './csrf';
export { AnyRole, CanRead, CanWrite, CurrentUser, Public, Roles } from './decorators';
export { SessionsModule } from './sessions.module';
export { SessionsService } from './sessions.service';
