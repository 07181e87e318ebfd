import { Injectable } from '@nestjs/common';
import {
  CAMPUS_GROUP_AUDITED_FIELDS,
  type CampusGroupDetailDto,
  type CampusGroupDto,
  type CampusGroupListQuery,
  type CreateCampusGroupRequest,
  type Page,
  type UpdateCampusGroupRequest,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, AuditTrail } from '../audit';
import type { AuthUser } from '../auth';
import { inScope, readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { translateConstraintErrors } from '../database/constraint-errors';
import { expectVersion } from '../database/versioned-update';
import { campusGroupMembers } from '../users';
import {
  CAMPUS_GROUP_CONSTRAINT_ERRORS,
  findCampusGroup,
  insertCampusGroup,
  listCampusGroups,
  updateCampusGroup,
} from './campus-groups.table';

const campusGroupAudit = new AuditTrail<CampusGroupDto>('campus_group', CAMPUS_GROUP_AUDITED_FIELDS);

@Injectable()
export class CampusGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(caller: AuthUser, query: CampusGroupListQuery): Promise<Page<CampusGroupDto>> {
    return listCampusGroups(this.dataSource, readScope(caller, 'campusGroups'), query);
  }

  async get(caller: AuthUser, id: number): Promise<CampusGroupDetailDto> {
    const group = await findCampusGroup(this.dataSource, id);
    // Outside the caller's groups it answers as if the group did not exist.
    if (!group || !inScope(readScope(caller, 'campusGroups'), [id])) throw ApiException.notFound('Campus group');
    return { ...group, members: await campusGroupMembers(this.dataSource, id) };
  }

  async create(caller: AuthUser, input: CreateCampusGroupRequest): Promise<CampusGroupDto> {
    return this.writeTransaction(async (manager) => {
      const id = await insertCampusGroup(manager, input);
      const created = (await findCampusGroup(manager, id))!;
      await this.audit.record(manager, campusGroupAudit.created(caller.id, created));
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateCampusGroupRequest): Promise<CampusGroupDto> {
    return this.writeTransaction(async (manager) => {
      const before = expectVersion(await findCampusGroup(manager, id), input.version, 'Campus group');
      await updateCampusGroup(manager, id, input, () => findCampusGroup(this.dataSource, id));
      const after = (await findCampusGroup(manager, id))!;
      await this.audit.record(manager, campusGroupAudit.updated(caller.id, before, after));
      return after;
    });
  }

  /** A transaction whose constraint errors become the API's 409s (the name can be taken meanwhile). */
  private writeTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return translateConstraintErrors(() => this.dataSource.transaction(work), CAMPUS_GROUP_CONSTRAINT_ERRORS);
  }
}
