import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createUserSchema,
  type Page,
  setPasswordSchema,
  updateUserSchema,
  type UserDto,
  userListQuerySchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser, Roles } from '../auth';
import { IdParam, ValidBody, ValidQuery } from '../http/validation';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @CanRead('users')
  list(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(userListQuerySchema) query: z.output<typeof userListQuerySchema>,
  ): Promise<Page<UserDto>> {
    return this.users.list(caller, query);
  }

  @Get(':id')
  @CanRead('users')
  get(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<UserDto> {
    return this.users.get(caller, id);
  }

  @Post()
  @Roles('admin')
  create(
    @CurrentUser() caller: AuthUser,
    @ValidBody(createUserSchema) body: z.output<typeof createUserSchema>,
  ): Promise<UserDto> {
    return this.users.create(caller.id, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(updateUserSchema) body: z.output<typeof updateUserSchema>,
  ): Promise<UserDto> {
    return this.users.update(caller, id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @Roles('admin')
  async setPassword(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(setPasswordSchema) body: z.output<typeof setPasswordSchema>,
  ): Promise<void> {
    await this.users.setPassword(caller, id, body);
  }
}
