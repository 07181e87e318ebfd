import { Get, HttpCode, Post } from '@nestjs/common';
import { type HomeDto, homeQuerySchema, recordEmployerViewSchema } from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { AnyRole, CanRead, CurrentUser } from '../auth';
import { ApiController } from '../http/routes';
import { ValidBody, ValidQuery } from '../http/validation';
import { HomeService } from './home.service';

@ApiController('home')
export class HomeController {
  constructor(private readonly homeService: HomeService) {}

  /** The signed-in user's day in one request; what it holds depends on the role. */
  @Get()
  @AnyRole()
  home(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(homeQuerySchema) _query: z.output<typeof homeQuerySchema>,
  ): Promise<HomeDto> {
    return this.homeService.home(caller);
  }

  @Post('recent-employers')
  @HttpCode(204)
  @CanRead('employers')
  async recordView(
    @CurrentUser() caller: AuthUser,
    @ValidBody(recordEmployerViewSchema) body: z.output<typeof recordEmployerViewSchema>,
  ): Promise<void> {
    await this.homeService.recordView(caller, body.employerId);
  }
}
