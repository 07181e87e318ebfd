import { Injectable } from '@nestjs/common';
import {
  CAMPUS_GROUP_AUDITED_FIELDS,
  type CampusGroupDetailDto,
  type CampusGroupDto,
  type CampusGroupMemberDto,
  type CreateCampusGroupRequest,
  type Page,
  type UpdateCampusGroupRequest,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { inScope, readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { uniqueViolation } from '../database/database-errors';
import { decodeCursor, encodeCursor, pageSize } from '../database/keyset';
import { likePattern, searchCondition, SqlParams } from '../database/sql';

interface CampusGroupRow {
  id: number;
  name: string;
  campus: string;
  member_count: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = `g.id, g.name, g.campus, g.created_at, g.updated_at, g.version,
  (SELECT count(*)::int FROM user_campus_groups m WHERE m.campus_group_id = g.id) AS member_count`;

function toDto(row: CampusGroupRow): CampusGroupDto {
  return {
    id: row.id,
    name: row.name,
    campus: row.campus,
    memberCount: row.member_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export interface CampusGroupListQuery {
  q?: string;
  cursor?: string;
  limit?: string;
}

@Injectable()
export class CampusGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser, query: CampusGroupListQuery): Promise<Page<CampusGroupDto>> {
    const limit = pageSize(query.limit);
    const params = new SqlParams();
    const where: string[] = [];
    const scope = readScope(caller, 'campusGroups');
    if (scope.kind === 'groups') where.push(`g.id = ANY(${params.add(scope.campusGroupIds)})`);
    if (query.q) {
      const q = query.q;
      where.push(
        searchCondition(q, () => {
          const pattern = params.add(likePattern(q));
          return `(unaccent(g.name) ILIKE unaccent(${pattern}) OR unaccent(g.campus) ILIKE unaccent(${pattern}))`;
        }),
      );
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM campus_groups g ${filter}`,
      params.values,
    );
    const cursor = decodeCursor(query.cursor, ['text', 'id']);
    if (cursor) where.push(`(lower(g.name), g.id) > (${params.add(cursor[0])}, ${params.add(cursor[1])})`);
    const rows: CampusGroupRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM campus_groups g ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(g.name), g.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const items = rows.slice(0, limit).map(toDto);
    const last = items.at(-1);
    return {
      items,
      total,
      nextCursor: rows.length > limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null,
    };
  }

  async get(caller: AuthUser, id: number): Promise<CampusGroupDetailDto> {
    const group = await this.find(this.dataSource.manager, id);
    // Outside the caller's groups it answers as if the group did not exist.
    if (!group || !inScope(readScope(caller, 'campusGroups'), [id])) throw ApiException.notFound('Campus group');
    const members: { id: number; display_name: string; email: string; role: CampusGroupMemberDto['role']; active: boolean }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name, u.email, u.role, u.active
           FROM user_campus_groups m JOIN users u ON u.id = m.user_id
          WHERE m.campus_group_id = $1 ORDER BY lower(u.display_name), u.id`,
        [id],
      );
    return {
      ...group,
      members: members.map((m) => ({ id: m.id, displayName: m.display_name, email: m.email, role: m.role, active: m.active })),
    };
  }

  async create(caller: AuthUser, input: CreateCampusGroupRequest): Promise<CampusGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await this.translateErrors(() =>
        manager.query(`INSERT INTO campus_groups (name, campus) VALUES ($1, $2) RETURNING id`, [input.name, input.campus]),
      );
      const created = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'create',
        entityType: 'campus_group',
        entityId: id,
        changes: createdFields(created, CAMPUS_GROUP_AUDITED_FIELDS),
      });
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateCampusGroupRequest): Promise<CampusGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (!before) throw ApiException.notFound('Campus group');
      if (before.version !== input.version) throw ApiException.staleVersion(before);
      const result: [unknown[], number] = await this.translateErrors(() =>
        manager.query(
          `UPDATE campus_groups
              SET name = COALESCE($1, name), campus = COALESCE($2, campus), version = version + 1, updated_at = now()
            WHERE id = $3 AND version = $4`,
          [input.name ?? null, input.campus ?? null, id, input.version],
        ),
      );
      if (result[1] === 0) throw ApiException.staleVersion(await this.find(this.dataSource.manager, id));
      const after = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'update',
        entityType: 'campus_group',
        entityId: id,
        changes: diffFields(before, after, CAMPUS_GROUP_AUDITED_FIELDS),
      });
      return after;
    });
  }

  private async find(manager: EntityManager, id: number): Promise<CampusGroupDto | null> {
    const rows: CampusGroupRow[] = await manager.query(`SELECT ${COLUMNS} FROM campus_groups g WHERE g.id = $1`, [id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  private async translateErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (uniqueViolation(error) === 'uq_campus_groups_name_lower') {
        throw new ApiException(409, 'CAMPUS_GROUP_NAME_TAKEN', 'A campus group with this name already exists', {
          fieldErrors: [{ path: 'name', code: 'name_taken', message: 'Already in use' }],
        });
      }
      throw error;
    }
  }
}
