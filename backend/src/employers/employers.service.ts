import { Injectable } from '@nestjs/common';
import {
  type BusinessIdTakenDetail,
  createEmployerSchema,
  type EmployerDto,
  type EmployerListItemDto,
  type EmployerListQuery,
  type EmployerStatus,
  type FieldError,
  type IndustryClassification,
  type Page,
  type SizeClass,
  updateEmployerSchema,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { AuditService, createdFields, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { foreignKeyViolation, uniqueViolation } from '../database/database-errors';
import { DataChanges } from '../cache/data-changes';
import { decodeCursor, encodeCursor, pageSize } from '../database/keyset';
import { REMEMBERED_LIFETIME_MS, ResultCache } from '../cache/result-cache';
import { SqlParams } from '../database/sql';
import { readableEmployer } from './employer-access';
import {
  EMPLOYER_LIST_FROM,
  employerFilterSql,
  keysetAfterSql,
  keysetColumnsSql,
  keysetCursorSpec,
  keysetOrderSql,
  keysetSort,
  relevanceOrderSql,
  searchThresholdSql,
} from './employer-list-sql';

type CreateEmployerInput = z.output<typeof createEmployerSchema>;
type UpdateEmployerInput = z.output<typeof updateEmployerSchema>;

interface EmployerListRow {
  id: number;
  name: string;
  business_id: string | null;
  status: EmployerStatus;
  municipality: string | null;
  owner_campus_group_id: number;
  owner_campus_group_name: string;
  account_manager_id: number | null;
  account_manager_name: string | null;
  tags: string[];
  last_contact_at: Date | null;
  next_follow_up_due: string | null;
  archived_at: Date | null;
}

interface EmployerRow extends EmployerListRow {
  industry_classification: IndustryClassification | null;
  industry_section: string | null;
  industry_code: string | null;
  street_address: string | null;
  postcode: string | null;
  website: string | null;
  size_class: SizeClass | null;
  description: string | null;
  other_campus_group_ids: number[];
  created_at: Date;
  updated_at: Date;
  version: number;
}

const LIST_COLUMNS = `e.id, e.name, e.business_id, e.status, e.municipality, e.owner_campus_group_id,
  og.name AS owner_campus_group_name, e.account_manager_id, am.display_name AS account_manager_name,
  e.tags, e.last_contact_at, e.next_follow_up_due::text AS next_follow_up_due, e.archived_at`;

const DETAIL_COLUMNS = `${LIST_COLUMNS}, e.industry_classification, e.industry_section, e.industry_code,
  e.street_address, e.postcode, e.website, e.size_class, e.description, e.created_at, e.updated_at, e.version,
  COALESCE((SELECT array_agg(l.campus_group_id ORDER BY l.campus_group_id) FROM employer_campus_groups l
             WHERE l.employer_id = e.id AND l.campus_group_id <> e.owner_campus_group_id), '{}') AS other_campus_group_ids`;

const AUDITED_FIELDS = [
  'name',
  'businessId',
  'industryClassification',
  'industrySection',
  'industryCode',
  'municipality',
  'streetAddress',
  'postcode',
  'website',
  'sizeClass',
  'ownerCampusGroupId',
  'campusGroupIds',
  'accountManagerId',
  'status',
  'tags',
  'description',
] as const satisfies readonly (keyof EmployerDto)[];

/** Request field → column, for the fields a PATCH may set directly. */
const UPDATABLE_COLUMNS = {
  name: 'name',
  businessId: 'business_id',
  industryClassification: 'industry_classification',
  industrySection: 'industry_section',
  industryCode: 'industry_code',
  municipality: 'municipality',
  streetAddress: 'street_address',
  postcode: 'postcode',
  website: 'website',
  sizeClass: 'size_class',
  ownerCampusGroupId: 'owner_campus_group_id',
  accountManagerId: 'account_manager_id',
  status: 'status',
  tags: 'tags',
  description: 'description',
} as const satisfies Partial<Record<keyof UpdateEmployerInput, string>>;

/** The first `count` parameters: those of the filters, before the page's own were added. */
function sliceParams(params: SqlParams, count: number): SqlParams {
  const first = new SqlParams();
  for (const value of params.values.slice(0, count)) first.add(value);
  return first;
}

/** What the keyset list needs: the transaction, the filters and their parameters, the count. */
interface ListPage {
  manager: EntityManager;
  limit: number;
  where: string[];
  params: SqlParams;
  total: number;
}

function toListItem(row: EmployerListRow): EmployerListItemDto {
  return {
    id: row.id,
    name: row.name,
    businessId: row.business_id,
    status: row.status,
    municipality: row.municipality,
    ownerCampusGroupId: row.owner_campus_group_id,
    ownerCampusGroupName: row.owner_campus_group_name,
    accountManagerId: row.account_manager_id,
    accountManagerName: row.account_manager_name,
    tags: row.tags,
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
    nextFollowUpDue: row.next_follow_up_due,
    archived: row.archived_at !== null,
  };
}

function toDto(row: EmployerRow): EmployerDto {
  return {
    ...toListItem(row),
    industryClassification: row.industry_classification,
    industrySection: row.industry_section,
    industryCode: row.industry_code,
    streetAddress: row.street_address,
    postcode: row.postcode,
    website: row.website,
    sizeClass: row.size_class,
    campusGroupIds: row.other_campus_group_ids.map(Number),
    description: row.description,
    archivedAt: row.archived_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

@Injectable()
export class EmployersService {
  /**
   * List totals by filter set and scope. Counting every match of a 50 000-employer list on each
   * page request was most of the list's cost, and the same few filter sets come again and again.
   */
  private readonly totals: ResultCache<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    changes: DataChanges,
  ) {
    this.totals = new ResultCache(changes, { lifetimeMs: REMEMBERED_LIFETIME_MS, maxEntries: 5_000 });
  }

  async list(caller: AuthUser, query: EmployerListQuery): Promise<Page<EmployerListItemDto>> {
    const limit = pageSize(query.limit);
    const params = new SqlParams();
    const where = employerFilterSql(readScope(caller, 'employers'), query, params);
    const q = query.q;
    if (!q) {
      const total = await this.listTotal(where, params, undefined);
      return this.listByKeyset({ manager: this.dataSource.manager, limit, where, params, total }, query);
    }
    // One transaction so the search threshold (SET LOCAL semantics) covers the page.
    return this.dataSource.transaction(async (manager) => {
      await this.setSearchThreshold(manager, q);
      if (!query.sort) return this.listByRelevance(manager, limit, where, params, q, query.cursor);
      const total = await this.listTotal(where, params, q);
      return this.listByKeyset({ manager, limit, where, params, total }, query);
    });
  }

  /**
   * The total of a filtered list, remembered until the next change. Counted in a transaction of its
   * own, with the search threshold of the query and a copy of the filters' parameters, as it may run
   * on after the request that asked (which goes on adding the page's own parameters).
   */
  private listTotal(where: string[], params: SqlParams, q: string | undefined): Promise<number> {
    const filterParams = sliceParams(params, params.values.length);
    return this.totals.get(JSON.stringify([where, filterParams.values]), () =>
      this.dataSource.transaction(async (manager) => {
        if (q) await this.setSearchThreshold(manager, q);
        return this.count(manager, where, filterParams);
      }),
    );
  }

  private async setSearchThreshold(manager: EntityManager, q: string): Promise<void> {
    const params = new SqlParams();
    await manager.query(searchThresholdSql(q, params), params.values);
  }

  /**
   * The filters only refer to `e`, and the joins never add or drop a row (owner group is a NOT NULL
   * foreign key, the manager a LEFT JOIN): counting the employers alone gives the same figure
   * without joining every row of a large list.
   */
  private async count(manager: EntityManager, where: string[], params: SqlParams): Promise<number> {
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM employers e WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return total;
  }

  async get(caller: AuthUser, id: number): Promise<EmployerDto> {
    await readableEmployer(this.dataSource.manager, caller, id, 'employers');
    return (await this.find(this.dataSource.manager, id))!;
  }

  async create(caller: AuthUser, input: CreateEmployerInput): Promise<EmployerDto> {
    return this.writeTransaction(input.businessId, async (manager) => {
      await this.assertReferences(manager, input);
      if (input.businessId) await this.assertBusinessIdFree(manager, input.businessId, null);
      const [{ id }]: { id: number }[] = await manager.query(
        `INSERT INTO employers (name, business_id, industry_classification, industry_section, industry_code, municipality,
            street_address, postcode, website, size_class, owner_campus_group_id, account_manager_id, status, tags,
            description, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          input.name,
          input.businessId ?? null,
          input.industryClassification ?? null,
          input.industrySection ?? null,
          input.industryCode ?? null,
          input.municipality ?? null,
          input.streetAddress ?? null,
          input.postcode ?? null,
          input.website ?? null,
          input.sizeClass ?? null,
          input.ownerCampusGroupId,
          input.accountManagerId ?? null,
          input.status,
          input.tags,
          input.description ?? null,
          caller.id,
        ],
      );
      await this.setCampusGroups(manager, id, input.ownerCampusGroupId, input.campusGroupIds);
      const created = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'create',
        entityType: 'employer',
        entityId: id,
        employerId: id,
        changes: createdFields(created, AUDITED_FIELDS),
      });
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: UpdateEmployerInput): Promise<EmployerDto> {
    return this.writeTransaction(input.businessId, async (manager) => {
      const before = await this.loadForWrite(manager, caller, id, input.version);
      await this.assertReferences(manager, input);
      if (input.businessId && input.businessId !== before.businessId) {
        await this.assertBusinessIdFree(manager, input.businessId, id);
      }
      const params = new SqlParams();
      const sets = ['version = version + 1', 'updated_at = now()'];
      for (const [field, column] of Object.entries(UPDATABLE_COLUMNS) as [keyof typeof UPDATABLE_COLUMNS, string][]) {
        if (input[field] !== undefined) sets.push(`${column} = ${params.add(input[field])}`);
      }
      await this.versionedUpdate(manager, id, input.version, sets, params);
      if (input.ownerCampusGroupId !== undefined || input.campusGroupIds !== undefined) {
        // The other groups stay as they were unless given; a replaced owner group is unlinked unless listed.
        await this.setCampusGroups(
          manager,
          id,
          input.ownerCampusGroupId ?? before.ownerCampusGroupId,
          input.campusGroupIds ?? before.campusGroupIds,
        );
      }
      const after = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'update',
        entityType: 'employer',
        entityId: id,
        employerId: id,
        changes: diffFields(before, after, AUDITED_FIELDS),
      });
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
      const sets = ['version = version + 1', 'updated_at = now()', `archived_at = ${archived ? 'now()' : 'NULL'}`];
      await this.versionedUpdate(manager, id, version, sets, new SqlParams());
      const after = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId: caller.id,
        action: archived ? 'archive' : 'restore',
        entityType: 'employer',
        entityId: id,
        employerId: id,
        changes: diffFields(before, after, ['archivedAt']),
      });
      return after;
    });
  }

  private async listByKeyset(
    { manager, limit, where, params, total }: ListPage,
    query: EmployerListQuery,
  ): Promise<Page<EmployerListItemDto>> {
    const sort = keysetSort(query.sort);
    const cursor = decodeCursor(query.cursor, keysetCursorSpec(sort));
    const pageWhere = cursor ? [...where, keysetAfterSql(sort, cursor, params)] : where;
    const rows: (EmployerListRow & { sort_lead: string | null; sort_name: string })[] = await manager.query(
      `SELECT ${LIST_COLUMNS}, ${keysetColumnsSql(sort)} FROM ${EMPLOYER_LIST_FROM}
        WHERE ${pageWhere.join(' AND ')}
        ORDER BY ${keysetOrderSql(sort)} LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toListItem),
      total,
      nextCursor: rows.length > limit && last ? encodeCursor([last.sort_lead, last.sort_name, last.id]) : null,
    };
  }

  /**
   * Search results in relevance order page by offset, not keyset: relevance is a float that depends
   * on the query, so a keyset on it would be fragile, and search result lists are short (people
   * refine the query instead of paging deep). The cursor is the opaque `[offset]`. The total comes
   * with the page (a window count over the matches the sort has to find anyway), so the trigram
   * index is searched once per request, not twice.
   */
  private async listByRelevance(
    manager: EntityManager,
    limit: number,
    where: string[],
    params: SqlParams,
    q: string,
    rawCursor: string | undefined,
  ): Promise<Page<EmployerListItemDto>> {
    const offset = decodeCursor(rawCursor, ['offset'])?.[0] ?? 0;
    const countParams = params.values.length;
    const rows: (EmployerListRow & { total: number })[] = await manager.query(
      `SELECT ${LIST_COLUMNS}, count(*) OVER ()::int AS total FROM ${EMPLOYER_LIST_FROM} WHERE ${where.join(' AND ')}
        ORDER BY ${relevanceOrderSql(q, params)} LIMIT ${params.add(limit + 1)} OFFSET ${params.add(offset)}`,
      params.values,
    );
    // Past the last match there is no row to carry the count: ask for it (same filters and parameters).
    const total = rows[0]?.total ?? (offset === 0 ? 0 : await this.count(manager, where, sliceParams(params, countParams)));
    return {
      items: rows.slice(0, limit).map(toListItem),
      total,
      nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }

  private async find(manager: EntityManager, id: number): Promise<EmployerDto | null> {
    const rows: EmployerRow[] = await manager.query(
      `SELECT ${DETAIL_COLUMNS} FROM ${EMPLOYER_LIST_FROM} WHERE e.id = $1`,
      [id],
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  /** Loads the employer for a write: 404 outside scope, 409 with the current record when the version is stale. */
  private async loadForWrite(
    manager: EntityManager,
    caller: AuthUser,
    id: number,
    version: number,
  ): Promise<EmployerDto> {
    await readableEmployer(manager, caller, id, 'employers');
    const before = (await this.find(manager, id))!;
    if (before.version !== version) throw ApiException.staleVersion(before);
    return before;
  }

  private async versionedUpdate(
    manager: EntityManager,
    id: number,
    version: number,
    sets: string[],
    params: SqlParams,
  ): Promise<void> {
    // The version condition is what makes a concurrent save lose with 409 instead of overwriting.
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE employers SET ${sets.join(', ')} WHERE id = ${params.add(id)} AND version = ${params.add(version)} RETURNING id`,
      params.values,
    );
    if (rows.length === 0) throw ApiException.staleVersion(await this.find(this.dataSource.manager, id));
  }

  /** Every linked group, the owner included, so campus scoping is one EXISTS. */
  private async setCampusGroups(
    manager: EntityManager,
    employerId: number,
    ownerId: number,
    otherIds: number[],
  ): Promise<void> {
    await manager.query(`DELETE FROM employer_campus_groups WHERE employer_id = $1`, [employerId]);
    await manager.query(
      `INSERT INTO employer_campus_groups (employer_id, campus_group_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
      [employerId, [...new Set([ownerId, ...otherIds])]],
    );
  }

  /** Field-level 400s for referenced rows, before anything is written. */
  private async assertReferences(
    manager: EntityManager,
    input: { ownerCampusGroupId?: number; campusGroupIds?: number[]; accountManagerId?: number | null },
  ): Promise<void> {
    const groupIds = [...(input.ownerCampusGroupId ? [input.ownerCampusGroupId] : []), ...(input.campusGroupIds ?? [])];
    const existing: { id: number }[] = groupIds.length
      ? await manager.query(`SELECT id FROM campus_groups WHERE id = ANY($1::int[])`, [groupIds])
      : [];
    const known = new Set(existing.map((row) => row.id));
    const fieldErrors: FieldError[] = [];
    if (input.ownerCampusGroupId && !known.has(input.ownerCampusGroupId)) {
      fieldErrors.push({ path: 'ownerCampusGroupId', code: 'unknown_campus_group', message: 'Unknown campus group' });
    }
    if ((input.campusGroupIds ?? []).some((id) => !known.has(id))) {
      fieldErrors.push({ path: 'campusGroupIds', code: 'unknown_campus_group', message: 'Unknown campus group' });
    }
    if (input.accountManagerId) {
      const [eligible] = await manager.query(
        `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('account_manager', 'admin')`,
        [input.accountManagerId],
      );
      if (!eligible) {
        fieldErrors.push({
          path: 'accountManagerId',
          code: 'invalid_account_manager',
          message: 'Must be an active account manager or admin',
        });
      }
    }
    if (fieldErrors.length) throw ApiException.validation(fieldErrors);
  }

  private async assertBusinessIdFree(
    manager: EntityManager,
    businessId: string,
    exceptId: number | null,
  ): Promise<void> {
    const [existing]: { id: number; name: string }[] = await manager.query(
      `SELECT id, name FROM employers WHERE business_id = $1 AND id IS DISTINCT FROM $2`,
      [businessId, exceptId],
    );
    if (existing) throw businessIdTaken({ existingEmployerId: existing.id, existingEmployerName: existing.name });
  }

  /** A transaction whose constraint errors become the API's 409/400s (the pre-checks can lose a race). */
  private async writeTransaction<T>(
    businessId: string | null | undefined,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (uniqueViolation(error) === 'uq_employers_business_id') {
        const [existing]: { id: number; name: string }[] = await this.dataSource.query(
          `SELECT id, name FROM employers WHERE business_id = $1`,
          [businessId],
        );
        throw businessIdTaken(
          existing ? { existingEmployerId: existing.id, existingEmployerName: existing.name } : undefined,
        );
      }
      const foreignKey = foreignKeyViolation(error);
      if (foreignKey === 'employers_owner_campus_group_id_fkey') {
        throw ApiException.field('ownerCampusGroupId', 'unknown_campus_group', 'Unknown campus group');
      }
      if (foreignKey === 'employer_campus_groups_campus_group_id_fkey') {
        throw ApiException.field('campusGroupIds', 'unknown_campus_group', 'Unknown campus group');
      }
      throw error;
    }
  }
}

function businessIdTaken(detail: BusinessIdTakenDetail | undefined): ApiException {
  return new ApiException(409, 'EMPLOYER_BUSINESS_ID_TAKEN', 'An employer with this business ID already exists', {
    fieldErrors: [{ path: 'businessId', code: 'business_id_taken', message: 'Already in use' }],
    detail,
  });
}
