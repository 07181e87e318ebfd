import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CampusGroupDetailDto,
  type CampusGroupDto,
  campusGroupListQuerySchema,
  type CreateCampusGroupRequest,
  createCampusGroupSchema,
  type Page,
  type UpdateCampusGroupRequest,
  updateCampusGroupSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser, Roles } from '../auth';
import { ApiBodyFrom, IdPipe, ZodPipe } from '../http/validation';
import { CampusGroupsService } from './campus-groups.service';

@ApiTags('campus-groups')
@Controller('campus-groups')
export class CampusGroupsController {
  constructor(private readonly campusGroups: CampusGroupsService) {}

  @Get()
  @CanRead('campusGroups')
  list(
    @CurrentUser() caller: AuthUser,
    @Query(new ZodPipe(campusGroupListQuerySchema)) query: z.output<typeof campusGroupListQuerySchema>,
  ): Promise<Page<CampusGroupDto>> {
    return this.campusGroups.list(caller, query);
  }

  @Get(':id')
  @CanRead('campusGroups')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<CampusGroupDetailDto> {
    return this.campusGroups.get(caller, id);
  }

  @Post()
  @Roles('admin')
  @ApiBodyFrom(createCampusGroupSchema)
  create(
    @CurrentUser() caller: AuthUser,
    @Body(new ZodPipe(createCampusGroupSchema)) body: CreateCampusGroupRequest,
  ): Promise<CampusGroupDto> {
    return this.campusGroups.create(caller, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiBodyFrom(updateCampusGroupSchema)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(updateCampusGroupSchema)) body: UpdateCampusGroupRequest,
  ): Promise<CampusGroupDto> {
    return this.campusGroups.update(caller, id, body);
  }
}
