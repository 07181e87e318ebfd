import * as z from 'zod/mini';
import type { ContactType } from '../contact-entries/contact-entry';
import { dateField, idQuery } from '../common/fields';
import { OPPORTUNITY_TYPES, type OpportunityStage, type OpportunityType } from '../opportunities/opportunity';

/** Optional `YYYY-MM-DD` query values, read as Europe/Helsinki calendar days, both ends inclusive. */
const dateQuery = z.optional(dateField);
const daysQuery = (max: number) =>
  z.optional(z.string().check(z.regex(new RegExp(`^[1-9][0-9]{0,${String(max).length - 1}}$`))));

const fromBeforeTo = z.refine<{ from?: string; to?: string }>(
  (value) => value.from === undefined || value.to === undefined || value.from <= value.to,
  { path: ['to'], message: 'The end date must not be before the start date', params: { code: 'date_range' } },
);

// ---------------------------------------------------------------------------------------------
// Pipeline summary

export const pipelineSummaryQuerySchema = z
  .strictObject({
    from: dateQuery,
    to: dateQuery,
    campusGroupId: idQuery,
    type: z.optional(z.enum(OPPORTUNITY_TYPES)),
    /** Days without a stage change or a contact entry after which an open opportunity is stale; default 30. */
    staleDays: daysQuery(3650),
  })
  .check(fromBeforeTo);
export type PipelineSummaryQuery = z.output<typeof pipelineSummaryQuerySchema>;

export const DEFAULT_STALE_DAYS = 30;
export const STALE_LIST_LIMIT = 50;

/** Opportunities of one stage × campus group × type. */
export interface PipelineRowDto {
  stage: OpportunityStage;
  campusGroupId: number;
  campusGroupName: string;
  type: OpportunityType;
  count: number;
  /** Sum of expected student places (opportunities without a number count as 0). */
  places: number;
}

export interface PipelineStageTotalDto {
  stage: OpportunityStage;
  count: number;
  places: number;
}

export interface StageDurationDto {
  stage: OpportunityStage;
  /** Stays in the stage measured (finished ones, and the current one up to now). */
  stays: number;
  /** Mean length of a stay in days, one decimal; null with no stays. */
  averageDays: number | null;
}

export interface StaleOpportunityDto {
  id: number;
  title: string;
  stage: OpportunityStage;
  employerId: number;
  employerName: string;
  /** Whole days since the later of the last stage change and the employer's last contact. */
  daysIdle: number;
}

/**
 * The pipeline summary. Period semantics (`from`/`to`, Helsinki days, inclusive):
 * - `rows`, `totalsByStage` and `averageDaysInStage` cover opportunities CREATED in the period
 *   (a cohort: where did the opportunities started in the period get to), by their current stage;
 * - `winRate` counts opportunities CLOSED in the period: current stage won or lost, reached
 *   (stage_changed_at) in the period;
 * - `stale` is always "now": open opportunities idle for `staleDays`, whatever the period.
 * Without `from`/`to` every opportunity counts. `campusGroupId` (the opportunity's group) and
 * `type` filter everything, and every figure is limited to employers the caller may read.
 */
export interface PipelineSummaryDto {
  from: string | null;
  to: string | null;
  rows: PipelineRowDto[];
  /** Every stage in pipeline order, zeros included. */
  totalsByStage: PipelineStageTotalDto[];
  winRate: { won: number; lost: number; /** won / (won + lost), 0–1, null when nothing closed. */ rate: number | null };
  /** The open stages in pipeline order; won and lost are final, so they have no duration. */
  averageDaysInStage: StageDurationDto[];
  stale: { days: number; count: number; /** The longest idle first, at most 50. */ items: StaleOpportunityDto[] };
}

// ---------------------------------------------------------------------------------------------
// Activity dashboard

export const ACTIVITY_GRANULARITIES = ['day', 'week', 'month'] as const;
export type ActivityGranularity = (typeof ACTIVITY_GRANULARITIES)[number];

/** Longest period the activity chart accepts, so a day-granular request stays small. */
export const MAX_ACTIVITY_DAYS = 3 * 366;

export const activityQuerySchema = z
  .strictObject({
    /** Default: one year back from `to`. */
    from: dateQuery,
    /** Default: today in Helsinki. */
    to: dateQuery,
    granularity: z._default(z.enum(ACTIVITY_GRANULARITIES), 'week'),
    campusGroupId: idQuery,
  })
  .check(fromBeforeTo);
export type ActivityQuery = z.output<typeof activityQuerySchema>;

export interface ActivityRowDto {
  /** First day of the bucket (Helsinki): the day, the ISO week's Monday or the month's 1st. */
  bucket: string;
  type: ContactType;
  count: number;
}

/** Entries of the whole period by the campus group that logged them. */
export interface ActivityGroupRowDto {
  campusGroupId: number;
  campusGroupName: string;
  type: ContactType;
  count: number;
}

export interface FollowUpHealthDto {
  /** Open now. */
  open: number;
  /** Open now and due before today (Helsinki). */
  overdue: number;
  /** Completed (status done) within the period. */
  done: number;
  /** Of `done`: completed on or before the due date (Helsinki date of completion). */
  doneOnTime: number;
  /** doneOnTime / done × 100, one decimal; null when nothing was done. */
  onTimePercent: number | null;
}

/**
 * Contact activity over time. Entries count when they occurred within the period (Helsinki days,
 * inclusive) on an employer the caller may read; `campusGroupId` filters entries by the group that
 * logged them, follow-ups and employers by the employer's linked groups.
 */
export interface ActivityDto {
  from: string;
  to: string;
  granularity: ActivityGranularity;
  /** Every bucket of the period in order, empty ones included. */
  buckets: { start: string; total: number }[];
  /** Entries by bucket × type; only non-zero rows. */
  rows: ActivityRowDto[];
  /**
   * Entries of the period by campus group × type; only non-zero rows. (Per group and bucket: filter
   * by `campusGroupId`. The full cube made a year's report 380 kB at 40 groups.)
   */
  byCampusGroup: ActivityGroupRowDto[];
  followUps: FollowUpHealthDto;
  /** Non-archived employers whose last contact is older than 90 / 180 days, or who were never contacted. */
  noContact: { days90: number; days180: number };
}

// ---------------------------------------------------------------------------------------------
// Campus group status

export const CAMPUS_STATUS_SORTS = ['name', 'lastContact', 'nextFollowUp', 'openOpportunities'] as const;
export type CampusStatusSort = (typeof CAMPUS_STATUS_SORTS)[number];
export const MAX_CAMPUS_STATUS_ROWS = 500;

export const campusStatusQuerySchema = z.strictObject({
  /** A sort key, `-` first for descending; default `name`. Empty values sort last either way. */
  sort: z.optional(z.enum([...CAMPUS_STATUS_SORTS, ...CAMPUS_STATUS_SORTS.map((sort) => `-${sort}` as const)])),
  /** At most 500 (the default): a campus group's employers fit one page. */
  limit: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,2}$/))),
});
export type CampusStatusQuery = z.output<typeof campusStatusQuerySchema>;

/** `none` under 90 days since the last contact; never-contacted employers are `days180`. */
export type NoContactFlag = 'none' | 'days90' | 'days180';

export interface CampusStatusRowDto {
  employerId: number;
  name: string;
  municipality: string | null;
  lastContactAt: string | null;
  /** Whole days since the last contact; null if never contacted. */
  daysSinceContact: number | null;
  noContact: NoContactFlag;
  /** The earliest open follow-up; `overdue` when its date (Helsinki) has passed. */
  nextFollowUp: { id: number; dueDate: string; title: string; overdue: boolean } | null;
  openOpportunities: number;
  openPlaces: number;
}

export interface CampusStatusDto {
  campusGroup: { id: number; name: string; campus: string };
  items: CampusStatusRowDto[];
  /** All matching employers; more than `items.length` when the limit cut the list. */
  total: number;
}
