import { Injectable } from '@nestjs/common';
import type { EmployerDto, EmployerListItemDto, EmployerListQuery, Page } from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { DataChanges } from '../cache/data-changes';
import { decodeCursor, pageSize } from '../database/keyset';
import { REMEMBERED_LIFETIME_MS, ResultCache } from '../cache/result-cache';
import { SqlParams } from '../database/sql';
import { offsetPage } from '../database/keyset-page';
import { readableEmployer } from './employer-access';
import { rolledUpEmployerTotal } from './employer-list-counts';
import {
  employerFilterSql,
  keysetAfterSql,
  keysetCursorSpec,
  keysetSort,
  relevanceOrderSql,
  searchThresholdSql,
} from './employer-list-sql';
import { countEmployers, employerKeysetPage, employersByRelevance, findEmployer, toListItem } from './employers.table';

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

/** The employer list (filters, search, keyset and relevance paging) and one employer's record. */
@Injectable()
export class EmployersReadService {
  /**
   * List totals by filter set and scope. Counting every match of a 50 000-employer list on each
   * page request was most of the list's cost, and the same few filter sets come again and again.
   */
  private readonly totals: ResultCache<number>;

  constructor(
    private readonly dataSource: DataSource,
    changes: DataChanges,
  ) {
    this.totals = new ResultCache(changes, { lifetimeMs: REMEMBERED_LIFETIME_MS, maxEntries: 5_000 });
  }

  async list(caller: AuthUser, query: EmployerListQuery): Promise<Page<EmployerListItemDto>> {
    const limit = pageSize(query.limit);
    const params = new SqlParams();
    const scope = readScope(caller, 'employers');
    const where = employerFilterSql(scope, query, params);
    const q = query.q;
    if (!q) {
      const total = await this.listTotal(where, params, undefined, () =>
        rolledUpEmployerTotal(this.dataSource, scope, query),
      );
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

  async get(caller: AuthUser, id: number): Promise<EmployerDto> {
    await readableEmployer(this.dataSource.manager, caller, id, 'employers');
    return (await findEmployer(this.dataSource.manager, id))!;
  }

  /**
   * The total of a filtered list, remembered until the next change: from the roll-up when it can
   * tell (`rolledUp` answers null when it cannot), else counted in a transaction of its own, with
   * the search threshold of the query and a copy of the filters' parameters, as it may run on after
   * the request that asked (which goes on adding the page's own parameters). Counting grew with the
   * table (1.2 s at 500 000 employers on a busy machine); the roll-up grows with the keys in use.
   */
  private listTotal(
    where: string[],
    params: SqlParams,
    q: string | undefined,
    rolledUp: () => Promise<number | null> = () => Promise.resolve(null),
  ): Promise<number> {
    const filterParams = sliceParams(params, params.values.length);
    return this.totals.get(JSON.stringify([where, filterParams.values]), async () => {
      const total = await rolledUp();
      if (total !== null) return total;
      return this.dataSource.transaction(async (manager) => {
        if (q) await this.setSearchThreshold(manager, q);
        return countEmployers(manager, where, filterParams);
      });
    });
  }

  private async setSearchThreshold(manager: EntityManager, q: string): Promise<void> {
    const params = new SqlParams();
    await manager.query(searchThresholdSql(q, params), params.values);
  }

  private async listByKeyset(
    { manager, limit, where, params, total }: ListPage,
    query: EmployerListQuery,
  ): Promise<Page<EmployerListItemDto>> {
    const sort = keysetSort(query.sort);
    const cursor = decodeCursor(query.cursor, keysetCursorSpec(sort));
    const pageWhere = cursor ? [...where, keysetAfterSql(sort, cursor, params)] : where;
    const page = await employerKeysetPage(manager, { where: pageWhere, params, sort, limit });
    return { ...page, total };
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
    const order = relevanceOrderSql(q, params);
    const fetched = await employersByRelevance(manager, { where, params, order, limit, offset });
    // Past the last match there is no row to carry the count: ask for it (same filters and parameters).
    const total =
      fetched[0]?.total ?? (offset === 0 ? 0 : await countEmployers(manager, where, sliceParams(params, countParams)));
    return { ...offsetPage(fetched, limit, offset, toListItem), total };
  }
}
