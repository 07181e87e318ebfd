import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createFollowUpSchema,
  type FollowUpActionRequest,
  followUpActionSchema,
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
import { ApiBodyFrom, IdPipe, ZodPipe } from '../http/validation';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('follow-ups')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @CanRead('followUps')
  list(
    @CurrentUser() caller: AuthUser,
    @Query(new ZodPipe(followUpListQuerySchema)) query: FollowUpListQuery,
  ): Promise<Page<FollowUpDto>> {
    return this.followUps.list(caller, query);
  }

  @Get(':id')
  @CanRead('followUps')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<FollowUpDto> {
    return this.followUps.get(caller, id);
  }

  // Campus members get follow-ups only through the contact entry they log.
  @Post()
  @Roles(...rolesThatWriteAll('followUps'))
  @ApiBodyFrom(createFollowUpSchema)
  create(
    @CurrentUser() caller: AuthUser,
    @Body(new ZodPipe(createFollowUpSchema)) body: z.output<typeof createFollowUpSchema>,
  ): Promise<FollowUpDto> {
    return this.followUps.create(caller, body);
  }

  @Patch(':id')
  @CanWrite('followUps')
  @ApiBodyFrom(updateFollowUpSchema)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(updateFollowUpSchema)) body: z.output<typeof updateFollowUpSchema>,
  ): Promise<FollowUpDto> {
    return this.followUps.update(caller, id, body);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @CanWrite('followUps')
  @ApiBodyFrom(followUpActionSchema)
  complete(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(followUpActionSchema)) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.followUps.act(caller, id, 'complete', body.version);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @CanWrite('followUps')
  @ApiBodyFrom(followUpActionSchema)
  reopen(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(followUpActionSchema)) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.followUps.act(caller, id, 'reopen', body.version);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @CanWrite('followUps')
  @ApiBodyFrom(followUpActionSchema)
  cancel(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(followUpActionSchema)) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.followUps.act(caller, id, 'cancel', body.version);
  }
}
