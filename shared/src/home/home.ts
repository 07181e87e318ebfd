import * as z from 'zod/mini';
import { idField } from '../common/fields';
import type { FollowUpDto } from '../follow-ups/follow-up';
import type { Role } from '../auth/roles';

/** `GET /api/home` takes no parameters; anything else in the query is refused. */
export const homeQuerySchema = z.strictObject({});

/** `POST /api/home/recent-employers`: the employer page was opened. */
export const recordEmployerViewSchema = z.strictObject({ employerId: idField });
export type RecordEmployerViewRequest = z.input<typeof recordEmployerViewSchema>;

/** How many items each home section shows at most; its `total` tells how many there are. */
export const HOME_SECTION_LIMIT = 10;
/** How many recently viewed employers are kept per user. */
export const RECENT_EMPLOYERS_KEPT = 10;
/** "No contact in N days", the first threshold of the dashboards. */
export const HOME_NO_CONTACT_DAYS = 90;
/** Weeks in a leadership sparkline, the current (partial) week last. */
export const HOME_SPARKLINE_WEEKS = 12;

export interface HomeSection<T> {
  items: T[];
  total: number;
}

/** The caller's open follow-ups by when they are due (Europe/Helsinki days). */
export interface HomeFollowUps {
  overdue: HomeSection<FollowUpDto>;
  today: HomeSection<FollowUpDto>;
  /** Due tomorrow up to six days from today. */
  week: HomeSection<FollowUpDto>;
}

export interface RecentEmployerDto {
  id: number;
  name: string;
  municipality: string | null;
  viewedAt: string;
}

export interface QuietEmployerDto {
  id: number;
  name: string;
  municipality: string | null;
  lastContactAt: string | null;
}

/** A campus group's status essentials, as the campus status page counts them. */
export interface CampusGroupGlanceDto {
  id: number;
  name: string;
  campus: string;
  employers: number;
  /** Employers without a contact in HOME_NO_CONTACT_DAYS days (never contacted included). */
  noContact: number;
  openFollowUps: number;
  overdueFollowUps: number;
  openOpportunities: number;
  openPlaces: number;
}

export const KEY_FIGURES = ['contacts', 'placesWon', 'overdueFollowUps'] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

/** A figure with its weekly history: `series` has HOME_SPARKLINE_WEEKS points, oldest first. */
export interface KeyFigureDto {
  key: KeyFigure;
  value: number;
  series: number[];
  /** Monday of the first week of the series. */
  seriesFrom: string;
}

export const USER_ATTENTION_REASONS = ['never_signed_in', 'no_campus_group'] as const;
export type UserAttentionReason = (typeof USER_ATTENTION_REASONS)[number];

export interface UserAttentionDto {
  id: number;
  displayName: string;
  email: string;
  role: Role;
  reasons: UserAttentionReason[];
}

export const GROUP_ATTENTION_REASONS = ['no_members', 'no_employers'] as const;
export type GroupAttentionReason = (typeof GROUP_ATTENTION_REASONS)[number];

export interface GroupAttentionDto {
  id: number;
  name: string;
  campus: string;
  reasons: GroupAttentionReason[];
}

/** `GET /api/home`: what the signed-in user's day starts with, by role. */
export type HomeDto =
  | {
      role: 'account_manager';
      today: string;
      followUps: HomeFollowUps;
      recentEmployers: RecentEmployerDto[];
      /** Employers whose account manager is the caller, not contacted in HOME_NO_CONTACT_DAYS days. */
      quietEmployers: HomeSection<QuietEmployerDto>;
    }
  | {
      role: 'campus_member';
      today: string;
      groups: CampusGroupGlanceDto[];
      followUps: HomeFollowUps;
      recentEmployers: RecentEmployerDto[];
    }
  | { role: 'leadership'; today: string; figures: KeyFigureDto[] }
  | {
      role: 'admin';
      today: string;
      users: HomeSection<UserAttentionDto>;
      groups: HomeSection<GroupAttentionDto>;
    };
