import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createFollowUpSchema,
  type FollowUpActionRequest,
  followUpActionSchema,
  type FollowUpAssigneeDto,
  type FollowUpDto,
  followUpListQuerySchema,
  type FollowUpListQuery,
  type Page,
  rolesThatWriteAll,
  updateFollowUpSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser, Roles } from '../auth';
import { IdParam, ValidBody, ValidQuery } from '../http/validation';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('follow-ups')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @CanRead('followUps')
  list(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(followUpListQuerySchema) query: FollowUpListQuery,
  ): Promise<Page<FollowUpDto>> {
    return this.followUps.list(caller, query);
  }

  @Get(':id')
  @CanRead('followUps')
  get(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<FollowUpDto> {
    return this.followUps.get(caller, id);
  }

  // Campus members get follow-ups only through the contact entry they log.
  @Post()
  @Roles(...rolesThatWriteAll('followUps'))
  create(
    @CurrentUser() caller: AuthUser,
    @ValidBody(createFollowUpSchema) body: z.output<typeof createFollowUpSchema>,
  ): Promise<FollowUpDto> {
    return this.followUps.create(caller, body);
  }

  @Patch(':id')
  @CanWrite('followUps')
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(updateFollowUpSchema) body: z.output<typeof updateFollowUpSchema>,
  ): Promise<FollowUpDto> {
    return this.followUps.update(caller, id, body);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @CanWrite('followUps')
  complete(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(followUpActionSchema) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.followUps.act(caller, id, 'complete', body.version);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @CanWrite('followUps')
  reopen(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(followUpActionSchema) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.followUps.act(caller, id, 'reopen', body.version);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @CanWrite('followUps')
  cancel(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(followUpActionSchema) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.followUps.act(caller, id, 'cancel', body.version);
  }
}

@ApiTags('follow-ups')
@Controller('employers/:id/follow-up-assignees')
export class EmployerFollowUpAssigneesController {
  constructor(private readonly followUps: FollowUpsService) {}

  // Campus members hand follow-ups to nobody but themselves, and leadership to no one.
  @Get()
  @Roles(...rolesThatWriteAll('followUps'))
  list(@CurrentUser() caller: AuthUser, @IdParam() employerId: number): Promise<FollowUpAssigneeDto[]> {
    return this.followUps.assignees(caller, employerId);
  }
}
