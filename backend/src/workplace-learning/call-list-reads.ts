import {
  addDays,
  type CallList,
  type CallListEmployerRowDto,
  type CallListRows,
  type EmployerCallList,
  NO_RECENT_CONTACT_DAYS,
  type PeriodWithoutBusinessIdDto,
  SURVEY_DEADLINE_DAYS,
  type UnknownBusinessIdDto,
  type WorkplaceLearningKind,
} from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { camelFields } from '../database/record-fields';
import { oneRow, type Queryable, rows } from '../database/typed-query';
import { SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';
import { PERIOD_LAST_DAY } from './workplace-learning.table';

// The call lists: their SQL (a page and a count sharing the parameters) and their rows. "Today" is
// always a parameter (the service's clock), so a list never depends on the database's clock.

/** A list's statement (in its order) and the count of its rows, sharing the parameters. */
export interface CallListSql {
  sql: string;
  countSql: string;
  params: SqlParams;
}

/** The raw row of an employer call list. */
export interface CallListEmployerRow {
  employer_id: number;
  employer_name: string;
  account_manager_name: string | null;
  last_contact_at: Date | null;
  students_now: number | null;
  survey_deadline: string | null;
  survey_url: string | null;
  last_year_students: number | null;
}

export interface PeriodWithoutBusinessIdRow {
  id: number;
  workplace_name: string | null;
  kind: WorkplaceLearningKind;
  starts_on: string;
  ends_on: string | null;
  qualification_code: string | null;
  qualification_name: string | null;
  campus_name: string | null;
}

export interface UnknownBusinessIdRow {
  business_id: string;
  workplace_name: string | null;
  periods: number;
  students: number;
  latest_starts_on: string;
  campus_names: string[];
}

export interface CallListRawRows {
  'no-recent-contact': CallListEmployerRow;
  'survey-deadline': CallListEmployerRow;
  'lapsed-hosts': CallListEmployerRow;
  'periods-without-business-id': PeriodWithoutBusinessIdRow;
  'unknown-business-ids': UnknownBusinessIdRow;
}

/** `groupBy`: one row per value of that column; the count is then the number of values. */
function listSql(from: string, order: string, params: SqlParams, select: string, groupBy?: string): CallListSql {
  return {
    sql: `SELECT ${select} ${from}${groupBy ? ` GROUP BY ${groupBy}` : ''} ORDER BY ${order}`,
    countSql: `SELECT count(${groupBy ? `DISTINCT ${groupBy}` : '*'})::int AS count ${from}`,
    params,
  };
}

/**
 * An employer call list: `driver` is a CTE `d(employer_id, …figures)` naming the employers that
 * belong on the list; scope, campus-group filter and archived employers are applied here, once.
 */
function employerListSql(
  driver: string,
  order: string,
  scope: CampusScope,
  campusGroupId: number | null,
  params: SqlParams,
): CallListSql {
  const conditions = ['e.archived_at IS NULL', employerVisibleSql(scope, 'e.id', params)];
  if (campusGroupId !== null) {
    conditions.push(`EXISTS (SELECT 1 FROM employer_campus_groups fg
      WHERE fg.employer_id = e.id AND fg.campus_group_id = ${params.add(campusGroupId)})`);
  }
  const from = `FROM (${driver}) d JOIN employers e ON e.id = d.employer_id
    LEFT JOIN users am ON am.id = e.account_manager_id
    WHERE ${conditions.join(' AND ')}`;
  return listSql(
    from,
    `${order}, e.name, e.id`,
    params,
    `e.id AS employer_id, e.name AS employer_name, am.display_name AS account_manager_name, e.last_contact_at,
     d.students_now, d.survey_deadline, d.survey_url, d.last_year_students`,
  );
}

/** The SQL of an employer call list on `today`. */
export function employerCallListSql(
  list: EmployerCallList,
  scope: CampusScope,
  campusGroupId: number | null,
  today: string,
): CallListSql {
  const params = new SqlParams();
  const day = params.add(today);
  switch (list) {
    case 'no-recent-contact': {
      const cutoff = params.add(addDays(today, -NO_RECENT_CONTACT_DAYS));
      // Employers hosting now whose last contact (a Helsinki day) is at least 90 days back, or never.
      const driver = `SELECT p.employer_id, count(DISTINCT p.student_key)::int AS students_now,
          NULL::text AS survey_deadline, NULL::text AS survey_url, NULL::int AS last_year_students
        FROM workplace_learning_periods p
        JOIN employers le ON le.id = p.employer_id
       WHERE p.starts_on <= ${day}::date AND (p.ends_on IS NULL OR p.ends_on >= ${day}::date)
         AND (le.last_contact_at IS NULL OR (le.last_contact_at AT TIME ZONE 'Europe/Helsinki')::date <= ${cutoff}::date)
       GROUP BY p.employer_id`;
      return employerListSql(driver, 'e.last_contact_at ASC NULLS FIRST', scope, campusGroupId, params);
    }
    case 'survey-deadline': {
      const last = params.add(addDays(today, SURVEY_DEADLINE_DAYS));
      // Open and unanswered (feedbackSurveyState 'open'), closing within 30 days; the nearest deadline per employer.
      const driver = `SELECT s.employer_id, NULL::int AS students_now,
          min(s.valid_until)::text AS survey_deadline,
          (array_agg(s.url ORDER BY s.valid_until, s.code))[1] AS survey_url, NULL::int AS last_year_students
        FROM feedback_surveys s
       WHERE s.kind = 'workplace' AND s.employer_id IS NOT NULL AND s.answers = 0
         AND s.valid_until BETWEEN ${day}::date AND ${last}::date
       GROUP BY s.employer_id`;
      return employerListSql(driver, 'd.survey_deadline', scope, campusGroupId, params);
    }
    case 'lapsed-hosts': {
      const year = Number(today.slice(0, 4));
      const lastYearStart = params.add(`${year - 1}-01-01`);
      const lastYearEnd = params.add(`${year - 1}-12-31`);
      const thisYearStart = params.add(`${year}-01-01`);
      const thisYearEnd = params.add(`${year}-12-31`);
      // A period this year, planned ones included, takes the employer off the list.
      const driver = `SELECT p.employer_id, NULL::int AS students_now, NULL::text AS survey_deadline,
          NULL::text AS survey_url, count(DISTINCT p.student_key)::int AS last_year_students
        FROM workplace_learning_periods p
       WHERE p.employer_id IS NOT NULL
         AND p.starts_on <= ${lastYearEnd}::date AND ${PERIOD_LAST_DAY(day)} >= ${lastYearStart}::date
         AND NOT EXISTS (SELECT 1 FROM workplace_learning_periods n
               WHERE n.employer_id = p.employer_id AND n.starts_on <= ${thisYearEnd}::date
                 AND COALESCE(n.ends_on, GREATEST(${day}::date, n.starts_on)) >= ${thisYearStart}::date)
       GROUP BY p.employer_id`;
      return employerListSql(driver, 'd.last_year_students DESC', scope, campusGroupId, params);
    }
  }
}

/** Periods without a Y-tunnus: no employer, no campus group (see CALL_LISTS for who may read them). */
export function periodsWithoutBusinessIdSql(): CallListSql {
  return listSql(
    `FROM workplace_learning_periods p WHERE p.business_id IS NULL`,
    'p.starts_on DESC, p.id DESC',
    new SqlParams(),
    `p.id, p.workplace_name, p.kind, p.starts_on::text AS starts_on, p.ends_on::text AS ends_on,
     p.qualification_code, p.qualification_name, p.campus_name`,
  );
}

/** Periods whose Y-tunnus matches no employer, one row per Y-tunnus: employers the CRM could add. */
export function unknownBusinessIdsSql(): CallListSql {
  return listSql(
    `FROM workplace_learning_periods p
     WHERE p.employer_id IS NULL AND p.business_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM employers e WHERE e.business_id = p.business_id)`,
    'students DESC, p.business_id',
    new SqlParams(),
    `p.business_id, max(p.workplace_name) AS workplace_name, count(*)::int AS periods,
     count(DISTINCT p.student_key)::int AS students, max(p.starts_on)::text AS latest_starts_on,
     COALESCE(array_agg(DISTINCT p.campus_name) FILTER (WHERE p.campus_name IS NOT NULL), '{}') AS campus_names`,
    'p.business_id',
  );
}

export function callListSql(list: CallList, scope: CampusScope, campusGroupId: number | null, today: string) {
  switch (list) {
    case 'periods-without-business-id':
      return periodsWithoutBusinessIdSql();
    case 'unknown-business-ids':
      return unknownBusinessIdsSql();
    default:
      return employerCallListSql(list, scope, campusGroupId, today);
  }
}

export async function countCallList(db: Queryable, query: CallListSql): Promise<number> {
  return (await oneRow<{ count: number }>(db, query.countSql, query.params.values))!.count;
}

export async function callListPage<L extends CallList>(
  db: Queryable,
  list: L,
  query: CallListSql,
  limit: number,
  offset: number,
): Promise<CallListRows[L][]> {
  const found = await rows<CallListRawRows[L]>(
    db,
    `${query.sql} LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
    query.params.values,
  );
  return found.map((row) => callListItem(list, row)) as CallListRows[L][];
}

function callListItem(list: CallList, row: CallListRawRows[CallList]) {
  switch (list) {
    case 'periods-without-business-id':
      return periodWithoutBusinessIdItem(row as PeriodWithoutBusinessIdRow);
    case 'unknown-business-ids':
      return unknownBusinessIdItem(row as UnknownBusinessIdRow);
    default:
      return employerCallListItem(row as CallListEmployerRow);
  }
}

function employerCallListItem(row: CallListEmployerRow): CallListEmployerRowDto {
  return {
    ...camelFields(row, [
      'employer_id',
      'employer_name',
      'account_manager_name',
      'students_now',
      'survey_deadline',
      'survey_url',
      'last_year_students',
    ]),
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
  };
}

function periodWithoutBusinessIdItem(row: PeriodWithoutBusinessIdRow): PeriodWithoutBusinessIdDto {
  return camelFields(row, [
    'id',
    'workplace_name',
    'kind',
    'starts_on',
    'ends_on',
    'qualification_code',
    'qualification_name',
    'campus_name',
  ]);
}

function unknownBusinessIdItem(row: UnknownBusinessIdRow): UnknownBusinessIdDto {
  return camelFields(row, ['business_id', 'workplace_name', 'periods', 'students', 'latest_starts_on', 'campus_names']);
}
