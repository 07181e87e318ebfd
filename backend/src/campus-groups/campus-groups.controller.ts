import { Controller, Get, Patch, Post } from '@nestjs/common';
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
import { IdParam, ValidBody, ValidQuery } from '../http/validation';
import { CampusGroupsService } from './campus-groups.service';

@ApiTags('campus-groups')
@Controller('campus-groups')
export class CampusGroupsController {
  constructor(private readonly campusGroups: CampusGroupsService) {}

  @Get()
  @CanRead('campusGroups')
  list(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(campusGroupListQuerySchema) query: z.output<typeof campusGroupListQuerySchema>,
  ): Promise<Page<CampusGroupDto>> {
    return this.campusGroups.list(caller, query);
  }

  @Get(':id')
  @CanRead('campusGroups')
  get(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<CampusGroupDetailDto> {
    return this.campusGroups.get(caller, id);
  }

  @Post()
  @Roles('admin')
  create(
    @CurrentUser() caller: AuthUser,
    @ValidBody(createCampusGroupSchema) body: CreateCampusGroupRequest,
  ): Promise<CampusGroupDto> {
    return this.campusGroups.create(caller, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(updateCampusGroupSchema) body: UpdateCampusGroupRequest,
  ): Promise<CampusGroupDto> {
    return this.campusGroups.update(caller, id, body);
  }
}
