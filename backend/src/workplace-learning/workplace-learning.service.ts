import { Injectable } from '@nestjs/common';
import {
  CALL_LIST_DEFAULT_LIMIT,
  CALL_LIST_MAX_LIMIT,
  type CallList,
  type CallListPageDto,
  type CallListQuery,
  type EmployerWorkplaceLearningDto,
  helsinkiDate,
  isEmployerCallList,
  type WorkplaceLearningDashboardDto,
  type WorkplaceLearningDashboardQuery,
} from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { Clock } from '../config/clock';
import { ApiException } from '../http/api-exception';
import { readableEmployer } from '../employers';
import type { ExportDefinition } from '../exports';
import { CALL_LIST_EXPORTS } from './workplace-learning-exports';
import { callListPage, callListSql, type CallListRawRows, countCallList } from './call-list-reads';
import { hostedByTerm, surveyResponseRates, termsBetween } from './dashboard-reads';
import { employerWorkplaceLearning } from './employer-section-reads';

type Caller = Pick<AuthUser, 'role' | 'campusGroupIds'>;

/** The reads of the national VET data: employer section, call lists (and their exports), dashboard figures. */
@Injectable()
export class WorkplaceLearningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Today in Helsinki, from the injectable clock (tests fix it). */
  today(): string {
    return helsinkiDate(this.clock.now());
  }

  /** The employer page section; 404 for an employer the caller may not read, exactly like the employer. */
  async forEmployer(caller: Caller, employerId: number): Promise<EmployerWorkplaceLearningDto> {
    await readableEmployer(this.dataSource.manager, caller, employerId, 'employers');
    return employerWorkplaceLearning(this.dataSource.manager, employerId, this.today());
  }

  async callList<L extends CallList>(caller: Caller, list: L, query: CallListQuery): Promise<CallListPageDto<L>> {
    const today = this.today();
    const sql = this.listSql(caller, list, query, today);
    const limit = Math.min(Number(query.limit ?? CALL_LIST_DEFAULT_LIMIT), CALL_LIST_MAX_LIMIT);
    const offset = Number(query.offset ?? 0);
    const [total, items] = await Promise.all([
      countCallList(this.dataSource.manager, sql),
      callListPage(this.dataSource.manager, list, sql, limit, offset),
    ]);
    return { list, today, total, offset, items };
  }

  /** The whole list as an export, with the same scope, filter and order as the page. */
  callListExport<L extends CallList>(
    caller: Caller,
    list: L,
    query: CallListQuery,
  ): ExportDefinition<CallListRawRows[L]> {
    const sql = this.listSql(caller, list, query, this.today());
    const { fileBase, columns } = CALL_LIST_EXPORTS[list];
    return { fileBase, sheetName: 'Soittolista', setup: [], sql: sql.sql, params: sql.params.values, columns };
  }

  async dashboard(caller: Caller, query: WorkplaceLearningDashboardQuery): Promise<WorkplaceLearningDashboardDto> {
    const scope = readScope(caller, 'reports');
    const today = this.today();
    const to = query.to ?? (query.from && query.from > today ? query.from : today);
    const from = query.from ?? yearBefore(to);
    const campusGroupId = query.campusGroupId ? Number(query.campusGroupId) : null;
    const terms = termsBetween(from, to);
    const [hosted, responseRates] = await Promise.all([
      hostedByTerm(this.dataSource.manager, scope, campusGroupId, terms, today),
      surveyResponseRates(this.dataSource.manager, scope, campusGroupId, { from, to }, today),
    ]);
    return { from, to, terms: terms.map((term) => term.term), hosted, responseRates };
  }

  /**
   * Employer lists are scoped like the employer list. The period lists belong to no employer and so
   * to no campus group: only roles that read every employer (admin, account managers, leadership)
   * see them; a campus member gets 403.
   */
  private listSql(caller: Caller, list: CallList, query: CallListQuery, today: string) {
    const scope = readScope(caller, 'employers');
    if (!isEmployerCallList(list) && scope.kind !== 'all') throw ApiException.forbidden();
    return callListSql(list, scope, query.campusGroupId ? Number(query.campusGroupId) : null, today);
  }
}

/** The same day a year earlier; 29 February, which has none, gives the 28th. */
function yearBefore(date: string): string {
  const monthDay = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${Number(date.slice(0, 4)) - 1}${monthDay}`;
}
