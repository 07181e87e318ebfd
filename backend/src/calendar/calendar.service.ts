import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CalendarFeedDto, Role } from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import { AuditService, AuditTrail } from '../audit';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { SqlParams } from '../database/sql';
import type { RowOf } from '../database/table';
import { affectedRows, oneRow, rows } from '../database/typed-query';
import { employerVisibleSql } from '../employers';
import { campusGroupIdsOf } from '../users';
import type { calendarFeedsTable } from './calendar.table';
import { formatCalendar, type IcsEvent } from './ics';

export const FEED_PATH_PREFIX = '/api/calendar/';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface FeedOwnerRow {
  id: number;
  role: Role;
  display_name: string;
  campus_group_ids: number[];
}

interface FeedFollowUpRow {
  id: number;
  title: string;
  notes: string | null;
  due_date: string;
  employer_id: number;
  employer_name: string;
}

export function followUpEvent(row: FeedFollowUpRow, stamp: Date): IcsEvent {
  const link = `/employers/${row.employer_id}`;
  return {
    uid: `followup-${row.id}@tyoelama-crm`,
    date: row.due_date,
    summary: `${row.title} – ${row.employer_name}`,
    description: row.notes ? `${row.notes}\n\n${link}` : link,
    stamp,
  };
}

const calendarFeedAudit = new AuditTrail<{ id: number }>('calendar_feed', []);

/** A user has one feed, audited under the user's id; the token itself never goes into the trail. */
const feedEvent = (caller: AuthUser, action: string) => calendarFeedAudit.event(caller.id, action, caller, {});

@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(caller: AuthUser): Promise<CalendarFeedDto> {
    const row = await oneRow<Pick<RowOf<typeof calendarFeedsTable>, 'created_at'>>(
      this.dataSource,
      `SELECT created_at FROM calendar_feeds WHERE user_id = $1`,
      [caller.id],
    );
    return { active: row !== null, url: null, createdAt: row?.created_at.toISOString() ?? null };
  }

  /** Creates the feed or replaces its token, so the old URL stops working at once. */
  async rotate(caller: AuthUser, origin: string): Promise<CalendarFeedDto> {
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const [row] = await rows<Pick<RowOf<typeof calendarFeedsTable>, 'created_at'> & { rotated: boolean }>(
        manager,
        `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
         RETURNING created_at, (xmax <> 0) AS rotated`,
        [caller.id, tokenHash(token)],
      );
      await this.audit.record(manager, feedEvent(caller, row.rotated ? 'rotate' : 'create'));
      return { active: true, url: `${origin}${FEED_PATH_PREFIX}${token}.ics`, createdAt: row.created_at.toISOString() };
    });
  }

  async revoke(caller: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const deleted = await affectedRows(manager, `DELETE FROM calendar_feeds WHERE user_id = $1`, [caller.id]);
      if (deleted > 0) {
        await this.audit.record(manager, feedEvent(caller, 'revoke'));
      }
    });
  }

  /**
   * The feed behind a token: the owner's open follow-ups as all-day events. Unknown, revoked and
   * rotated tokens, and feeds of deactivated users, answer 404 alike.
   */
  async feed(token: string): Promise<string> {
    const owner = await this.feedOwner(token);
    const params = new SqlParams();
    // The owner's current rights still apply: a campus member who left a group loses its employers.
    const visible = employerVisibleSql(
      readScope({ role: owner.role, campusGroupIds: owner.campus_group_ids }, 'followUps'),
      'f.employer_id',
      params,
    );
    const followUps = await rows<FeedFollowUpRow>(
      this.dataSource,
      `SELECT f.id, f.title, f.notes, f.due_date::text AS due_date, f.employer_id, e.name AS employer_name
         FROM follow_ups f JOIN employers e ON e.id = f.employer_id
        WHERE f.assignee_id = ${params.add(owner.id)} AND f.status = 'open' AND ${visible}
        ORDER BY f.due_date, f.id`,
      params.values,
    );
    const stamp = new Date();
    return formatCalendar(
      `Työelämä CRM – ${owner.display_name}`,
      followUps.map((row) => followUpEvent(row, stamp)),
    );
  }

  private async feedOwner(token: string): Promise<FeedOwnerRow> {
    const owner = await oneRow<FeedOwnerRow>(
      this.dataSource,
      `SELECT u.id, u.role, u.display_name, ${campusGroupIdsOf('u.id')} AS campus_group_ids
         FROM calendar_feeds c JOIN users u ON u.id = c.user_id
        WHERE c.token_hash = $1 AND u.active`,
      [tokenHash(token)],
    );
    if (!owner) throw ApiException.notFound('Calendar feed');
    return { ...owner, campus_group_ids: owner.campus_group_ids.map(Number) };
  }
}
