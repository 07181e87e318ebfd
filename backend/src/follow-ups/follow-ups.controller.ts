import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createFollowUpSchema,
  type FollowUpActionRequest,
  followUpActionSchema,
  type FollowUpAssigneeDto,
  type FollowUpDto,
  followUpListQuerySchema,
  rolesThatWriteAll,
  updateFollowUpSchema,
} from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser, ResourceRoutes, Roles } from '../auth';
import { ApiController, RecordAction } from '../http/routes';
import { IdParam, ValidBody } from '../http/validation';
import { FollowUpsService } from './follow-ups.service';

@ApiController('follow-ups')
export class FollowUpsController extends ResourceRoutes(FollowUpsService, {
  rights: {
    read: CanRead('followUps'),
    // Campus members get follow-ups only through the contact entry they log.
    create: Roles(...rolesThatWriteAll('followUps')),
    update: CanWrite('followUps'),
  },
  schemas: { list: followUpListQuerySchema, create: createFollowUpSchema, update: updateFollowUpSchema },
}) {
  @RecordAction('complete', CanWrite('followUps'))
  complete(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(followUpActionSchema) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.writes.act(caller, id, 'complete', body.version);
  }

  @RecordAction('reopen', CanWrite('followUps'))
  reopen(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(followUpActionSchema) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.writes.act(caller, id, 'reopen', body.version);
  }

  @RecordAction('cancel', CanWrite('followUps'))
  cancel(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(followUpActionSchema) body: FollowUpActionRequest,
  ): Promise<FollowUpDto> {
    return this.writes.act(caller, id, 'cancel', body.version);
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
