import { Injectable } from '@nestjs/common';
import {
  type CampusStatusDto,
  type CampusStatusQuery,
  type CampusStatusRowDto,
  type CampusStatusSort,
  MAX_CAMPUS_STATUS_ROWS,
  type NoContactFlag,
} from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { SqlParams } from '../database/sql';
import { followUpOverdueSql } from '../follow-ups';
import { OPEN_STAGES_SQL } from '../opportunities';
import { daysSinceSql } from './reports-sql';

interface StatusRow {
  id: number;
  name: string;
  municipality: string | null;
  last_contact_at: Date | null;
  days_since_contact: number | null;
  next_id: number | null;
  next_due: string | null;
  next_title: string | null;
  next_overdue: boolean | null;
  open_count: number;
  open_places: number;
  total: number;
}

/** Sort keys; empty values (never contacted, nothing due) sort last in both directions. */
const SORT_KEYS: Record<CampusStatusSort, { sql: string; nullable: boolean } | null> = {
  name: null,
  lastContact: { sql: 'e.last_contact_at', nullable: true },
  nextFollowUp: { sql: 'nf.due_date', nullable: true },
  openOpportunities: { sql: 'op.count', nullable: false },
};

function orderSql(sort: CampusStatusQuery['sort']): string {
  const descending = sort?.startsWith('-') ?? false;
  const key = SORT_KEYS[(descending ? sort!.slice(1) : (sort ?? 'name')) as CampusStatusSort];
  const direction = descending ? 'DESC' : 'ASC';
  const tail = `crm_normalise(e.name) ${direction}, e.id ${direction}`;
  if (!key) return tail;
  return `${key.sql} ${direction}${key.nullable ? ' NULLS LAST' : ''}, ${tail}`;
}

/** 90 and 180 days: the "no contact for N days" thresholds of PRODUCT.md's dashboards. */
function noContactFlag(daysSinceContact: number | null): NoContactFlag {
  if (daysSinceContact === null || daysSinceContact >= 180) return 'days180';
  return daysSinceContact >= 90 ? 'days90' : 'none';
}

function toDto(row: StatusRow): CampusStatusRowDto {
  return {
    employerId: row.id,
    name: row.name,
    municipality: row.municipality,
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
    daysSinceContact: row.days_since_contact,
    noContact: noContactFlag(row.days_since_contact),
    nextFollowUp:
      row.next_id === null
        ? null
        : { id: row.next_id, dueDate: row.next_due!, title: row.next_title!, overdue: row.next_overdue === true },
    openOpportunities: row.open_count,
    openPlaces: row.open_places,
  };
}

@Injectable()
export class CampusStatusService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A campus group's non-archived employers with their activity. Figures are per employer (its
   * whole timeline, whichever campus logged it), as the group sees the employer's whole history.
   * One page of at most 500 rows, no cursor: a campus group's employers fit in it.
   */
  async status(caller: AuthUser, campusGroupId: number, query: CampusStatusQuery): Promise<CampusStatusDto> {
    const scope = readScope(caller, 'reports');
    // Another group's status answers as if the group did not exist.
    if (scope.kind === 'groups' && !scope.campusGroupIds.includes(campusGroupId))
      throw ApiException.notFound('Campus group');
    const groups: { id: number; name: string; campus: string }[] = await this.dataSource.query(
      `SELECT id, name, campus FROM campus_groups WHERE id = $1`,
      [campusGroupId],
    );
    const group = groups[0];
    if (!group) throw ApiException.notFound('Campus group');

    const params = new SqlParams();
    const limit = query.limit ? Math.min(Number(query.limit), MAX_CAMPUS_STATUS_ROWS) : MAX_CAMPUS_STATUS_ROWS;
    const rows: StatusRow[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.municipality, e.last_contact_at, ${daysSinceSql('e.last_contact_at')} AS days_since_contact,
              nf.id AS next_id, nf.due_date::text AS next_due, nf.title AS next_title, ${followUpOverdueSql('nf')} AS next_overdue,
              op.count AS open_count, op.places AS open_places, count(*) OVER ()::int AS total
         FROM employer_campus_groups l
         JOIN employers e ON e.id = l.employer_id
         LEFT JOIN LATERAL (
           SELECT f.id, f.due_date, f.title, f.status FROM follow_ups f
            WHERE f.employer_id = e.id AND f.status = 'open' ORDER BY f.due_date, f.id LIMIT 1) nf ON TRUE
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS count, COALESCE(sum(o.expected_places), 0)::int AS places FROM opportunities o
            WHERE o.employer_id = e.id AND o.stage IN ${OPEN_STAGES_SQL}) op
        WHERE l.campus_group_id = ${params.add(campusGroupId)} AND e.archived_at IS NULL
        ORDER BY ${orderSql(query.sort)}
        LIMIT ${params.add(limit)}`,
      params.values,
    );
    return { campusGroup: group, items: rows.map(toDto), total: rows[0]?.total ?? 0 };
  }
}
