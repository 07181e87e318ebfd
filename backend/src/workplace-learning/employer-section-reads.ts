import { type EmployerWorkplaceLearningDto, feedbackSurveyState } from '@tyoelama/shared';
import { oneRow, type Queryable } from '../database/typed-query';
import { PERIOD_LAST_DAY } from './workplace-learning.table';

/**
 * The employer page's workplace learning section: one statement, one round trip. "Today" is a
 * parameter (the service's clock), so the figures never depend on the database's clock.
 */
interface EmployerSectionRow {
  years: { year: number; training_agreement: number; apprenticeship: number; total: number }[];
  ongoing: { training_agreement: number; apprenticeship: number; total: number };
  qualifications: { code: string | null; name: string | null; students: number }[];
  total_days: number;
  ended: { ended_on: string; ended_in_trial: boolean | null; qualification_name: string | null }[];
  instructors: {
    id: number;
    name: string;
    email: string | null;
    phone: string | null;
    periods: number;
    latest: string;
  }[];
  surveys: {
    code: string;
    valid_from: string;
    valid_until: string;
    answers: number;
    targets: number | null;
    url: string | null;
  }[];
  instructor_surveys: { sent: number; answered: number };
  has_data: boolean;
}

const ENDED_APPRENTICESHIPS_SHOWN = 20;
const WORKPLACE_SURVEYS_SHOWN = 20;

export async function employerWorkplaceLearning(
  db: Queryable,
  employerId: number,
  today: string,
): Promise<EmployerWorkplaceLearningDto> {
  const row = await oneRow<EmployerSectionRow>(
    db,
    `WITH p AS (SELECT * FROM workplace_learning_periods WHERE employer_id = $1),
          s AS (SELECT * FROM feedback_surveys WHERE employer_id = $1),
          by_year AS (
            SELECT y.year, p.kind, p.student_key FROM p,
              generate_series(extract(year FROM p.starts_on)::int, extract(year FROM ${PERIOD_LAST_DAY('$2')})::int) AS y(year)),
          student_days AS (
            -- A student's overlapping periods (KOSKI and eHOKS may both tell) count once.
            SELECT unnest(range_agg(daterange(p.starts_on, LEAST(COALESCE(p.ends_on, $2::date), $2::date) + 1))) AS days
              FROM p WHERE p.starts_on <= $2::date GROUP BY p.student_key)
     SELECT
       (SELECT COALESCE(json_agg(y ORDER BY y.year DESC), '[]') FROM (
          SELECT year,
                 count(DISTINCT student_key) FILTER (WHERE kind = 'training_agreement')::int AS training_agreement,
                 count(DISTINCT student_key) FILTER (WHERE kind = 'apprenticeship')::int AS apprenticeship,
                 count(DISTINCT student_key)::int AS total
            FROM by_year GROUP BY year) y) AS years,
       (SELECT json_build_object(
          'training_agreement', count(DISTINCT student_key) FILTER (WHERE kind = 'training_agreement'),
          'apprenticeship', count(DISTINCT student_key) FILTER (WHERE kind = 'apprenticeship'),
          'total', count(DISTINCT student_key))
          FROM p WHERE p.starts_on <= $2::date AND (p.ends_on IS NULL OR p.ends_on >= $2::date)) AS ongoing,
       (SELECT COALESCE(json_agg(q ORDER BY q.students DESC, q.name, q.code), '[]') FROM (
          SELECT qualification_code AS code, max(qualification_name) AS name, count(DISTINCT student_key)::int AS students
            FROM p WHERE qualification_code IS NOT NULL OR qualification_name IS NOT NULL
           GROUP BY qualification_code, CASE WHEN qualification_code IS NULL THEN qualification_name END) q) AS qualifications,
       (SELECT COALESCE(sum(upper(days) - lower(days)), 0)::int FROM student_days) AS total_days,
       (SELECT COALESCE(json_agg(a ORDER BY a.ended_on DESC), '[]') FROM (
          SELECT apprenticeship_ended_on AS ended_on, ended_in_trial, qualification_name
            FROM p WHERE apprenticeship_ended_on IS NOT NULL
           ORDER BY apprenticeship_ended_on DESC LIMIT ${ENDED_APPRENTICESHIPS_SHOWN}) a) AS ended,
       (SELECT COALESCE(json_agg(i ORDER BY i.latest DESC, i.name), '[]') FROM (
          SELECT cp.id, cp.name, cp.email, cp.phone, count(*)::int AS periods, max(p.starts_on) AS latest
            FROM p JOIN contact_persons cp ON cp.id = p.instructor_id AND cp.employer_id = p.employer_id
           WHERE cp.erased_at IS NULL
           GROUP BY cp.id) i) AS instructors,
       (SELECT COALESCE(json_agg(w ORDER BY w.valid_from DESC, w.code), '[]') FROM (
          SELECT code, valid_from, valid_until, answers, targets, url FROM s WHERE kind = 'workplace'
           ORDER BY valid_from DESC, code LIMIT ${WORKPLACE_SURVEYS_SHOWN}) w) AS surveys,
       (SELECT json_build_object('sent', count(*), 'answered', count(*) FILTER (WHERE answers > 0))
          FROM s WHERE kind = 'instructor') AS instructor_surveys,
       (EXISTS (SELECT 1 FROM p) OR EXISTS (SELECT 1 FROM s)) AS has_data`,
    [employerId, today],
  );
  const section = row!;
  return {
    employerId,
    today,
    hasData: section.has_data,
    years: section.years.map((year) => ({
      year: year.year,
      trainingAgreement: year.training_agreement,
      apprenticeship: year.apprenticeship,
      total: year.total,
    })),
    ongoing: {
      trainingAgreement: section.ongoing.training_agreement,
      apprenticeship: section.ongoing.apprenticeship,
      total: section.ongoing.total,
    },
    qualifications: section.qualifications,
    totalDays: section.total_days,
    endedApprenticeships: section.ended.map((ended) => ({
      endedOn: ended.ended_on,
      inTrialPeriod: ended.ended_in_trial,
      qualificationName: ended.qualification_name,
    })),
    instructors: section.instructors.map((instructor) => ({
      contactPersonId: instructor.id,
      name: instructor.name,
      email: instructor.email,
      phone: instructor.phone,
      periods: instructor.periods,
      latestPeriodStartsOn: instructor.latest,
    })),
    workplaceSurveys: section.surveys.map((survey) => {
      const state = feedbackSurveyState(survey.answers, survey.valid_until, today);
      return {
        code: survey.code,
        halfYear: `${survey.valid_from.slice(0, 4)}-${Number(survey.valid_from.slice(5, 7)) <= 6 ? 1 : 2}`,
        validFrom: survey.valid_from,
        validUntil: survey.valid_until,
        state,
        // The link lets anyone answer on the employer's behalf: shown only while it is of use.
        url: state === 'open' ? survey.url : null,
        answers: survey.answers,
        targets: survey.targets,
      };
    }),
    instructorSurveys: section.instructor_surveys,
  };
}
