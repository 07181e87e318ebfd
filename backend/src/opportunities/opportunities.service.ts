import { Injectable } from '@nestjs/common';
import {
  OPPORTUNITY_AUDITED_FIELDS,
  createOpportunitySchema,
  OPEN_STAGES,
  type OpportunityDto,
  type OpportunityListQuery,
  type OpportunityStage,
  type OpportunityType,
  type Page,
  type StageChangeDto,
  updateOpportunitySchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { AuditService, createdFields, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { type CampusScope, readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { decodeCursor, encodeCursor, pageSize } from '../database/keyset';
import { likePattern, searchCondition, SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';

type CreateInput = z.output<typeof createOpportunitySchema>;
type UpdateInput = z.output<typeof updateOpportunitySchema>;

interface OpportunityRow {
  id: number;
  employer_id: number;
  employer_name: string;
  title: string;
  type: OpportunityType;
  expected_places: number | null;
  expected_start: string | null;
  campus_group_id: number;
  campus_group_name: string;
  owner_id: number | null;
  owner_name: string | null;
  stage: OpportunityStage;
  lost_reason: string | null;
  notes: string | null;
  stage_changed_at: Date;
  /** stage_changed_at to the microsecond, for the keyset cursor (a JS Date keeps only milliseconds). */
  stage_changed_key: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

interface EmployerGroups {
  id: number;
  ownerCampusGroupId: number;
  /** All linked groups, the owner included. */
  campusGroupIds: number[];
  archived: boolean;
}

interface StageChangeRow {
  id: number;
  opportunity_id: number;
  from_stage: OpportunityStage | null;
  to_stage: OpportunityStage;
  changed_at: Date;
  changed_by_name: string | null;
  lost_reason: string | null;
}

const FROM = `opportunities o
  JOIN employers e ON e.id = o.employer_id
  JOIN campus_groups g ON g.id = o.campus_group_id
  LEFT JOIN users u ON u.id = o.owner_id`;

const COLUMNS = `o.id, o.employer_id, e.name AS employer_name, o.title, o.type, o.expected_places,
  o.expected_start::text AS expected_start, o.campus_group_id, g.name AS campus_group_name,
  o.owner_id, u.display_name AS owner_name, o.stage, o.lost_reason, o.notes, o.stage_changed_at,
  to_char(o.stage_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS stage_changed_key,
  o.created_at, o.updated_at, o.version`;


const CLOSED_STAGES: readonly OpportunityStage[] = ['won', 'lost'];

function toDto(row: OpportunityRow): OpportunityDto {
  return {
    id: row.id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    title: row.title,
    type: row.type,
    expectedPlaces: row.expected_places,
    expectedStart: row.expected_start,
    campusGroupId: row.campus_group_id,
    campusGroupName: row.campus_group_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    stage: row.stage,
    lostReason: row.lost_reason,
    notes: row.notes,
    stageChangedAt: row.stage_changed_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

function toStageChangeDto(row: StageChangeRow): StageChangeDto {
  return {
    id: row.id,
    opportunityId: row.opportunity_id,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    changedAt: row.changed_at.toISOString(),
    changedByName: row.changed_by_name,
    lostReason: row.lost_reason,
  };
}

/** The list filters as SQL conditions (the exports use them too); the cursor is added separately so the total ignores it. */
export function opportunityListConditions(scope: CampusScope, query: OpportunityListQuery, params: SqlParams): string[] {
  const where = [employerVisibleSql(scope, 'o.employer_id', params)];
  if (query.q) {
    const q = query.q;
    where.push(
      searchCondition(q, () => {
        const pattern = `crm_normalise(${params.add(likePattern(q))})`;
        return `(crm_normalise(o.title) LIKE ${pattern} OR crm_normalise(e.name) LIKE ${pattern})`;
      }),
    );
  }
  if (query.employerId) where.push(`o.employer_id = ${params.add(Number(query.employerId))}`);
  if (query.stage) where.push(`o.stage = ${params.add(query.stage)}`);
  if (query.type) where.push(`o.type = ${params.add(query.type)}`);
  if (query.campusGroupId) where.push(`o.campus_group_id = ${params.add(Number(query.campusGroupId))}`);
  if (query.ownerId) where.push(`o.owner_id = ${params.add(Number(query.ownerId))}`);
  if (query.open) {
    const stages = query.open === 'true' ? OPEN_STAGES : CLOSED_STAGES;
    where.push(`o.stage = ANY(${params.add(stages)}::text[])`);
  }
  return where;
}

/** The lost reason the row will hold: only a lost opportunity keeps one. */
function effectiveLostReason(stage: OpportunityStage, given: string | null | undefined, stored: string | null): string | null {
  if (stage !== 'lost') return null;
  return given === undefined ? stored : given;
}

@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser, query: OpportunityListQuery): Promise<Page<OpportunityDto>> {
    const limit = pageSize(query.limit);
    const params = new SqlParams();
    const where = opportunityListConditions(readScope(caller, 'opportunities'), query, params);
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${FROM} WHERE ${where.join(' AND ')}`,
      params.values,
    );
    const cursor = decodeCursor(query.cursor, ['timestamp', 'id']);
    if (cursor) {
      where.push(`(o.stage_changed_at, o.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])})`);
    }
    const rows: OpportunityRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY o.stage_changed_at DESC, o.id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toDto),
      total,
      nextCursor: rows.length > limit && last ? encodeCursor([last.stage_changed_key, last.id]) : null,
    };
  }

  async get(caller: AuthUser, id: number): Promise<OpportunityDto> {
    const found = await this.find(this.dataSource.manager, id, readScope(caller, 'opportunities'));
    if (!found) throw ApiException.notFound('Opportunity');
    return found;
  }

  async stageChanges(caller: AuthUser, id: number): Promise<StageChangeDto[]> {
    await this.get(caller, id);
    const rows: StageChangeRow[] = await this.dataSource.query(
      `SELECT c.id, c.opportunity_id, c.from_stage, c.to_stage, c.changed_at, c.lost_reason, u.display_name AS changed_by_name
         FROM opportunity_stage_changes c LEFT JOIN users u ON u.id = c.changed_by
        WHERE c.opportunity_id = $1 ORDER BY c.changed_at, c.id`,
      [id],
    );
    return rows.map(toStageChangeDto);
  }

  async create(caller: AuthUser, input: CreateInput): Promise<OpportunityDto> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await this.writableEmployer(manager, input.employerId);
      const campusGroupId = input.campusGroupId ?? employer.ownerCampusGroupId;
      this.assertLinkedGroup(employer, campusGroupId);
      const ownerId = input.ownerId ?? caller.id;
      await this.assertOwner(manager, ownerId);
      const lostReason = effectiveLostReason(input.stage, input.lostReason, null);
      const [{ id }] = await manager.query(
        `INSERT INTO opportunities (employer_id, title, type, expected_places, expected_start, campus_group_id, owner_id,
                                    stage, lost_reason, notes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          employer.id,
          input.title,
          input.type,
          input.expectedPlaces ?? null,
          input.expectedStart ?? null,
          campusGroupId,
          ownerId,
          input.stage,
          lostReason,
          input.notes ?? null,
          caller.id,
        ],
      );
      await this.recordStageChange(manager, id, null, input.stage, lostReason, caller.id);
      const created = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'create',
        entityType: 'opportunity',
        entityId: id,
        changes: createdFields(created, OPPORTUNITY_AUDITED_FIELDS),
        employerId: employer.id,
      });
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateInput): Promise<OpportunityDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (!before) throw ApiException.notFound('Opportunity');
      if (before.version !== input.version) throw ApiException.staleVersion(before);

      const stage = input.stage ?? before.stage;
      const lostReason = effectiveLostReason(stage, input.lostReason, before.lostReason);
      // The schema checks the body alone; a body that clears the reason of a lost row is caught here.
      if (stage === 'lost' && !lostReason) {
        throw ApiException.field('lostReason', 'lost_reason_required', 'A lost opportunity needs a reason');
      }
      if (input.campusGroupId !== undefined && input.campusGroupId !== before.campusGroupId) {
        this.assertLinkedGroup(await this.employerGroups(manager, before.employerId), input.campusGroupId);
      }
      if (input.ownerId !== undefined && input.ownerId !== before.ownerId) await this.assertOwner(manager, input.ownerId);

      const stageMoves = stage !== before.stage;
      const params = new SqlParams();
      const sets = ['version = version + 1', 'updated_at = now()', `lost_reason = ${params.add(lostReason)}`];
      if (input.title !== undefined) sets.push(`title = ${params.add(input.title)}`);
      if (input.type !== undefined) sets.push(`type = ${params.add(input.type)}`);
      if (input.expectedPlaces !== undefined) sets.push(`expected_places = ${params.add(input.expectedPlaces)}`);
      if (input.expectedStart !== undefined) sets.push(`expected_start = ${params.add(input.expectedStart)}`);
      if (input.campusGroupId !== undefined) sets.push(`campus_group_id = ${params.add(input.campusGroupId)}`);
      if (input.ownerId !== undefined) sets.push(`owner_id = ${params.add(input.ownerId)}`);
      if (input.notes !== undefined) sets.push(`notes = ${params.add(input.notes)}`);
      if (stageMoves) sets.push(`stage = ${params.add(stage)}`, 'stage_changed_at = now()');
      // The version condition is what makes a concurrent save lose with 409 instead of overwriting.
      const result: [unknown[], number] = await manager.query(
        `UPDATE opportunities SET ${sets.join(', ')} WHERE id = ${params.add(id)} AND version = ${params.add(input.version)}`,
        params.values,
      );
      if (result[1] === 0) {
        const current = await this.find(this.dataSource.manager, id);
        throw current ? ApiException.staleVersion(current) : ApiException.notFound('Opportunity');
      }
      if (stageMoves) await this.recordStageChange(manager, id, before.stage, stage, lostReason, caller.id);
      const after = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'update',
        entityType: 'opportunity',
        entityId: id,
        changes: diffFields(before, after, OPPORTUNITY_AUDITED_FIELDS),
        employerId: before.employerId,
      });
      return after;
    });
  }

  async remove(caller: AuthUser, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (!before) throw ApiException.notFound('Opportunity');
      // Its stage history goes with it (ON DELETE CASCADE); the audit row keeps what was deleted.
      await manager.query(`DELETE FROM opportunities WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'delete',
        entityType: 'opportunity',
        entityId: id,
        changes: diffFields(before, {}, OPPORTUNITY_AUDITED_FIELDS),
        employerId: before.employerId,
      });
    });
  }

  private async find(manager: EntityManager, id: number, scope: CampusScope = { kind: 'all' }): Promise<OpportunityDto | null> {
    const params = new SqlParams();
    const rows: OpportunityRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = ${params.add(id)} AND ${employerVisibleSql(scope, 'o.employer_id', params)}`,
      params.values,
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  /** The employer a new opportunity refers to: it must exist and not be archived. */
  private async writableEmployer(manager: EntityManager, employerId: number): Promise<EmployerGroups> {
    const employer = await this.employerGroups(manager, employerId);
    if (!employer) throw ApiException.field('employerId', 'unknown_employer', 'Unknown employer');
    if (employer.archived) throw new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is archived');
    return employer;
  }

  private async employerGroups(
    manager: EntityManager,
    employerId: number,
  ): Promise<EmployerGroups | null> {
    const rows: { id: number; owner_campus_group_id: number; archived: boolean; campus_group_ids: number[] }[] =
      await manager.query(
        `SELECT e.id, e.owner_campus_group_id, e.archived_at IS NOT NULL AS archived,
                COALESCE((SELECT array_agg(l.campus_group_id) FROM employer_campus_groups l WHERE l.employer_id = e.id), '{}')
                  AS campus_group_ids
           FROM employers e WHERE e.id = $1`,
        [employerId],
      );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      ownerCampusGroupId: row.owner_campus_group_id,
      campusGroupIds: row.campus_group_ids.map(Number),
      archived: row.archived,
    };
  }

  /** An opportunity is counted for one of the campus groups that work with the employer. */
  private assertLinkedGroup(employer: { campusGroupIds: number[] } | null, campusGroupId: number): void {
    if (!employer?.campusGroupIds.includes(campusGroupId)) {
      throw ApiException.field('campusGroupId', 'campus_group_not_linked', 'The campus group does not work with this employer');
    }
  }

  /** Owners move the pipeline, so only active staff who may write opportunities can own one. */
  private async assertOwner(manager: EntityManager, ownerId: number): Promise<void> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('admin', 'account_manager')`,
      [ownerId],
    );
    if (rows.length === 0) {
      throw ApiException.field('ownerId', 'invalid_owner', 'The owner must be an active admin or account manager');
    }
  }

  private async recordStageChange(
    manager: EntityManager,
    opportunityId: number,
    fromStage: OpportunityStage | null,
    toStage: OpportunityStage,
    lostReason: string | null,
    changedBy: number,
  ): Promise<void> {
    // changed_at defaults to now(), the transaction's time: the same instant as stage_changed_at.
    await manager.query(
      `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, lost_reason, changed_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [opportunityId, fromStage, toStage, lostReason, changedBy],
    );
  }
}
