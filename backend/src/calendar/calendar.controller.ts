import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CalendarFeedDto } from '@tyoelama/shared';
import type { Request } from 'express';
import type { AuthUser } from '../auth';
import { AnyRole, CurrentUser, Public } from '../auth';
import { ApiException } from '../http/api-exception';
import { CalendarService } from './calendar.service';

/** 32 random bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calendar-feed')
  @AnyRole()
  get(@CurrentUser() caller: AuthUser): Promise<CalendarFeedDto> {
    return this.calendar.get(caller);
  }

  @Post('calendar-feed')
  @HttpCode(200)
  @AnyRole()
  rotate(@CurrentUser() caller: AuthUser, @Req() request: Request): Promise<CalendarFeedDto> {
    // Calendar apps need an absolute URL; behind a proxy TRUST_PROXY makes protocol and host right.
    return this.calendar.rotate(caller, `${request.protocol}://${request.get('host') ?? 'localhost'}`);
  }

  @Delete('calendar-feed')
  @HttpCode(204)
  @AnyRole()
  revoke(@CurrentUser() caller: AuthUser): Promise<void> {
    return this.calendar.revoke(caller);
  }

  // Calendar apps cannot sign in: the secret token in the path is the credential.
  @Get('calendar/:token.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  feed(@Param('token') token: string): Promise<string> {
    if (!TOKEN_PATTERN.test(token)) throw ApiException.notFound('Calendar feed');
    return this.calendar.feed(token);
  }
}
