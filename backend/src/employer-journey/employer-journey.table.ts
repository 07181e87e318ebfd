import {
  currentJourneyStep,
  EMPLOYER_JOURNEY_STEPS,
  type EmployerJourneyDto,
  type EmployerJourneyStep,
  type EmployerJourneyStepDto,
} from '@tyoelama/shared';
import { date, defineTable, integer, timestamptz, varchar } from '../database/table';
import { HELSINKI_TODAY } from '../database/sql';
import { oneRow, type Queryable, rows } from '../database/typed-query';

/** A journey step's date set by hand (migration EmployerJourneySteps); `reached_on` NULL = cleared. */
export const employerJourneyStepsTable = defineTable('employer_journey_steps', {
  employer_id: integer(),
  step: varchar(30).as<EmployerJourneyStep>(),
  reached_on: date().orNull(),
  set_by: integer().orNull(),
  set_at: timestamptz(),
  version: integer(),
});

/** The steps the data can tell (EMPLOYER_JOURNEY_RULES), as dates `YYYY-MM-DD`, plus the instructor hint. */
type DerivedDates = Partial<Record<EmployerJourneyStep, string | null>> & { instructor_named: string | null };

interface ManualStep {
  step: EmployerJourneyStep;
  reached_on: string | null;
  set_at: string;
  set_by_name: string | null;
  version: number;
}

/** A timestamp's calendar day in Helsinki. */
const helsinkiDay = (column: string) => `(${column} AT TIME ZONE 'Europe/Helsinki')::date`;

/**
 * The journey of one employer in one statement: each derivable step's date by the rules written in
 * EMPLOYER_JOURNEY_RULES (shared), and the steps set by hand. No derived date lies after today: a
 * contact logged for tomorrow or a period starting next month has not happened yet.
 */
const JOURNEY_SQL = `
  WITH periods AS (
    SELECT starts_on, ends_on, instructor_id, ${helsinkiDay('imported_at')} AS imported_on
      FROM workplace_learning_periods WHERE employer_id = $1
  ),
  entries AS (
    SELECT type, topics, ${helsinkiDay('occurred_at')} AS occurred_on
      FROM contact_entries WHERE employer_id = $1 AND ${helsinkiDay('occurred_at')} <= ${HELSINKI_TODAY}
  ),
  won AS (
    SELECT o.type, min(${helsinkiDay('sc.changed_at')}) AS won_on
      FROM opportunities o JOIN opportunity_stage_changes sc ON sc.opportunity_id = o.id AND sc.to_stage = 'won'
     WHERE o.employer_id = $1
     GROUP BY o.type
  ),
  partner AS (
    -- Partner since the last change of the status to partner (or creation, when no change is on record).
    SELECT (${helsinkiDay(`COALESCE(
        (SELECT max(ae.occurred_at) FROM audit_events ae
          WHERE ae.entity_type = 'employer' AND ae.entity_id = e.id AND ae.changes->'status'->>1 = 'partner'),
        e.created_at)`)} + interval '1 year')::date AS year_on
      FROM employers e WHERE e.id = $1 AND e.status = 'partner'
  )
  SELECT
    (SELECT min(occurred_on) FROM entries)::text AS first_contact,
    LEAST(
      (SELECT min(won_on) FROM won WHERE type IN ('training_agreement', 'apprenticeship')),
      (SELECT min(LEAST(starts_on, imported_on)) FROM periods)
    )::text AS agreement,
    (SELECT min(occurred_on) FROM entries
      WHERE 'instructor_training' = ANY(topics) AND type IN ('meeting', 'workplace_visit', 'event'))::text
      AS instructor_briefing,
    (SELECT min(ce.occurred_on) FROM entries ce
      WHERE ce.type = 'workplace_visit'
        AND EXISTS (SELECT 1 FROM periods p
                     WHERE ce.occurred_on BETWEEN p.starts_on AND COALESCE(p.ends_on, 'infinity'::date)))::text
      AS guidance,
    (SELECT min(LEAST(valid_until, ${helsinkiDay('imported_at')})) FROM feedback_surveys
      WHERE employer_id = $1 AND answers > 0)::text AS feedback,
    LEAST(
      (SELECT min(starts_on) FROM periods
        WHERE starts_on <= ${HELSINKI_TODAY}
          AND date_part('year', starts_on) > (SELECT min(date_part('year', starts_on)) FROM periods)),
      (SELECT year_on FROM partner WHERE year_on <= ${HELSINKI_TODAY}),
      (SELECT min(won_on) FROM won WHERE type = 'recruitment')
    )::text AS continuing_partnership,
    LEAST(
      (SELECT min(LEAST(starts_on, imported_on)) FROM periods WHERE instructor_id IS NOT NULL),
      (SELECT min(${helsinkiDay('created_at')}) FROM contact_persons
        WHERE employer_id = $1 AND 'workplace_instructor' = ANY(roles))
    )::text AS instructor_named,
    (SELECT COALESCE(json_agg(json_build_object(
        'step', s.step, 'reached_on', s.reached_on::text, 'set_at', s.set_at, 'set_by_name', u.display_name,
        'version', s.version)), '[]'::json)
       FROM employer_journey_steps s LEFT JOIN users u ON u.id = s.set_by
      WHERE s.employer_id = $1) AS manual`;

/** The employer's journey: derived dates, overridden by those set by hand. */
export async function readEmployerJourney(db: Queryable, employerId: number): Promise<EmployerJourneyDto> {
  const row = await oneRow<DerivedDates & { manual: ManualStep[] }>(db, JOURNEY_SQL, [employerId]);
  const manual = new Map((row?.manual ?? []).map((step) => [step.step, step]));
  const steps = EMPLOYER_JOURNEY_STEPS.map((step): EmployerJourneyStepDto => {
    const derivedOn = row?.[step] ?? null;
    const set = manual.get(step);
    const manualOn = set?.reached_on ?? null;
    return {
      step,
      reachedOn: manualOn ?? derivedOn,
      source: manualOn !== null ? 'manual' : derivedOn !== null ? 'derived' : null,
      derivedOn,
      manualOn,
      setByName: manualOn !== null ? (set?.set_by_name ?? null) : null,
      setAt: manualOn !== null && set ? new Date(set.set_at).toISOString() : null,
      version: set?.version ?? 0,
    };
  });
  return {
    employerId,
    steps,
    currentStep: currentJourneyStep(steps),
    instructorNamedOn: row?.instructor_named ?? null,
  };
}

/** The step's manual date and version as stored, locked for the change (null: never set by hand). */
export async function lockJourneyStep(
  db: Queryable,
  employerId: number,
  step: EmployerJourneyStep,
): Promise<{ reachedOn: string | null; version: number } | null> {
  const row = await oneRow<{ reached_on: string | null; version: number }>(
    db,
    `SELECT reached_on::text, version FROM employer_journey_steps WHERE employer_id = $1 AND step = $2 FOR UPDATE`,
    [employerId, step],
  );
  return row && { reachedOn: row.reached_on, version: row.version };
}

/**
 * Saves the step's manual date if the stored version is still `version` (0: no row yet). False when
 * someone saved it meanwhile: the caller answers 409.
 */
export async function saveJourneyStep(
  db: Queryable,
  change: { employerId: number; step: EmployerJourneyStep; reachedOn: string | null; version: number; setBy: number },
): Promise<boolean> {
  const values = [change.employerId, change.step, change.reachedOn, change.setBy];
  const saved =
    change.version === 0
      ? await rows(
          db,
          `INSERT INTO employer_journey_steps (employer_id, step, reached_on, set_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (employer_id, step) DO NOTHING RETURNING version`,
          values,
        )
      : await rows(
          db,
          `UPDATE employer_journey_steps SET reached_on = $3, set_by = $4, set_at = now(), version = version + 1
            WHERE employer_id = $1 AND step = $2 AND version = $5 RETURNING version`,
          [...values, change.version],
        );
  return saved.length === 1;
}
