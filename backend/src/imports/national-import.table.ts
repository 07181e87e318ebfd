import type { FeedbackSurveyKind, WorkplaceLearningSource } from '@tyoelama/shared';
import { type Queryable, rows } from '../database/typed-query';
import type { PeriodRecord, SurveyRecord } from './national-record';

/**
 * The writes of national imports into workplace_learning_periods, feedback_surveys (declared in
 * workplace-learning.table.ts) and the instructors' contact persons. Each write is one multi-row
 * statement per chunk that changes a row only when a value differs: a file imported again changes
 * nothing and returns nothing.
 */

export interface Written {
  inserted: number;
  updated: number;
}

/** The employers holding these Y-tunnus (archived ones too: the data is the provider's). */
export function employersByBusinessId(
  db: Queryable,
  businessIds: readonly string[],
  visibleSql: (employerIdSql: string) => string,
  params: unknown[],
): Promise<{ id: number; name: string; business_id: string; visible: boolean }[]> {
  return rows(
    db,
    `SELECT e.id, e.name, e.business_id, ${visibleSql('e.id')} AS visible
       FROM employers e WHERE e.business_id = ANY($1::text[])`,
    [businessIds, ...params],
  );
}

/** Columns a period takes from a file; the importing source's value wins where it has one. */
const PERIOD_VALUES = [
  'employer_id',
  'business_id',
  'workplace_name',
  'ends_on',
  'qualification_code',
  'qualification_name',
  'campus_name',
  'part_time_percent',
  'instructor_id',
  'apprenticeship_ended_on',
  'ended_in_trial',
] as const;

const PERIOD_RECORDSET = `r(period_key text, student_key text, kind text, starts_on date, ends_on date,
  business_id text, workplace_name text, qualification_code text, qualification_name text, campus_name text,
  part_time_percent smallint, apprenticeship_ended_on date, ended_in_trial boolean, instructor_id int)`;

/**
 * Runs `upsert`, an INSERT … ON CONFLICT DO UPDATE whose WHERE skips rows that did not change, and
 * counts the rows it inserted and those it updated (xmax is 0 only on a freshly inserted row).
 */
async function countedUpsert(db: Queryable, upsert: string, params: unknown[]): Promise<Written> {
  const result = await rows<{ inserted: boolean }>(db, `${upsert}\n     RETURNING (xmax = 0) AS inserted`, params);
  const inserted = result.filter((row) => row.inserted).length;
  return { inserted, updated: result.length - inserted };
}

/**
 * Inserts or merges a chunk of one source's periods. A period the other source already brought gets
 * this source added to `sources`; its other values are kept where this file has none.
 */
export async function upsertPeriods(
  db: Queryable,
  source: WorkplaceLearningSource,
  periods: readonly (PeriodRecord & { instructor_id: number | null })[],
): Promise<Written> {
  if (!periods.length) return { inserted: 0, updated: 0 };
  const merged = (column: string) => `COALESCE(EXCLUDED.${column}, p.${column})`;
  const sources = `ARRAY(SELECT DISTINCT s FROM unnest(p.sources || EXCLUDED.sources) AS s ORDER BY s)`;
  return countedUpsert(
    db,
    `INSERT INTO workplace_learning_periods AS p (period_key, student_key, sources, employer_id, business_id,
       workplace_name, kind, starts_on, ends_on, qualification_code, qualification_name, campus_name,
       part_time_percent, instructor_id, apprenticeship_ended_on, ended_in_trial)
     SELECT r.period_key, r.student_key, ARRAY[$2::text], e.id, r.business_id, r.workplace_name, r.kind,
            r.starts_on, r.ends_on, r.qualification_code, r.qualification_name, r.campus_name,
            r.part_time_percent, r.instructor_id, r.apprenticeship_ended_on, r.ended_in_trial
       FROM jsonb_to_recordset($1::jsonb) AS ${PERIOD_RECORDSET}
       LEFT JOIN employers e ON e.business_id = r.business_id
     ON CONFLICT (period_key) DO UPDATE SET
       sources = ${sources},
       ${PERIOD_VALUES.map((column) => `${column} = ${merged(column)}`).join(',\n       ')},
       imported_at = now()
     WHERE (p.sources, ${PERIOD_VALUES.map((column) => `p.${column}`).join(', ')})
           IS DISTINCT FROM (${sources}, ${PERIOD_VALUES.map(merged).join(', ')})`,
    [JSON.stringify(periods), source],
  );
}

/**
 * The file replaces its source for the dates it covers: this source's periods starting in the range
 * that the file no longer has are deleted, or lose only this source when the other one still has them
 * (an eHOKS period that goes also loses the instructor eHOKS named).
 */
export async function removeMissingPeriods(
  db: Queryable,
  source: WorkplaceLearningSource,
  range: { from: string; to: string },
  keys: readonly string[],
): Promise<{ removed: number; sourceRemoved: number }> {
  const missing = `SELECT p.id FROM workplace_learning_periods p
      LEFT JOIN unnest($4::text[]) AS k(key) ON k.key = p.period_key
     WHERE $1 = ANY(p.sources) AND p.starts_on BETWEEN $2::date AND $3::date AND k.key IS NULL`;
  const params = [source, range.from, range.to, keys];
  const removed = await rows<{ id: number }>(
    db,
    `DELETE FROM workplace_learning_periods WHERE id IN (${missing}) AND sources = ARRAY[$1::text] RETURNING id`,
    params,
  );
  const narrowed = await rows<{ id: number }>(
    db,
    `UPDATE workplace_learning_periods
        SET sources = array_remove(sources, $1::text),
            instructor_id = CASE WHEN $1 = 'ehoks' THEN NULL ELSE instructor_id END,
            imported_at = now()
      WHERE id IN (${missing}) RETURNING id`,
    params,
  );
  return { removed: removed.length, sourceRemoved: narrowed.length };
}

const SURVEY_VALUES = [
  'employer_id',
  'business_id',
  'workplace_name',
  'url',
  'valid_from',
  'valid_until',
  'answers',
  'targets',
  'period_count',
  'period_days',
  'qualification_code',
  'qualification_name',
  'campus_name',
  'period_starts_on',
  'period_ends_on',
  'contract_type',
  'state',
] as const;

/** Inserts a chunk of surveys, or updates those whose values changed (answers come in). */
export async function upsertSurveys(db: Queryable, surveys: readonly SurveyRecord[]): Promise<Written> {
  if (!surveys.length) return { inserted: 0, updated: 0 };
  return countedUpsert(
    db,
    `INSERT INTO feedback_surveys AS s (kind, code, ${SURVEY_VALUES.join(', ')})
     SELECT r.kind, r.code, e.id, ${SURVEY_VALUES.slice(1)
       .map((column) => `r.${column}`)
       .join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS r(kind text, code text, business_id text, workplace_name text,
            url text, valid_from date, valid_until date, answers int, targets int, period_count int,
            period_days int, qualification_code text, qualification_name text, campus_name text,
            period_starts_on date, period_ends_on date, contract_type text, state text)
       LEFT JOIN employers e ON e.business_id = r.business_id
     ON CONFLICT (kind, code) DO UPDATE SET
       ${SURVEY_VALUES.map((column) => `${column} = EXCLUDED.${column}`).join(',\n       ')},
       imported_at = now()
     WHERE (${SURVEY_VALUES.map((column) => `s.${column}`).join(', ')})
           IS DISTINCT FROM (${SURVEY_VALUES.map((column) => `EXCLUDED.${column}`).join(', ')})`,
    [JSON.stringify(surveys)],
  );
}

/** Surveys of the kind whose first valid day is in the range and that the file no longer has. */
export async function removeMissingSurveys(
  db: Queryable,
  kind: FeedbackSurveyKind,
  range: { from: string; to: string },
  codes: readonly string[],
): Promise<number> {
  const removed = await rows<{ id: number }>(
    db,
    `DELETE FROM feedback_surveys WHERE id IN (
       SELECT s.id FROM feedback_surveys s LEFT JOIN unnest($4::text[]) AS c(code) ON c.code = s.code
        WHERE s.kind = $1 AND s.valid_from BETWEEN $2::date AND $3::date AND c.code IS NULL)
     RETURNING id`,
    [kind, range.from, range.to, codes],
  );
  return removed.length;
}

/** A person's name without case, accents, punctuation or extra spaces ("Öhman  Pirjo-Liisa" = "ohman pirjo liisa"). */
function nameKeySql(column: string): string {
  return `btrim(regexp_replace(crm_normalise(${column}), '[^a-z0-9]+', ' ', 'g'))`;
}

export interface InstructorInput {
  employer_id: number;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface CreatedInstructor {
  id: number;
  employer_id: number;
  name: string;
  email: string | null;
  phone: string | null;
}

/**
 * Adds the instructors their employers do not have yet as contact persons (role workplace_instructor,
 * source ehoks). A person is the same when the e-mail (any case) or the name (accents, case and
 * spacing aside) matches one of the employer's persons, or an earlier instructor of the same batch.
 */
export async function insertInstructors(
  db: Queryable,
  instructors: readonly InstructorInput[],
): Promise<CreatedInstructor[]> {
  if (!instructors.length) return [];
  return rows<CreatedInstructor>(
    db,
    `INSERT INTO contact_persons (employer_id, name, email, phone, roles, source)
     SELECT DISTINCT ON (r.employer_id, ${nameKeySql('r.name')}) r.employer_id, r.name, r.email, r.phone,
            ARRAY['workplace_instructor'], 'ehoks'
       FROM jsonb_to_recordset($1::jsonb) AS r(employer_id int, name text, email text, phone text)
      WHERE NOT EXISTS (SELECT 1 FROM contact_persons p
                         WHERE p.employer_id = r.employer_id AND p.erased_at IS NULL
                           AND (${nameKeySql('p.name')} = ${nameKeySql('r.name')} OR lower(p.email) = lower(r.email)))
      ORDER BY r.employer_id, ${nameKeySql('r.name')}, r.email NULLS LAST
     RETURNING id, employer_id, name, email, phone`,
    [JSON.stringify(instructors)],
  );
}

/** For each instructor (by position), the employer's person they are: an e-mail match before a name match. */
export async function instructorIds(
  db: Queryable,
  instructors: readonly InstructorInput[],
): Promise<(number | null)[]> {
  if (!instructors.length) return [];
  const found = await rows<{ position: number; id: number | null }>(
    db,
    `SELECT r.position, (SELECT p.id FROM contact_persons p
                          WHERE p.employer_id = r.employer_id AND p.erased_at IS NULL
                            AND (lower(p.email) = lower(r.email) OR ${nameKeySql('p.name')} = ${nameKeySql('r.name')})
                          ORDER BY (lower(p.email) = lower(r.email)) IS TRUE DESC, p.id LIMIT 1) AS id
       FROM jsonb_to_recordset($1::jsonb) AS r(position int, employer_id int, name text, email text)`,
    [JSON.stringify(instructors.map((instructor, position) => ({ ...instructor, position })))],
  );
  const ids: (number | null)[] = instructors.map(() => null);
  for (const row of found) ids[row.position] = row.id;
  return ids;
}
