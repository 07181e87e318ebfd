import { Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  type ChangePasswordRequest,
  changePasswordSchema,
  type LoginRequest,
  loginSchema,
  type Me,
  updateMeSchema,
  type UpdateMeRequest,
} from '@tyoelama/shared';
import type { Request, Response } from 'express';
import { ApiController } from '../http/routes';
import { ValidBody } from '../http/validation';
import { UsersService } from '../users';
import { SESSION_COOKIE } from '../auth';
import { AuthService, toMe } from './auth.service';
import type { AuthUser } from '../auth';
import { setXsrfCookie } from '../auth';
import { AnyRole, CurrentUser, Public } from '../auth';
import { SessionsService } from '../auth';

@ApiController('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  async login(
    @ValidBody(loginSchema) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { token, me } = await this.auth.login(body, request.ip ?? 'unknown', request.header('user-agent'));
    // A session cookie that arrived with the request is ended: sign-in always starts a new one.
    const previous: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof previous === 'string' && previous) {
      const stale = await this.sessions.resolve(previous);
      if (stale) await this.sessions.revoke(stale.sessionTokenHash);
    }
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.secure,
      path: '/',
    });
    setXsrfCookie(request, response);
    return me;
  }

  @Post('logout')
  @HttpCode(204)
  @AnyRole()
  async logout(
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user);
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/' });
  }

  @Post('password')
  @HttpCode(204)
  @AnyRole()
  async changePassword(
    @CurrentUser() user: AuthUser,
    @ValidBody(changePasswordSchema) body: ChangePasswordRequest,
    @Req() request: Request,
  ): Promise<void> {
    await this.auth.changePassword(user, body, request.ip ?? 'unknown');
  }

  @Get('me')
  @AnyRole()
  me(@CurrentUser() user: AuthUser): Me {
    return toMe(user);
  }

  @Patch('me')
  @AnyRole()
  async updateMe(@CurrentUser() user: AuthUser, @ValidBody(updateMeSchema) body: UpdateMeRequest): Promise<Me> {
    await this.users.setLocale(user.id, body.locale);
    return { ...toMe(user), locale: body.locale };
  }
}
