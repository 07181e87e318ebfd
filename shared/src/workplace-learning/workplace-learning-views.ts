import * as z from 'zod/mini';
import { dateField, idQuery } from '../common/fields';
import type { FeedbackSurveyState, WorkplaceLearningKind } from './workplace-learning';

/**
 * What the CRM reads out of the national VET data: an employer's workplace-learning section, the
 * call lists built on it, and the leadership dashboard's figures. Dates are `YYYY-MM-DD`.
 */

// ---------------------------------------------------------------------------------------------
// Employer page section

/** Distinct students hosted in a calendar year (a period counts in every year it overlaps). */
export interface HostedYearDto {
  year: number;
  trainingAgreement: number;
  apprenticeship: number;
  /** Distinct students of either kind: a student with both kinds in the year counts once. */
  total: number;
}

export interface HostedQualificationDto {
  code: string | null;
  name: string | null;
  students: number;
}

export interface EndedApprenticeshipDto {
  endedOn: string;
  /** Ended during the trial period (KOSKI purettuKoeajalla); null when the export did not say. */
  inTrialPeriod: boolean | null;
  qualificationName: string | null;
}

/** A contact person named as the workplace instructor of at least one period. */
export interface WorkplaceInstructorDto {
  contactPersonId: number;
  name: string;
  email: string | null;
  phone: string | null;
  periods: number;
  /** Start of the instructor's latest period. */
  latestPeriodStartsOn: string;
}

/** A Työelämäpalaute workplace survey (one per employer per half-year). */
export interface WorkplaceSurveyDto {
  code: string;
  /** `2026-1` (January–June) or `2026-2` (July–December): the half-year the survey opened in. */
  halfYear: string;
  validFrom: string;
  validUntil: string;
  state: FeedbackSurveyState;
  /** The answer link, only while the survey is open. */
  url: string | null;
  answers: number;
  targets: number | null;
}

export interface EmployerWorkplaceLearningDto {
  employerId: number;
  /** The day the figures were computed for (Helsinki). */
  today: string;
  /** False when no period or survey names this employer: the UI then says where the data comes from. */
  hasData: boolean;
  /** Latest year first. */
  years: HostedYearDto[];
  ongoing: { trainingAgreement: number; apprenticeship: number; total: number };
  /** Most students first. */
  qualifications: HostedQualificationDto[];
  /** Days at the workplace up to today, a student's overlapping periods counted once. */
  totalDays: number;
  /** Latest first, at most 20. */
  endedApprenticeships: EndedApprenticeshipDto[];
  instructors: WorkplaceInstructorDto[];
  /** Latest first. */
  workplaceSurveys: WorkplaceSurveyDto[];
  instructorSurveys: { sent: number; answered: number };
}

// ---------------------------------------------------------------------------------------------
// Call lists

/**
 * - `no-recent-contact`: hosting students now, no contact entry in the last 90 days;
 * - `survey-deadline`: an open, unanswered workplace survey closing within 30 days;
 * - `lapsed-hosts`: hosted students last year, none this year;
 * - `periods-without-business-id`: periods whose workplace has no Y-tunnus;
 * - `unknown-business-ids`: periods whose Y-tunnus matches no employer, one row per Y-tunnus.
 * The last two belong to no employer and so to no campus group: only roles that read every
 * employer (admin, account managers, leadership) see them.
 */
export const CALL_LISTS = [
  'no-recent-contact',
  'survey-deadline',
  'lapsed-hosts',
  'periods-without-business-id',
  'unknown-business-ids',
] as const;
export type CallList = (typeof CALL_LISTS)[number];
export const EMPLOYER_CALL_LISTS = ['no-recent-contact', 'survey-deadline', 'lapsed-hosts'] as const;
export type EmployerCallList = (typeof EMPLOYER_CALL_LISTS)[number];

export function isEmployerCallList(list: CallList): list is EmployerCallList {
  return (EMPLOYER_CALL_LISTS as readonly string[]).includes(list);
}

export const NO_RECENT_CONTACT_DAYS = 90;
export const SURVEY_DEADLINE_DAYS = 30;
export const CALL_LIST_DEFAULT_LIMIT = 50;
export const CALL_LIST_MAX_LIMIT = 200;

export const callListQuerySchema = z.strictObject({
  /** Employers linked to this campus group (employer lists only). */
  campusGroupId: idQuery,
  limit: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,2}$/))),
  offset: z.optional(z.string().check(z.regex(/^(0|[1-9][0-9]{0,5})$/))),
});
export type CallListQuery = z.output<typeof callListQuerySchema>;

/** An employer on a call list, with the figure that put it there. */
export interface CallListEmployerRowDto {
  employerId: number;
  employerName: string;
  accountManagerName: string | null;
  lastContactAt: string | null;
  /** Students at the workplace today (no-recent-contact). */
  studentsNow: number | null;
  /** The survey's last day and link (survey-deadline). */
  surveyDeadline: string | null;
  surveyUrl: string | null;
  /** Distinct students last calendar year (lapsed-hosts). */
  lastYearStudents: number | null;
}

export interface PeriodWithoutBusinessIdDto {
  id: number;
  workplaceName: string | null;
  kind: WorkplaceLearningKind;
  startsOn: string;
  endsOn: string | null;
  qualificationCode: string | null;
  qualificationName: string | null;
  campusName: string | null;
}

export interface UnknownBusinessIdDto {
  businessId: string;
  workplaceName: string | null;
  periods: number;
  students: number;
  latestStartsOn: string;
  campusNames: string[];
}

export interface CallListRows {
  'no-recent-contact': CallListEmployerRowDto;
  'survey-deadline': CallListEmployerRowDto;
  'lapsed-hosts': CallListEmployerRowDto;
  'periods-without-business-id': PeriodWithoutBusinessIdDto;
  'unknown-business-ids': UnknownBusinessIdDto;
}

/** One page of a call list: `total` rows match, `items` start at `offset`. */
export interface CallListPageDto<L extends CallList = CallList> {
  list: L;
  today: string;
  total: number;
  offset: number;
  items: CallListRows[L][];
}

// ---------------------------------------------------------------------------------------------
// Leadership dashboard

export const workplaceLearningDashboardQuerySchema = z
  .strictObject({
    /** Default: a year before `to`. */
    from: z.optional(dateField),
    /** Default: today in Helsinki. */
    to: z.optional(dateField),
    campusGroupId: idQuery,
  })
  .check(
    z.refine((value) => value.from === undefined || value.to === undefined || value.from <= value.to, {
      path: ['to'],
      message: 'The end date must not be before the start date',
      params: { code: 'date_range' },
    }),
  );
export type WorkplaceLearningDashboardQuery = z.output<typeof workplaceLearningDashboardQuerySchema>;

/** kevät = January–July, syksy = August–December. */
export type TermSeason = 'spring' | 'autumn';

export interface HostedTermRowDto {
  campusGroupId: number;
  campusGroupName: string;
  /** `2026-spring` */
  term: string;
  year: number;
  season: TermSeason;
  trainingAgreement: number;
  apprenticeship: number;
}

export interface SurveyResponseRateDto {
  campusGroupId: number;
  campusGroupName: string;
  answered: number;
  /** Answered, or unanswered with the deadline passed. */
  due: number;
  /** answered / due, 0–1; null when nothing was due. */
  rate: number | null;
}

/**
 * Students hosted per campus group (the employer's linked groups), kind and term for the terms
 * overlapping `from`–`to`; the workplace-survey response rate per group over surveys whose last
 * day falls within `from`–`to`.
 */
export interface WorkplaceLearningDashboardDto {
  from: string;
  to: string;
  terms: string[];
  hosted: HostedTermRowDto[];
  responseRates: SurveyResponseRateDto[];
}
