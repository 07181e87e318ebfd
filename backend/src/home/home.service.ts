import { Injectable } from '@nestjs/common';
import {
  addDays,
  type CampusGroupGlanceDto,
  HOME_SECTION_LIMIT,
  HOME_SPARKLINE_WEEKS,
  type HomeDto,
  helsinkiDate,
  KEY_FIGURES,
  type KeyFigureDto,
  RECENT_EMPLOYERS_KEPT,
} from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { assertUnreachable, type CampusScope, readScope } from '../auth';
import { REMEMBERED_LIFETIME_MS, ResultCache } from '../cache/result-cache';
import { DataChanges } from '../cache/data-changes';
import { readableEmployer } from '../employers';
import { foldReportCounts } from '../reports';
import { dueFollowUpsOf } from '../follow-ups';
import {
  campusGroupGlances,
  groupsNeedingAttention,
  keyFigureWeeks,
  quietEmployersOf,
  usersNeedingAttention,
} from './home-sql';
import { recentEmployersOf, recordEmployerView } from './recent-employers.table';

/** The Monday that starts the ISO week of a `YYYY-MM-DD` day. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

type Day<R extends HomeDto['role']> = Extract<HomeDto, { role: R }>;
/** What is remembered of a Home: everything but the recently viewed employers, which are read every time. */
type RememberedDay<R extends 'account_manager' | 'campus_member'> = Omit<Day<R>, 'role' | 'today' | 'recentEmployers'>;

/** Remembered Homes per process: one a user and day; the whole cache is emptied when it holds more. */
const REMEMBERED_HOMES = 2_000;

@Injectable()
export class HomeService {
  private readonly figures: ResultCache<KeyFigureDto[]>;
  private readonly managerDays: ResultCache<RememberedDay<'account_manager'>>;
  private readonly memberDays: ResultCache<RememberedDay<'campus_member'>>;

  constructor(
    private readonly dataSource: DataSource,
    changes: DataChanges,
  ) {
    // Leadership's figures aggregate months of history: remembered per scope and day until the next
    // change, as the dashboard's reports are.
    this.figures = new ResultCache(changes, { lifetimeMs: REMEMBERED_LIFETIME_MS, maxEntries: 100 });
    // An account manager's and a campus member's sections, remembered per user, groups and Helsinki day
    // until the next committed change of any process (every table they read moves the shared counter).
    // "No contact in 90 days" also moves with the clock: at most the remembered lifetime late.
    const perUser = { lifetimeMs: REMEMBERED_LIFETIME_MS, maxEntries: REMEMBERED_HOMES };
    this.managerDays = new ResultCache(changes, perUser);
    this.memberDays = new ResultCache(changes, perUser);
  }

  /**
   * Every section is read with the caller's own scope, the one their lists use. The recently viewed
   * employers are read on every request: a page view moves no shared counter (it must not empty
   * every process's remembered results), so no other process could tell that it went stale.
   */
  async home(caller: AuthUser): Promise<HomeDto> {
    const today = helsinkiDate();
    const db = this.dataSource;
    // The scope is the caller's role and groups: both are part of the key, so a changed membership
    // is a different entry (the session is read afresh after it).
    const key = JSON.stringify([caller.id, caller.role, caller.campusGroupIds, today]);
    switch (caller.role) {
      case 'account_manager': {
        const scope = readScope(caller, 'employers');
        const [day, recentEmployers] = await Promise.all([
          this.managerDays.get(key, async () => {
            // The sections are independent reads: side by side, each on its own pooled connection.
            const [followUps, quietEmployers] = await Promise.all([
              dueFollowUpsOf(db, caller.id, readScope(caller, 'followUps'), HOME_SECTION_LIMIT, today),
              quietEmployersOf(db, caller.id, scope, HOME_SECTION_LIMIT),
            ]);
            return { followUps, quietEmployers };
          }),
          recentEmployersOf(db, caller.id, scope, RECENT_EMPLOYERS_KEPT),
        ]);
        return {
          role: caller.role,
          today,
          followUps: day.followUps,
          recentEmployers,
          quietEmployers: day.quietEmployers,
        };
      }
      case 'campus_member': {
        const [day, recentEmployers] = await Promise.all([
          this.memberDays.get(key, async () => {
            const [groups, followUps] = await Promise.all([
              this.groupGlances(caller.campusGroupIds),
              dueFollowUpsOf(db, caller.id, readScope(caller, 'followUps'), HOME_SECTION_LIMIT, today),
            ]);
            return { groups, followUps };
          }),
          recentEmployersOf(db, caller.id, readScope(caller, 'employers'), RECENT_EMPLOYERS_KEPT),
        ]);
        return { role: caller.role, today, groups: day.groups, followUps: day.followUps, recentEmployers };
      }
      case 'leadership':
        return { role: caller.role, today, figures: await this.keyFigures(readScope(caller, 'reports'), today) };
      case 'admin':
        return {
          role: caller.role,
          today,
          users: await usersNeedingAttention(db, HOME_SECTION_LIMIT),
          groups: await groupsNeedingAttention(db, HOME_SECTION_LIMIT),
        };
      default:
        return assertUnreachable(caller.role);
    }
  }

  /**
   * Remembers that the caller opened the employer's page. Not audited: it changes nothing anyone
   * else sees, and an audit row per page view would bury the changes the trail is for.
   */
  async recordView(caller: AuthUser, employerId: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // 404 outside the caller's groups, as the employer page itself answers.
      await readableEmployer(manager, caller, employerId);
      await recordEmployerView(manager, caller.id, employerId, RECENT_EMPLOYERS_KEPT);
    });
  }

  /** The roll-ups' pending deltas are folded first, so the deltas a glance reads stay few. */
  private async groupGlances(campusGroupIds: number[]): Promise<CampusGroupGlanceDto[]> {
    await foldReportCounts(this.dataSource);
    return campusGroupGlances(this.dataSource, campusGroupIds);
  }

  private keyFigures(scope: CampusScope, today: string): Promise<KeyFigureDto[]> {
    return this.figures.get(JSON.stringify([scope, today]), async () => {
      const from = addDays(mondayOf(today), -7 * (HOME_SPARKLINE_WEEKS - 1));
      const weeks = Array.from({ length: HOME_SPARKLINE_WEEKS }, (_, index) => addDays(from, 7 * index));
      const counted = await keyFigureWeeks(this.dataSource, scope, from);
      const valueOf = (figure: string, week: string | null) =>
        counted.find((row) => row.figure === figure && row.week === week)?.value ?? 0;
      return KEY_FIGURES.map((key) => {
        const series = weeks.map((week) => valueOf(key, week));
        // Flows (contacts, places won) count the whole period; overdue is the pile as it is now.
        const value =
          key === 'overdueFollowUps' ? valueOf('overdueNow', null) : series.reduce((sum, count) => sum + count, 0);
        return { key, value, series, seriesFrom: from };
      });
    });
  }
}
