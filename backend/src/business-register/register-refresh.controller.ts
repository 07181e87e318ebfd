import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RegisterRefreshStateDto } from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { RegisterRefreshService } from './register-refresh.service';

/** The admin's "refresh from YTJ": checks every employer with a Y-tunnus, one job at a time. */
@ApiTags('business-register')
@Controller('business-register-refresh')
export class RegisterRefreshController {
  constructor(private readonly refresh: RegisterRefreshService) {}

  @Get()
  @Roles('admin')
  state(): Promise<RegisterRefreshStateDto> {
    return this.refresh.state();
  }

  @Post()
  @HttpCode(202)
  @Roles('admin')
  start(@CurrentUser() caller: AuthUser): Promise<RegisterRefreshStateDto> {
    return this.refresh.start(caller);
  }
}
