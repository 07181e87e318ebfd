import type { FeedbackSurveyKind, WorkplaceLearningKind, WorkplaceLearningSource } from '@tyoelama/shared';
import {
  boolean,
  char,
  date,
  defineTable,
  integer,
  smallint,
  textArray,
  timestamptz,
  varchar,
} from '../database/table';

/**
 * A student's period at a workplace, from KOSKI or eHOKS (migration WorkplaceLearning). The keys are
 * keyed hashes: the same period in a re-imported file or in the other source has the same
 * period_key, the same student the same student_key.
 */
export const workplaceLearningPeriodsTable = defineTable('workplace_learning_periods', {
  id: integer(),
  period_key: char(64),
  student_key: char(64),
  sources: textArray().as<WorkplaceLearningSource[]>(),
  employer_id: integer().orNull(),
  business_id: varchar(9).orNull(),
  workplace_name: varchar(300).orNull(),
  kind: varchar(20).as<WorkplaceLearningKind>(),
  starts_on: date(),
  ends_on: date().orNull(),
  qualification_code: varchar(20).orNull(),
  qualification_name: varchar(300).orNull(),
  campus_name: varchar(300).orNull(),
  part_time_percent: smallint().orNull(),
  instructor_id: integer().orNull(),
  apprenticeship_ended_on: date().orNull(),
  ended_in_trial: boolean().orNull(),
  imported_at: timestamptz(),
});

/**
 * The last day of period `p` as SQL, `today` being the SQL of a `YYYY-MM-DD` parameter (the service's
 * clock, never the database's): a period without an end date is ongoing, so it counts up to today
 * (or its start, when it starts later).
 */
export const PERIOD_LAST_DAY = (today: string) => `COALESCE(p.ends_on, GREATEST(${today}::date, p.starts_on))`;

/** A Työelämäpalaute survey from an Arvo export; `code` is Arvo's tunnus. */
export const feedbackSurveysTable = defineTable('feedback_surveys', {
  id: integer(),
  kind: varchar(20).as<FeedbackSurveyKind>(),
  code: varchar(100),
  employer_id: integer().orNull(),
  business_id: varchar(9).orNull(),
  workplace_name: varchar(300).orNull(),
  url: varchar(500).orNull(),
  valid_from: date(),
  valid_until: date(),
  answers: integer(),
  targets: integer().orNull(),
  period_count: integer().orNull(),
  period_days: integer().orNull(),
  qualification_code: varchar(20).orNull(),
  qualification_name: varchar(300).orNull(),
  campus_name: varchar(300).orNull(),
  period_starts_on: date().orNull(),
  period_ends_on: date().orNull(),
  contract_type: varchar(30).orNull(),
  state: varchar(30).orNull(),
  imported_at: timestamptz(),
});
