import { Injectable } from '@nestjs/common';
import {
  OPPORTUNITY_AUDITED_FIELDS,
  createOpportunitySchema,
  type OpportunityDto,
  type OpportunityListQuery,
  type OpportunityStage,
  type OpportunityStageTotalDto,
  type OpportunityStageTotalsQuery,
  type Page,
  type StageChangeDto,
  updateOpportunitySchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { AuditService, AuditTrail } from '../audit';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { oneRow } from '../database/typed-query';
import { ColumnChanges, expectVersion } from '../database/versioned-update';
import {
  deleteOpportunity,
  findOpportunity,
  insertOpportunity,
  insertStageChange,
  opportunitiesTable,
  opportunityPage,
  stageChangesOf,
  stageTotals,
  updateOpportunity,
} from './opportunities.table';

type CreateInput = z.output<typeof createOpportunitySchema>;
type UpdateInput = z.output<typeof updateOpportunitySchema>;

interface EmployerGroups {
  id: number;
  ownerCampusGroupId: number;
  /** All linked groups, the owner included. */
  campusGroupIds: number[];
  archived: boolean;
}

/** The lost reason the row will hold: only a lost opportunity keeps one. */
function effectiveLostReason(
  stage: OpportunityStage,
  given: string | null | undefined,
  stored: string | null,
): string | null {
  if (stage !== 'lost') return null;
  return given === undefined ? stored : given;
}

const opportunityAudit = new AuditTrail<OpportunityDto>('opportunity', OPPORTUNITY_AUDITED_FIELDS, 'employerId');

@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(caller: AuthUser, query: OpportunityListQuery): Promise<Page<OpportunityDto>> {
    return opportunityPage(this.dataSource, readScope(caller, 'opportunities'), query);
  }

  stageTotals(caller: AuthUser, query: OpportunityStageTotalsQuery): Promise<OpportunityStageTotalDto[]> {
    return stageTotals(this.dataSource, readScope(caller, 'opportunities'), query);
  }

  async get(caller: AuthUser, id: number): Promise<OpportunityDto> {
    const found = await findOpportunity(this.dataSource, id, readScope(caller, 'opportunities'));
    if (!found) throw ApiException.notFound('Opportunity');
    return found;
  }

  async stageChanges(caller: AuthUser, id: number): Promise<StageChangeDto[]> {
    await this.get(caller, id);
    return stageChangesOf(this.dataSource, id);
  }

  async create(caller: AuthUser, input: CreateInput): Promise<OpportunityDto> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await this.writableEmployer(manager, input.employerId);
      const campusGroupId = input.campusGroupId ?? employer.ownerCampusGroupId;
      this.assertLinkedGroup(employer, campusGroupId);
      const ownerId = input.ownerId ?? caller.id;
      await this.assertOwner(manager, ownerId);
      const lostReason = effectiveLostReason(input.stage, input.lostReason, null);
      const id = await insertOpportunity(manager, {
        employer_id: employer.id,
        title: input.title,
        type: input.type,
        expected_places: input.expectedPlaces ?? null,
        expected_start: input.expectedStart ?? null,
        campus_group_id: campusGroupId,
        owner_id: ownerId,
        stage: input.stage,
        lost_reason: lostReason,
        notes: input.notes ?? null,
        created_by: caller.id,
      });
      await insertStageChange(manager, {
        opportunity_id: id,
        from_stage: null,
        to_stage: input.stage,
        lost_reason: lostReason,
        changed_by: caller.id,
      });
      const created = (await findOpportunity(manager, id))!;
      await this.audit.record(manager, opportunityAudit.created(caller.id, created));
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateInput): Promise<OpportunityDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = expectVersion(await findOpportunity(manager, id), input.version, 'Opportunity');

      const stage = input.stage ?? before.stage;
      const lostReason = effectiveLostReason(stage, input.lostReason, before.lostReason);
      // The schema checks the body alone; a body that clears the reason of a lost row is caught here.
      if (stage === 'lost' && !lostReason) {
        throw ApiException.field('lostReason', 'lost_reason_required', 'A lost opportunity needs a reason');
      }
      if (input.campusGroupId !== undefined && input.campusGroupId !== before.campusGroupId) {
        this.assertLinkedGroup(await this.employerGroups(manager, before.employerId), input.campusGroupId);
      }
      if (input.ownerId !== undefined && input.ownerId !== before.ownerId)
        await this.assertOwner(manager, input.ownerId);

      const stageMoves = stage !== before.stage;
      const changes = new ColumnChanges<typeof opportunitiesTable>().set('lost_reason', lostReason).setDefined(input, {
        title: 'title',
        type: 'type',
        expectedPlaces: 'expected_places',
        expectedStart: 'expected_start',
        campusGroupId: 'campus_group_id',
        ownerId: 'owner_id',
        notes: 'notes',
      });
      if (stageMoves) changes.set('stage', stage).setSql('stage_changed_at', 'now()');
      await updateOpportunity(manager, { id, version: input.version, changes });
      if (stageMoves) {
        await insertStageChange(manager, {
          opportunity_id: id,
          from_stage: before.stage,
          to_stage: stage,
          lost_reason: lostReason,
          changed_by: caller.id,
        });
      }
      const after = (await findOpportunity(manager, id))!;
      await this.audit.record(manager, opportunityAudit.updated(caller.id, before, after));
      return after;
    });
  }

  async remove(caller: AuthUser, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await findOpportunity(manager, id);
      if (!before) throw ApiException.notFound('Opportunity');
      // The audit row keeps what was deleted.
      await deleteOpportunity(manager, id);
      await this.audit.record(manager, opportunityAudit.deleted(caller.id, before));
    });
  }

  /** The employer a new opportunity refers to: it must exist and not be archived. */
  private async writableEmployer(manager: EntityManager, employerId: number): Promise<EmployerGroups> {
    const employer = await this.employerGroups(manager, employerId);
    if (!employer) throw ApiException.field('employerId', 'unknown_employer', 'Unknown employer');
    if (employer.archived) throw new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is archived');
    return employer;
  }

  private async employerGroups(manager: EntityManager, employerId: number): Promise<EmployerGroups | null> {
    const row = await oneRow<{
      id: number;
      owner_campus_group_id: number;
      archived: boolean;
      campus_group_ids: number[];
    }>(
      manager,
      `SELECT e.id, e.owner_campus_group_id, e.archived_at IS NOT NULL AS archived,
                COALESCE((SELECT array_agg(l.campus_group_id) FROM employer_campus_groups l WHERE l.employer_id = e.id), '{}')
                  AS campus_group_ids
           FROM employers e WHERE e.id = $1`,
      [employerId],
    );
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
      throw ApiException.field(
        'campusGroupId',
        'campus_group_not_linked',
        'The campus group does not work with this employer',
      );
    }
  }

  /** Owners move the pipeline, so only active staff who may write opportunities can own one. */
  private async assertOwner(manager: EntityManager, ownerId: number): Promise<void> {
    const owner = await oneRow(
      manager,
      `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('admin', 'account_manager')`,
      [ownerId],
    );
    if (!owner) {
      throw ApiException.field('ownerId', 'invalid_owner', 'The owner must be an active admin or account manager');
    }
  }
}
