import { Injectable } from '@nestjs/common';
import {
  type ActivityDto,
  addDays,
  type ActivityGranularity,
  type ActivityGroupRowDto,
  type ActivityQuery,
  type ActivityRowDto,
  type ContactType,
  type FollowUpHealthDto,
  helsinkiDate,
  MAX_ACTIVITY_DAYS,
} from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth';
import { type CampusScope, readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import type { JsonText } from '../http/json-text';
import { employerVisibleSql } from '../employers';
import { camelFields } from '../database/record-fields';
import { followUpOverdueSql } from '../follow-ups';
import { HELSINKI_TODAY, SqlParams } from '../database/sql';
import { foldReportCounts, NO_PARALLEL_WORKERS_SQL, reportCountsSql } from './report-counts';
import { CachedReport, employerInGroupSql, HELSINKI, helsinkiDaysSql, where } from './reports-sql';

interface Period {
  from: string;
  to: string;
  granularity: ActivityGranularity;
  campusGroupId: number | null;
}

/** A row of one of the two groupings: bucket × type (no group) or group × type (no bucket). */
interface ActivityCountRow {
  bucket: string | null;
  type: ContactType;
  campus_group_id: number | null;
  campus_group_name: string | null;
  count: number;
}

interface FollowUpHealthRow {
  open: number;
  overdue: number;
  done: number;
  done_on_time: number;
}

function followUpHealthOf(row: FollowUpHealthRow): FollowUpHealthDto {
  return {
    ...camelFields(row, ['open', 'overdue', 'done', 'done_on_time']),
    onTimePercent: row.done === 0 ? null : Math.round((row.done_on_time / row.done) * 1000) / 10,
  };
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** Defaults: up to today (Helsinki), one year back. */
function periodOf(query: ActivityQuery): Period {
  const to = query.to ?? (query.from && query.from > helsinkiDate() ? query.from : helsinkiDate());
  const from = query.from ?? addDays(to, -364);
  if (daysBetween(from, to) >= MAX_ACTIVITY_DAYS) {
    throw ApiException.field('from', 'range_too_long', `The period may span at most ${MAX_ACTIVITY_DAYS} days`);
  }
  return {
    from,
    to,
    granularity: query.granularity,
    campusGroupId: query.campusGroupId ? Number(query.campusGroupId) : null,
  };
}

/** Bucket start (Helsinki day) of an instant; ISO weeks start on Monday, as date_trunc('week') does. */
function bucketSql(column: string, params: SqlParams, granularity: ActivityGranularity): string {
  return `date_trunc(${params.add(granularity)}, ${column} AT TIME ZONE ${HELSINKI})::date::text`;
}

@Injectable()
export class ActivityService extends CachedReport<Period, ActivityDto> {
  activity(caller: AuthUser, query: ActivityQuery): Promise<JsonText<ActivityDto>> {
    return this.report(caller, periodOf(query));
  }

  /**
   * The whole-college view reads the roll-ups (report-counts.ts), folded just before; a campus
   * member's own groups, or a group filter on the employer's groups, count from the tables, which
   * the scope narrows to that group's share.
   */
  protected async compute(scope: CampusScope, period: Period): Promise<ActivityDto> {
    if (scope.kind !== 'all') return this.computeFromTables(scope, period);
    await foldReportCounts(this.dataSource);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query(NO_PARALLEL_WORKERS_SQL);
      const byGroup = period.campusGroupId !== null;
      return this.assemble(manager, period, {
        entries: await this.entriesFromRollups(manager, period),
        followUps: byGroup
          ? await this.followUpHealth(manager, scope, period)
          : await this.followUpHealthFromRollups(manager, period),
        noContact: byGroup ? await this.noContact(manager, scope, period) : await this.noContactFromRollups(manager),
      });
    });
  }

  /** The straightforward answer from the tables, never remembered: what the roll-ups must equal (reports.spec.ts). */
  activityFromTables(caller: Pick<AuthUser, 'role' | 'campusGroupIds'>, query: ActivityQuery): Promise<ActivityDto> {
    return this.computeFromTables(readScope(caller, 'reports'), periodOf(query));
  }

  private computeFromTables(scope: CampusScope, period: Period): Promise<ActivityDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) =>
      this.assemble(manager, period, {
        entries: await this.entries(manager, scope, period),
        followUps: await this.followUpHealth(manager, scope, period),
        noContact: await this.noContact(manager, scope, period),
      }),
    );
  }

  private async assemble(
    manager: EntityManager,
    period: Period,
    parts: {
      entries: { rows: ActivityRowDto[]; byCampusGroup: ActivityGroupRowDto[] };
      followUps: FollowUpHealthDto;
      noContact: { days90: number; days180: number };
    },
  ): Promise<ActivityDto> {
    const { rows, byCampusGroup } = parts.entries;
    const starts = await this.bucketStarts(manager, period);
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(row.bucket, (totals.get(row.bucket) ?? 0) + row.count);
    return {
      from: period.from,
      to: period.to,
      granularity: period.granularity,
      buckets: starts.map((start) => ({ start, total: totals.get(start) ?? 0 })),
      rows,
      byCampusGroup,
      followUps: parts.followUps,
      noContact: parts.noContact,
    };
  }

  private async bucketStarts(manager: EntityManager, period: Period): Promise<string[]> {
    const params = new SqlParams();
    const granularity = params.add(period.granularity);
    const rows: { start: string }[] = await manager.query(
      `SELECT day::date::text AS start
         FROM generate_series(date_trunc(${granularity}, ${params.add(period.from)}::date::timestamp),
                              ${params.add(period.to)}::date::timestamp, ('1 ' || ${granularity}::text)::interval) AS day`,
      params.values,
    );
    return rows.map((row) => row.start);
  }

  /**
   * Entries by when they happened and by the group that logged them, on employers the caller may
   * read: one scan, two groupings. Counted first and named after: joining the group names to each
   * of a year's entries made PostgreSQL sort them all (0.9 s at 350 000 entries).
   */
  private async entries(
    manager: EntityManager,
    scope: CampusScope,
    period: Period,
  ): Promise<{ rows: ActivityRowDto[]; byCampusGroup: ActivityGroupRowDto[] }> {
    const params = new SqlParams();
    const conditions = [
      employerVisibleSql(scope, 'ce.employer_id', params),
      ...helsinkiDaysSql('ce.occurred_at', period.from, period.to, params),
    ];
    if (period.campusGroupId !== null) conditions.push(`ce.campus_group_id = ${params.add(period.campusGroupId)}`);
    return this.countedEntries(
      manager,
      `SELECT ${bucketSql('ce.occurred_at', params, period.granularity)} AS bucket, ce.type, ce.campus_group_id,
              count(*)::int AS count
         FROM contact_entries ce
        WHERE ${where(conditions)}
        GROUP BY GROUPING SETS ((1, 2), (2, 3))`,
      params,
    );
  }

  /**
   * As entries(), from the roll-ups: buckets from the per-day counts by type (by group too when the
   * period is filtered to one group), groups from whole months plus the days at the period's edges.
   * A year is then a few thousand rows whatever the history.
   */
  private async entriesFromRollups(
    manager: EntityManager,
    period: Period,
  ): Promise<{ rows: ActivityRowDto[]; byCampusGroup: ActivityGroupRowDto[] }> {
    const params = new SqlParams();
    const from = `${params.add(period.from)}::date`;
    const to = `${params.add(period.to)}::date`;
    const group = period.campusGroupId === null ? null : params.add(period.campusGroupId);
    const inGroup = group === null ? 'TRUE' : `r.campus_group_id = ${group}`;
    // The whole months inside the period: [firstMonth, endMonth).
    const firstMonth = `(date_trunc('month', (${from} - 1)::timestamp) + interval '1 month')::date`;
    const endMonth = `date_trunc('month', (${to} + 1)::timestamp)::date`;
    const inPeriod = `r.day >= ${from} AND r.day <= ${to}`;
    const inMonths = `r.day >= ${firstMonth} AND r.day < ${endMonth}`;
    // A date is truncated as a timestamp (not the session-zone timestamptz date_trunc would pick).
    return this.countedEntries(
      manager,
      `SELECT date_trunc(${params.add(period.granularity)}, r.day::timestamp)::date::text AS bucket, r.label AS type,
              NULL::int AS campus_group_id, sum(r.n)::int AS count
         FROM ${reportCountsSql(group === null ? `'entry_day'` : `'entry'`)} r
        WHERE ${inPeriod} AND ${inGroup}
        GROUP BY 1, 2 HAVING sum(r.n) <> 0
       UNION ALL
       SELECT NULL, g.label, g.campus_group_id, sum(g.n)::int
         FROM (SELECT r.label, r.campus_group_id, r.n FROM ${reportCountsSql(`'entry_month'`)} r
                WHERE ${inMonths} AND ${inGroup}
               UNION ALL
               SELECT r.label, r.campus_group_id, r.n FROM ${reportCountsSql(`'entry'`)} r
                WHERE ${inPeriod} AND NOT (${inMonths}) AND ${inGroup}) g
        GROUP BY 2, 3 HAVING sum(g.n) <> 0`,
      params,
    );
  }

  /** Names the groups of `countsSql` (bucket × type, group × type) and splits the two groupings. */
  private async countedEntries(
    manager: EntityManager,
    countsSql: string,
    params: SqlParams,
  ): Promise<{ rows: ActivityRowDto[]; byCampusGroup: ActivityGroupRowDto[] }> {
    const counted: ActivityCountRow[] = await manager.query(
      `SELECT counts.bucket, counts.type, counts.campus_group_id, cg.name AS campus_group_name, counts.count
         FROM (${countsSql}) counts
         LEFT JOIN campus_groups cg ON cg.id = counts.campus_group_id
        ORDER BY counts.bucket, cg.name, counts.campus_group_id, counts.type`,
      params.values,
    );
    const rows: ActivityRowDto[] = [];
    const byCampusGroup: ActivityGroupRowDto[] = [];
    for (const row of counted) {
      if (row.bucket !== null) rows.push({ bucket: row.bucket, type: row.type, count: row.count });
      else {
        byCampusGroup.push({
          campusGroupId: row.campus_group_id!,
          campusGroupName: row.campus_group_name!,
          type: row.type,
          count: row.count,
        });
      }
    }
    return { rows, byCampusGroup };
  }

  /** Open and overdue are as of now; done and on time count completions within the period. */
  private async followUpHealth(manager: EntityManager, scope: CampusScope, period: Period): Promise<FollowUpHealthDto> {
    const params = new SqlParams();
    const conditions = [employerVisibleSql(scope, 'f.employer_id', params)];
    if (period.campusGroupId !== null)
      conditions.push(employerInGroupSql('f.employer_id', period.campusGroupId, params));
    const doneInPeriod = where([
      `f.status = 'done'`,
      ...helsinkiDaysSql('f.completed_at', period.from, period.to, params),
    ]);
    const [row]: FollowUpHealthRow[] = await manager.query(
      `SELECT count(*) FILTER (WHERE f.status = 'open')::int AS open,
              count(*) FILTER (WHERE ${followUpOverdueSql('f')})::int AS overdue,
              count(*) FILTER (WHERE ${doneInPeriod})::int AS done,
              count(*) FILTER (WHERE ${doneInPeriod}
                AND (f.completed_at AT TIME ZONE ${HELSINKI})::date <= f.due_date)::int AS done_on_time
         FROM follow_ups f WHERE ${where(conditions)}`,
      params.values,
    );
    return followUpHealthOf(row);
  }

  /** As followUpHealth() for every employer: open ones by due date, done ones by Helsinki completion day. */
  private async followUpHealthFromRollups(manager: EntityManager, period: Period): Promise<FollowUpHealthDto> {
    const params = new SqlParams();
    const doneInPeriod = `r.day >= ${params.add(period.from)}::date AND r.day <= ${params.add(period.to)}::date`;
    const [row]: FollowUpHealthRow[] = await manager.query(
      `SELECT COALESCE(sum(r.n) FILTER (WHERE r.metric = 'follow_up_open'), 0)::int AS open,
              COALESCE(sum(r.n) FILTER (WHERE r.metric = 'follow_up_open' AND r.day < ${HELSINKI_TODAY}), 0)::int AS overdue,
              COALESCE(sum(r.n) FILTER (WHERE r.metric = 'follow_up_done' AND ${doneInPeriod}), 0)::int AS done,
              COALESCE(sum(r.n) FILTER (WHERE r.metric = 'follow_up_done' AND ${doneInPeriod} AND r.label = 'on_time'), 0)::int
                AS done_on_time
         FROM (SELECT 'follow_up_open' AS metric, * FROM ${reportCountsSql(`'follow_up_open'`)} o
               UNION ALL SELECT 'follow_up_done', * FROM ${reportCountsSql(`'follow_up_done'`)} d) r`,
      params.values,
    );
    return followUpHealthOf(row);
  }

  /** Never-contacted employers count as not contacted for any number of days. */
  private async noContact(manager: EntityManager, scope: CampusScope, period: Period) {
    const params = new SqlParams();
    const conditions = [employerVisibleSql(scope, 'e.id', params), 'e.archived_at IS NULL'];
    if (period.campusGroupId !== null) conditions.push(employerInGroupSql('e.id', period.campusGroupId, params));
    const [row]: { days90: number; days180: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE e.last_contact_at IS NULL OR e.last_contact_at < now() - interval '90 days')::int AS days90,
              count(*) FILTER (WHERE e.last_contact_at IS NULL OR e.last_contact_at < now() - interval '180 days')::int AS days180
         FROM employers e WHERE ${where(conditions)}`,
      params.values,
    );
    return { days90: row.days90, days180: row.days180 };
  }

  /**
   * As noContact() for every employer: whole UTC days before the cutoff's day from the roll-up,
   * the cutoff's own day (a few hundred employers) from the last-contact index.
   */
  private async noContactFromRollups(manager: EntityManager): Promise<{ days90: number; days180: number }> {
    const count = (days: number) =>
      `(SELECT COALESCE(sum(r.n), 0) FROM ${reportCountsSql(`'employer_last_contact'`)} r
         WHERE r.day < ((now() - interval '${days} days') AT TIME ZONE 'UTC')::date)
       + (SELECT count(*) FROM employers e
           WHERE e.archived_at IS NULL
             AND e.last_contact_at >= date_trunc('day', (now() - interval '${days} days') AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
             AND e.last_contact_at < now() - interval '${days} days')`;
    const [row]: { days90: number; days180: number }[] = await manager.query(
      `SELECT (${count(90)})::int AS days90, (${count(180)})::int AS days180`,
    );
    return row;
  }
}
