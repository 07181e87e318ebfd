import {
  type BusinessRegisterCompanyDto,
  type CreatedNationalEmployersDto,
  type CreateNationalEmployersRequest,
  EMPLOYER_AUDITED_FIELDS,
} from '@tyoelama/shared';
import type { DataSource } from 'typeorm';
import { type AuditRecord, type AuditService, createdFields } from '../audit';
import type { AuthUser } from '../auth';
import type { BusinessRegisterService } from '../business-register';
import { uniqueViolation } from '../database/database-errors';
import { insertEmployers, linkCampusGroups, newEmployerValues, reserveEmployerIds } from '../employers';
import { ApiException } from '../http/api-exception';
import type { BatchRow } from './imports.table';
import { employersByBusinessId } from './national-import.table';
import type { NationalRecord } from './national-record';
import { commonest } from './national-summary';

/** YTJ lookups at a time when creating employers. */
const REGISTER_LOOKUPS = 4;

/**
 * Creates the employers of Y-tunnus the file has and no employer has, as prospects of the upload's
 * owner group, filled from YTJ when it answers (else with the file's workplace name).
 */
export async function createNationalEmployers(
  services: { dataSource: DataSource; audit: AuditService; register: BusinessRegisterService },
  caller: AuthUser,
  batch: Pick<BatchRow<unknown>, 'owner_campus_group_id' | 'account_manager_id'>,
  records: readonly NationalRecord[],
  request: CreateNationalEmployersRequest,
): Promise<CreatedNationalEmployersDto> {
  const { dataSource, audit, register } = services;
  const names = new Map<string, Map<string, number>>();
  for (const record of records) {
    if (!record.business_id) continue;
    const counts = names.get(record.business_id) ?? new Map<string, number>();
    if (record.workplace_name) counts.set(record.workplace_name, (counts.get(record.workplace_name) ?? 0) + 1);
    names.set(record.business_id, counts);
  }
  const requested = [...new Set(request.businessIds)];
  const existing = new Set(
    (await employersByBusinessId(dataSource, requested, () => 'TRUE', [])).map((row) => row.business_id),
  );
  const wanted = requested.filter((businessId) => names.has(businessId) && !existing.has(businessId));
  const companies = await lookUp(register, wanted);
  const creates = wanted.map((businessId, index) => {
    const company = companies[index];
    const name = company?.name ?? commonest(names.get(businessId)!) ?? businessId;
    return {
      businessId,
      fromRegister: company !== null,
      values: newEmployerValues({
        ...(company ? registerFields(company) : {}),
        name: name.slice(0, 200),
        businessId,
        ownerCampusGroupId: batch.owner_campus_group_id,
        accountManagerId: batch.account_manager_id,
        status: 'prospect',
        tags: [],
      }),
    };
  });
  try {
    const ids = await dataSource.transaction(async (manager) => {
      const reserved = await reserveEmployerIds(manager, creates.length);
      await insertEmployers(
        manager,
        creates.map((create, index) => ({ id: reserved[index], values: create.values })),
        caller.id,
      );
      await linkCampusGroups(manager, reserved, [batch.owner_campus_group_id]);
      await audit.record(
        manager,
        ...creates.map((create, index): AuditRecord => ({
          actorId: caller.id,
          action: 'create',
          entityType: 'employer',
          entityId: reserved[index],
          employerId: reserved[index],
          changes: createdFields(
            { ...create.values, campusGroupIds: [batch.owner_campus_group_id] },
            EMPLOYER_AUDITED_FIELDS,
          ),
        })),
      );
      return reserved;
    });
    return {
      created: creates.map((create, index) => ({
        employerId: ids[index],
        businessId: create.businessId,
        name: create.values.name,
        fromRegister: create.fromRegister,
      })),
      skipped: requested.filter((businessId) => !wanted.includes(businessId)),
    };
  } catch (error) {
    if (uniqueViolation(error) === 'uq_employers_business_id') {
      throw new ApiException(409, 'IMPORT_CONFLICT', 'An employer with one of these Y-tunnus was saved meanwhile');
    }
    throw error;
  }
}

/** YTJ's company per Y-tunnus, null where the register does not know it or does not answer. */
async function lookUp(
  register: BusinessRegisterService,
  businessIds: readonly string[],
): Promise<(BusinessRegisterCompanyDto | null)[]> {
  const found: (BusinessRegisterCompanyDto | null)[] = businessIds.map(() => null);
  let next = 0;
  const worker = async () => {
    while (next < businessIds.length) {
      const index = next++;
      found[index] = await register.lookup(businessIds[index]).catch(() => null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REGISTER_LOOKUPS, businessIds.length) }, worker));
  return found;
}

/** The employer fields YTJ fills. */
function registerFields(company: BusinessRegisterCompanyDto) {
  return {
    streetAddress: company.streetAddress,
    postcode: company.postcode,
    municipality: company.municipality,
    website: company.website ?? null,
    industryClassification: company.industryClassification,
    industrySection: company.industrySection ?? null,
    industryCode: company.industryCode ?? null,
  };
}
