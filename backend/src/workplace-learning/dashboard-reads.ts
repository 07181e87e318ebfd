import type { HostedTermRowDto, SurveyResponseRateDto, TermSeason } from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { type Queryable, rows } from '../database/typed-query';
import { SqlParams } from '../database/sql';
import { PERIOD_LAST_DAY } from './workplace-learning.table';

// The leadership dashboard's figures per campus group. "Today" is always a parameter (the
// service's clock), so the figures never depend on the database's clock.

export interface Term {
  term: string;
  year: number;
  season: TermSeason;
  starts: string;
  ends: string;
}

/** The terms (kevät January–July, syksy August–December) overlapping `from`–`to`, in order. */
export function termsBetween(from: string, to: string): Term[] {
  const terms: Term[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const candidates: Term[] = [
      { term: `${year}-spring`, year, season: 'spring', starts: `${year}-01-01`, ends: `${year}-07-31` },
      { term: `${year}-autumn`, year, season: 'autumn', starts: `${year}-08-01`, ends: `${year}-12-31` },
    ];
    terms.push(...candidates.filter((term) => term.starts <= to && term.ends >= from));
  }
  return terms;
}

/** `g.campus_group_id` limited to the scope's groups and the filter's group. */
function groupConditions(scope: CampusScope, campusGroupId: number | null, params: SqlParams): string {
  const conditions = ['TRUE'];
  if (scope.kind === 'groups') conditions.push(`g.campus_group_id = ANY(${params.add(scope.campusGroupIds)}::int[])`);
  if (campusGroupId !== null) conditions.push(`g.campus_group_id = ${params.add(campusGroupId)}`);
  return conditions.join(' AND ');
}

/** Distinct students per campus group (the employer's linked groups), term and kind. */
export async function hostedByTerm(
  db: Queryable,
  scope: CampusScope,
  campusGroupId: number | null,
  terms: Term[],
  today: string,
): Promise<HostedTermRowDto[]> {
  if (terms.length === 0) return [];
  const params = new SqlParams();
  const names = params.add(terms.map((term) => term.term));
  const starts = params.add(terms.map((term) => term.starts));
  const ends = params.add(terms.map((term) => term.ends));
  const day = params.add(today);
  const found = await rows<{
    campus_group_id: number;
    campus_group_name: string;
    term: string;
    training_agreement: number;
    apprenticeship: number;
  }>(
    db,
    `WITH t AS (SELECT * FROM unnest(${names}::text[], ${starts}::date[], ${ends}::date[]) AS t(term, starts, ends))
     SELECT g.campus_group_id, cg.name AS campus_group_name, t.term,
            count(DISTINCT p.student_key) FILTER (WHERE p.kind = 'training_agreement')::int AS training_agreement,
            count(DISTINCT p.student_key) FILTER (WHERE p.kind = 'apprenticeship')::int AS apprenticeship
       FROM workplace_learning_periods p
       JOIN employer_campus_groups g ON g.employer_id = p.employer_id
       JOIN campus_groups cg ON cg.id = g.campus_group_id
       JOIN t ON p.starts_on <= t.ends AND ${PERIOD_LAST_DAY(day)} >= t.starts
      WHERE ${groupConditions(scope, campusGroupId, params)}
      GROUP BY g.campus_group_id, cg.name, t.term`,
    params.values,
  );
  const order = new Map(terms.map((term, index) => [term.term, index]));
  const byTerm = new Map(terms.map((term) => [term.term, term]));
  return found
    .map((row) => {
      const term = byTerm.get(row.term)!;
      return {
        campusGroupId: row.campus_group_id,
        campusGroupName: row.campus_group_name,
        term: row.term,
        year: term.year,
        season: term.season,
        trainingAgreement: row.training_agreement,
        apprenticeship: row.apprenticeship,
      };
    })
    .sort(
      (a, b) =>
        a.campusGroupName.localeCompare(b.campusGroupName, 'fi') ||
        a.campusGroupId - b.campusGroupId ||
        order.get(a.term)! - order.get(b.term)!,
    );
}

/** Workplace surveys closing within `from`–`to`: answered of those answered or past their last day. */
export async function surveyResponseRates(
  db: Queryable,
  scope: CampusScope,
  campusGroupId: number | null,
  range: { from: string; to: string },
  today: string,
): Promise<SurveyResponseRateDto[]> {
  const params = new SqlParams();
  const from = params.add(range.from);
  const to = params.add(range.to);
  const day = params.add(today);
  const found = await rows<{ campus_group_id: number; campus_group_name: string; answered: number; due: number }>(
    db,
    `SELECT g.campus_group_id, cg.name AS campus_group_name,
            count(*) FILTER (WHERE s.answers > 0)::int AS answered,
            count(*) FILTER (WHERE s.answers > 0 OR s.valid_until < ${day}::date)::int AS due
       FROM feedback_surveys s
       JOIN employer_campus_groups g ON g.employer_id = s.employer_id
       JOIN campus_groups cg ON cg.id = g.campus_group_id
      WHERE s.kind = 'workplace' AND s.valid_until BETWEEN ${from}::date AND ${to}::date
        AND ${groupConditions(scope, campusGroupId, params)}
      GROUP BY g.campus_group_id, cg.name
      ORDER BY cg.name, g.campus_group_id`,
    params.values,
  );
  return found.map((row) => ({
    campusGroupId: row.campus_group_id,
    campusGroupName: row.campus_group_name,
    answered: row.answered,
    due: row.due,
    rate: row.due === 0 ? null : row.answered / row.due,
  }));
}
