import { Injectable } from '@nestjs/common';
import {
  type BusinessIdTakenDetail,
  type createEmployerSchema,
  EMPLOYER_AUDITED_FIELDS,
  type EmployerDto,
  industryProblem,
  type updateEmployerSchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { AuditService, AuditTrail, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { ApiException } from '../http/api-exception';
import { translateConstraintErrors } from '../database/constraint-errors';
import { ColumnChanges, expectVersion } from '../database/versioned-update';
import { readableEmployer } from './employer-access';
import { assertEmployerReferences } from './employer-references';
import {
  EMPLOYER_FIELD_COLUMNS,
  employersTable,
  employerWithBusinessId,
  findEmployer,
  insertEmployer,
  newEmployerValues,
  setEmployerCampusGroups,
  updateEmployer,
} from './employers.table';

type CreateEmployerInput = z.output<typeof createEmployerSchema>;
type UpdateEmployerInput = z.output<typeof updateEmployerSchema>;

const employerAudit = new AuditTrail<EmployerDto>('employer', EMPLOYER_AUDITED_FIELDS, 'id');

/** Creating, editing, archiving and restoring employers, each audited in its own transaction. */
@Injectable()
export class EmployersWriteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: AuthUser, input: CreateEmployerInput): Promise<EmployerDto> {
    return this.writeTransaction(input.businessId, async (manager) => {
      await assertEmployerReferences(manager, input);
      if (input.businessId) await this.assertBusinessIdFree(manager, input.businessId, null);
      const id = await insertEmployer(manager, newEmployerValues(input), caller.id);
      await setEmployerCampusGroups(manager, id, input.ownerCampusGroupId, input.campusGroupIds);
      const created = (await findEmployer(manager, id))!;
      await this.audit.record(manager, employerAudit.created(caller.id, created));
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateEmployerInput): Promise<EmployerDto> {
    return this.writeTransaction(input.businessId, async (manager) => {
      const before = await this.loadForWrite(manager, caller, id, input.version);
      assertIndustryConsistent(before, input);
      await assertEmployerReferences(manager, input);
      if (input.businessId && input.businessId !== before.businessId) {
        await this.assertBusinessIdFree(manager, input.businessId, id);
      }
      const changes = new ColumnChanges<typeof employersTable>().setDefined(input, EMPLOYER_FIELD_COLUMNS);
      await updateEmployer(manager, { id, version: input.version, changes }, this.dataSource.manager);
      if (input.ownerCampusGroupId !== undefined || input.campusGroupIds !== undefined) {
        // The other groups stay as they were unless given; a replaced owner group is unlinked unless listed.
        await setEmployerCampusGroups(
          manager,
          id,
          input.ownerCampusGroupId ?? before.ownerCampusGroupId,
          input.campusGroupIds ?? before.campusGroupIds,
        );
      }
      const after = (await findEmployer(manager, id))!;
      await this.audit.record(manager, employerAudit.updated(caller.id, before, after));
      return after;
    });
  }

  /** Soft delete: history keeps referring to the employer, the default list hides it. */
  async setArchived(caller: AuthUser, id: number, version: number, archived: boolean): Promise<EmployerDto> {
    return this.writeTransaction(null, async (manager) => {
      const before = await this.loadForWrite(manager, caller, id, version);
      if (before.archived === archived) {
        throw archived
          ? new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is already archived')
          : new ApiException(409, 'EMPLOYER_NOT_ARCHIVED', 'The employer is not archived');
      }
      const changes = new ColumnChanges<typeof employersTable>().setSql('archived_at', archived ? 'now()' : 'NULL');
      await updateEmployer(manager, { id, version, changes }, this.dataSource.manager);
      const after = (await findEmployer(manager, id))!;
      await this.audit.record(
        manager,
        employerAudit.event(
          caller.id,
          archived ? 'archive' : 'restore',
          after,
          diffFields(before, after, ['archivedAt']),
        ),
      );
      return after;
    });
  }

  /** Loads the employer for a write: 404 outside scope, 409 with the current record when the version is stale. */
  private async loadForWrite(
    manager: EntityManager,
    caller: AuthUser,
    id: number,
    version: number,
  ): Promise<EmployerDto> {
    await readableEmployer(manager, caller, id, 'employers');
    return expectVersion(await findEmployer(manager, id), version, 'Employer');
  }

  private async assertBusinessIdFree(
    manager: EntityManager,
    businessId: string,
    exceptId: number | null,
  ): Promise<void> {
    const existing = await employerWithBusinessId(manager, businessId, exceptId);
    if (existing) throw businessIdTaken({ existingEmployerId: existing.id, existingEmployerName: existing.name });
  }

  /** A transaction whose constraint errors become the API's 409/400s (the pre-checks can lose a race). */
  private writeTransaction<T>(
    businessId: string | null | undefined,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return translateConstraintErrors(() => this.dataSource.transaction(work), {
      unique: {
        uq_employers_business_id: async () => {
          const existing = businessId ? await employerWithBusinessId(this.dataSource.manager, businessId) : null;
          return businessIdTaken(
            existing ? { existingEmployerId: existing.id, existingEmployerName: existing.name } : undefined,
          );
        },
      },
      foreignKey: {
        employers_owner_campus_group_id_fkey: () =>
          ApiException.field('ownerCampusGroupId', 'unknown_campus_group', 'Unknown campus group'),
        employer_campus_groups_campus_group_id_fkey: () =>
          ApiException.field('campusGroupIds', 'unknown_campus_group', 'Unknown campus group'),
      },
    });
  }
}

/**
 * The schema checks the industry fields a request gives; an edit of some of them must also agree
 * with the stored others. Rows stored before the check are left alone until one of them is edited.
 */
function assertIndustryConsistent(before: EmployerDto, input: UpdateEmployerInput): void {
  const { industryClassification, industrySection, industryCode } = input;
  if (industryClassification === undefined && industrySection === undefined && industryCode === undefined) return;
  const problem = industryProblem({
    industryClassification:
      industryClassification === undefined ? before.industryClassification : industryClassification,
    industrySection: industrySection === undefined ? before.industrySection : industrySection,
    industryCode: industryCode === undefined ? before.industryCode : industryCode,
  });
  if (problem) throw ApiException.field(problem.path, problem.code, problem.message);
}

function businessIdTaken(detail: BusinessIdTakenDetail | undefined): ApiException {
  return ApiException.taken(
    'EMPLOYER_BUSINESS_ID_TAKEN',
    'An employer with this business ID already exists',
    { path: 'businessId', code: 'business_id_taken' },
    detail,
  );
}
