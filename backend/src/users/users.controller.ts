import { HttpCode, Post } from '@nestjs/common';
import { createUserSchema, setPasswordSchema, updateUserSchema, userListQuerySchema } from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser, ResourceRoutes, Roles } from '../auth';
import { IdParam, ValidBody } from '../http/validation';
import { ApiController } from '../http/routes';
import { UsersService } from './users.service';

@ApiController('users')
export class UsersController extends ResourceRoutes(UsersService, {
  rights: { read: CanRead('users'), create: Roles('admin'), update: Roles('admin') },
  schemas: { list: userListQuerySchema, create: createUserSchema, update: updateUserSchema },
}) {
  @Post(':id/password')
  @HttpCode(204)
  @Roles('admin')
  async setPassword(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(setPasswordSchema) body: z.output<typeof setPasswordSchema>,
  ): Promise<void> {
    await this.writes.setPassword(caller, id, body);
  }
}
