import {
  type CampusGroupGlanceDto,
  type GroupAttentionDto,
  type GroupAttentionReason,
  HOME_NO_CONTACT_DAYS,
  type HomeSection,
  type KeyFigure,
  type QuietEmployerDto,
  type UserAttentionDto,
  type UserAttentionReason,
} from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { HELSINKI_TODAY, SqlParams } from '../database/sql';
import { preparedRows, type Queryable, rows } from '../database/typed-query';
import { employerVisibleSql } from '../employers';
import { followUpOverdueSql } from '../follow-ups';
import { OPEN_STAGES_SQL } from '../opportunities';
import { camelFields } from '../database/record-fields';
import { reportCountsSql } from '../reports';

// Read-only summaries over other features' tables, as the reports feature makes them: the scope
// condition and the overdue rule come from the owning features, so a row is visible here exactly
// when their own lists show it.

const NO_CONTACT = (alias: string, params: SqlParams) =>
  `(${alias}.last_contact_at IS NULL OR ${alias}.last_contact_at < now() - make_interval(days => ${params.add(HOME_NO_CONTACT_DAYS)}))`;

/** Employers the account manager is responsible for, not contacted in 90 days, the longest silent first. */
export async function quietEmployersOf(
  db: Queryable,
  accountManagerId: number,
  scope: CampusScope,
  limit: number,
): Promise<HomeSection<QuietEmployerDto>> {
  const params = new SqlParams();
  const found = await preparedRows<{
    id: number;
    name: string;
    municipality: string | null;
    last_contact_at: Date | null;
    total: number;
  }>(
    db,
    `SELECT e.id, e.name, e.municipality, e.last_contact_at, count(*) OVER ()::int AS total
       FROM employers e
      WHERE e.account_manager_id = ${params.add(accountManagerId)} AND e.archived_at IS NULL
        AND ${NO_CONTACT('e', params)} AND ${employerVisibleSql(scope, 'e.id', params)}
      ORDER BY e.last_contact_at NULLS FIRST, e.id LIMIT ${params.add(limit)}`,
    params.values,
  );
  return {
    items: found.map((row) => ({
      ...camelFields(row, ['id', 'name', 'municipality']),
      lastContactAt: row.last_contact_at?.toISOString() ?? null,
    })),
    total: found[0]?.total ?? 0,
  };
}

/**
 * The campus status page's essentials for each of these groups, counted over the group's
 * non-archived employers (each employer's whole activity, whichever campus logged it), from the
 * per-group roll-ups (migration GroupGlanceRollups): a few hundred rows a group. The caller folds
 * pending deltas first. "No contact in 90 days" sums whole UTC days before the cutoff's day and
 * counts the cutoff's own day from the employers, as the dashboard does.
 */
export async function campusGroupGlances(db: Queryable, campusGroupIds: number[]): Promise<CampusGroupGlanceDto[]> {
  const params = new SqlParams();
  const groups = `${params.add(campusGroupIds)}::int[]`;
  const cutoff = `(now() - make_interval(days => ${params.add(HOME_NO_CONTACT_DAYS)}))`;
  const metric = (name: string) =>
    `SELECT '${name}' AS metric, x.* FROM ${reportCountsSql(`'${name}'`)} x WHERE x.campus_group_id = ANY(${groups})`;
  const sum = (condition: string) => `COALESCE(sum(r.n) FILTER (WHERE ${condition}), 0)`;
  return rows<CampusGroupGlanceDto>(
    db,
    `SELECT g.id, g.name, g.campus, ${sum(`r.metric = 'group_employer'`)}::int AS employers,
            (${sum(`r.metric = 'group_employer' AND r.day < (${cutoff} AT TIME ZONE 'UTC')::date`)}
             + (SELECT count(*) FROM employer_campus_groups l JOIN employers e ON e.id = l.employer_id
                 WHERE l.campus_group_id = g.id AND e.archived_at IS NULL
                   AND e.last_contact_at >= date_trunc('day', ${cutoff} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                   AND e.last_contact_at < ${cutoff}))::int AS "noContact",
            ${sum(`r.metric = 'group_follow_up_open'`)}::int AS "openFollowUps",
            ${sum(`r.metric = 'group_follow_up_open' AND r.day < ${HELSINKI_TODAY}`)}::int AS "overdueFollowUps",
            ${sum(`r.metric = 'group_opportunity_open' AND r.label = 'count'`)}::int AS "openOpportunities",
            ${sum(`r.metric = 'group_opportunity_open' AND r.label = 'places'`)}::int AS "openPlaces"
       FROM campus_groups g
       LEFT JOIN (${metric('group_employer')} UNION ALL ${metric('group_follow_up_open')}
                  UNION ALL ${metric('group_opportunity_open')}) r ON r.campus_group_id = g.id
      WHERE g.id = ANY(${groups})
      GROUP BY g.id ORDER BY g.name, g.id`,
    params.values,
  );
}

/** The same figures counted straight from the tables: what the roll-ups must equal (home-rollups.spec.ts). */
export async function campusGroupGlancesFromTables(
  db: Queryable,
  campusGroupIds: number[],
): Promise<CampusGroupGlanceDto[]> {
  const params = new SqlParams();
  return rows<CampusGroupGlanceDto>(
    db,
    `SELECT g.id, g.name, g.campus, count(e.id)::int AS employers,
            count(e.id) FILTER (WHERE ${NO_CONTACT('e', params)})::int AS "noContact",
            COALESCE(sum(fu.open), 0)::int AS "openFollowUps", COALESCE(sum(fu.overdue), 0)::int AS "overdueFollowUps",
            COALESCE(sum(op.count), 0)::int AS "openOpportunities", COALESCE(sum(op.places), 0)::int AS "openPlaces"
       FROM campus_groups g
       LEFT JOIN employer_campus_groups l ON l.campus_group_id = g.id
       LEFT JOIN employers e ON e.id = l.employer_id AND e.archived_at IS NULL
       LEFT JOIN LATERAL (
         SELECT count(*) AS open, count(*) FILTER (WHERE ${followUpOverdueSql('f')}) AS overdue
           FROM follow_ups f WHERE f.employer_id = e.id AND f.status = 'open') fu ON TRUE
       LEFT JOIN LATERAL (
         SELECT count(*) AS count, sum(o.expected_places) AS places
           FROM opportunities o WHERE o.employer_id = e.id AND o.stage IN ${OPEN_STAGES_SQL}) op ON TRUE
      WHERE g.id = ANY(${params.add(campusGroupIds)}::int[])
      GROUP BY g.id ORDER BY g.name, g.id`,
    params.values,
  );
}

const HELSINKI = `'Europe/Helsinki'`;

/**
 * Leadership's three figures by ISO week from `from` (a Monday): contacts logged, student places of
 * opportunities won, and open follow-ups by the week they fell due (only past-due ones); plus the
 * overdue follow-ups now. One statement, each table scanned once.
 */
export async function keyFigureWeeks(
  db: Queryable,
  scope: CampusScope,
  from: string,
): Promise<{ figure: KeyFigure | 'overdueNow'; week: string | null; value: number }[]> {
  const params = new SqlParams();
  const start = params.add(from);
  const week = (instant: string) => `date_trunc('week', ${instant} AT TIME ZONE ${HELSINKI})::date::text`;
  return rows(
    db,
    `SELECT 'contacts' AS figure, ${week('ce.occurred_at')} AS week, count(*)::int AS value
       FROM contact_entries ce
      WHERE ce.occurred_at >= ${start}::date::timestamp AT TIME ZONE ${HELSINKI}
        AND ${employerVisibleSql(scope, 'ce.employer_id', params)}
      GROUP BY 2
     UNION ALL
     SELECT 'placesWon', ${week('sc.changed_at')}, COALESCE(sum(o.expected_places), 0)::int
       FROM opportunity_stage_changes sc JOIN opportunities o ON o.id = sc.opportunity_id
      WHERE sc.to_stage = 'won' AND sc.changed_at >= ${start}::date::timestamp AT TIME ZONE ${HELSINKI}
        AND ${employerVisibleSql(scope, 'o.employer_id', params)}
      GROUP BY 2
     UNION ALL
     SELECT 'overdueFollowUps', date_trunc('week', f.due_date)::date::text, count(*)::int
       FROM follow_ups f
      WHERE ${followUpOverdueSql('f')} AND f.due_date >= ${start}::date
        AND ${employerVisibleSql(scope, 'f.employer_id', params)}
      GROUP BY 2
     UNION ALL
     SELECT 'overdueNow', NULL, count(*)::int
       FROM follow_ups f WHERE ${followUpOverdueSql('f')} AND ${employerVisibleSql(scope, 'f.employer_id', params)}`,
    params.values,
  );
}

/**
 * Active users an admin should look at: never signed in (an account nobody picked up), or a campus
 * member in no group (who then sees nothing). Newest accounts first.
 */
export async function usersNeedingAttention(db: Queryable, limit: number): Promise<HomeSection<UserAttentionDto>> {
  const found = await rows<
    Omit<UserAttentionDto, 'reasons' | 'displayName'> & {
      display_name: string;
      never_signed_in: boolean;
      no_campus_group: boolean;
      total: number;
    }
  >(
    db,
    `SELECT *, count(*) OVER ()::int AS total FROM (
       SELECT u.id, u.display_name, u.email, u.role, u.created_at, u.last_login_at IS NULL AS never_signed_in,
              (u.role = 'campus_member'
                AND NOT EXISTS (SELECT 1 FROM user_campus_groups m WHERE m.user_id = u.id)) AS no_campus_group
         FROM users u WHERE u.active) x
      WHERE x.never_signed_in OR x.no_campus_group
      ORDER BY x.created_at DESC, x.id LIMIT $1`,
    [limit],
  );
  return {
    items: found.map((row) => ({
      ...camelFields(row, ['id', 'display_name', 'email', 'role']),
      reasons: reasonsOf<UserAttentionReason>({
        never_signed_in: row.never_signed_in,
        no_campus_group: row.no_campus_group,
      }),
    })),
    total: found[0]?.total ?? 0,
  };
}

/** Campus groups nobody works in, or with no (non-archived) employers linked. */
export async function groupsNeedingAttention(db: Queryable, limit: number): Promise<HomeSection<GroupAttentionDto>> {
  const found = await rows<{
    id: number;
    name: string;
    campus: string;
    no_members: boolean;
    no_employers: boolean;
    total: number;
  }>(
    db,
    `SELECT *, count(*) OVER ()::int AS total FROM (
       SELECT g.id, g.name, g.campus,
              NOT EXISTS (SELECT 1 FROM user_campus_groups m JOIN users u ON u.id = m.user_id
                           WHERE m.campus_group_id = g.id AND u.active) AS no_members,
              NOT EXISTS (SELECT 1 FROM employer_campus_groups l JOIN employers e ON e.id = l.employer_id
                           WHERE l.campus_group_id = g.id AND e.archived_at IS NULL) AS no_employers
         FROM campus_groups g) x
      WHERE x.no_members OR x.no_employers
      ORDER BY x.name, x.id LIMIT $1`,
    [limit],
  );
  return {
    items: found.map((row) => ({
      ...camelFields(row, ['id', 'name', 'campus']),
      reasons: reasonsOf<GroupAttentionReason>({ no_members: row.no_members, no_employers: row.no_employers }),
    })),
    total: found[0]?.total ?? 0,
  };
}

function reasonsOf<R extends string>(flags: Record<R, boolean>): R[] {
  return (Object.keys(flags) as R[]).filter((reason) => flags[reason]);
}
