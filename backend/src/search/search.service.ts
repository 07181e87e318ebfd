import { Injectable } from '@nestjs/common';
import {
  type ContactPersonHitDto,
  DEFAULT_SEARCH_LIMIT,
  type EmployerHitDto,
  isSearchable,
  businessIdSearchTerm,
  type OpportunityHitDto,
  type OpportunityStage,
  type SearchQuery,
  type SearchResultDto,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { likePattern, SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';
import { employerNameMatchSql, fuzzyTextSql, relevanceOrderSql, searchThresholdSql } from '../employers';
import { camelFields } from '../database/record-fields';

function similarityOrderSql(column: string, q: string, params: SqlParams): string {
  return `word_similarity(crm_normalise(${params.add(q)}), crm_normalise(${column})) DESC, crm_normalise(${column})`;
}

interface Search {
  manager: EntityManager;
  caller: AuthUser;
  q: string;
  limit: number;
}

@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  /** Each kind scoped by its own read right; archived employers and erased people never show. */
  async search(caller: AuthUser, query: SearchQuery): Promise<SearchResultDto> {
    const limit = query.limit ? Number(query.limit) : DEFAULT_SEARCH_LIMIT;
    if (!isSearchable(query.q)) return { employers: [], contactPersons: [], opportunities: [] };
    return this.dataSource.transaction(async (manager) => {
      const threshold = new SqlParams();
      await manager.query(searchThresholdSql(query.q, threshold), threshold.values);
      const search: Search = { manager, caller, q: query.q, limit };
      return {
        employers: await this.employers(search),
        contactPersons: await this.contactPersons(search),
        opportunities: await this.opportunities(search),
      };
    });
  }

  private async employers({ manager, caller, q, limit }: Search): Promise<EmployerHitDto[]> {
    const params = new SqlParams();
    const rows: { id: number; name: string; business_id: string | null; municipality: string | null }[] =
      await manager.query(
        `SELECT e.id, e.name, e.business_id, e.municipality FROM employers e
          WHERE ${employerVisibleSql(readScope(caller, 'employers'), 'e.id', params)} AND e.archived_at IS NULL
            AND (${employerNameMatchSql('e', q, params)} OR e.business_id = ${params.add(businessIdSearchTerm(q))})
          ORDER BY ${relevanceOrderSql(q, params)}
          LIMIT ${params.add(limit)}`,
        params.values,
      );
    return rows.map((row) => ({
      ...camelFields(row, ['id', 'name', 'business_id', 'municipality']),
    }));
  }

  private async contactPersons({ manager, caller, q, limit }: Search): Promise<ContactPersonHitDto[]> {
    const params = new SqlParams();
    const rows: { id: number; name: string; title: string | null; employer_id: number; employer_name: string }[] =
      await manager.query(
        `SELECT p.id, p.name, p.title, p.employer_id, e.name AS employer_name
           FROM contact_persons p JOIN employers e ON e.id = p.employer_id
          WHERE ${employerVisibleSql(readScope(caller, 'contactPersons'), 'p.employer_id', params)}
            AND p.erased_at IS NULL AND e.archived_at IS NULL
            AND (${fuzzyTextSql('p.name', q, params)} OR lower(p.email) LIKE lower(${params.add(likePattern(q))}))
          ORDER BY ${similarityOrderSql('p.name', q, params)}, p.id
          LIMIT ${params.add(limit)}`,
        params.values,
      );
    return rows.map((row) => ({
      ...camelFields(row, ['id', 'name', 'title', 'employer_id', 'employer_name']),
    }));
  }

  private async opportunities({ manager, caller, q, limit }: Search): Promise<OpportunityHitDto[]> {
    const params = new SqlParams();
    const rows: { id: number; title: string; stage: OpportunityStage; employer_id: number; employer_name: string }[] =
      await manager.query(
        `SELECT o.id, o.title, o.stage, o.employer_id, e.name AS employer_name
           FROM opportunities o JOIN employers e ON e.id = o.employer_id
          WHERE ${employerVisibleSql(readScope(caller, 'opportunities'), 'o.employer_id', params)}
            AND e.archived_at IS NULL AND ${fuzzyTextSql('o.title', q, params)}
          ORDER BY ${similarityOrderSql('o.title', q, params)}, o.id
          LIMIT ${params.add(limit)}`,
        params.values,
      );
    return rows.map((row) => ({
      ...camelFields(row, ['id', 'title', 'stage', 'employer_id', 'employer_name']),
    }));
  }
}
