import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('identified', 'contacted', 'negotiating', 'agreed')`;
const HELSINKI_DAY = (column: string) => `(${column} AT TIME ZONE 'Europe/Helsinki')::date`;
/**
 * Each figure three times: by day, by month (`_month`, day = the month's first) and by year (`_year`,
 * the year's first day), so that a period reads its whole years, whole months and edge days.
 */
const DAY_MONTH_YEAR = (day: string) =>
  `(VALUES ('', ${day}), ('_month', date_trunc('month', ${day}::timestamp)::date),
           ('_year', date_trunc('year', ${day}::timestamp)::date)) g(suffix, key)`;
/** A transition table's rows as an array of the table's row type (array_agg of its rows gives record[]). */
const ROWS_OF = (transition: string) => `(SELECT array_agg(ROW(c.*)::opportunity_stage_changes) FROM ${transition} c)`;
/**
 * For an opportunity trigger: the stays of `row`'s stage changes, signed, when an update moved what
 * they are keyed by (type, group, created day); nothing otherwise.
 */
const rekeyedStays = (row: 'OLD' | 'NEW', sign: 1 | -1) =>
  `SELECT s.metric, s.day, s.campus_group_id, s.label, ${sign} * s.n
     FROM (SELECT c.to_stage, c.changed_at, lead(c.changed_at) OVER (ORDER BY c.changed_at, c.id) AS left_at
             FROM opportunity_stage_changes c WHERE c.opportunity_id = ${row}.id) t
     CROSS JOIN LATERAL crm_pipeline_stay_of(${row}, t.to_stage, t.changed_at, t.left_at) s
    WHERE TG_OP = 'UPDATE'
      AND (OLD.type, OLD.campus_group_id, ${HELSINKI_DAY('OLD.created_at')})
          IS DISTINCT FROM (NEW.type, NEW.campus_group_id, ${HELSINKI_DAY('NEW.created_at')})`;
const MICROSECONDS = (interval: string) => `(extract(epoch FROM ${interval}) * 1000000)::bigint`;

/**
 * Roll-ups behind the pipeline summary (reports/pipeline.service.ts), in the report roll-ups'
 * tables (migration ReportRollups: writers append signed deltas, readers fold them). The summary
 * read every opportunity and, for the time in stage, windowed every stage change (1.4 s at 300 000
 * opportunities and a million stage changes); it now sums roll-up rows by month and by day.
 *
 * Label `stage:type` (at most 30 characters), campus group the opportunity's own, and:
 * - `pipeline_count`, `pipeline_places`: opportunities and their expected places by the Helsinki
 *   day of created_at (the stage table's cohort);
 * - `pipeline_closed`: won and lost ones by the Helsinki day of stage_changed_at (the win rate);
 * - stays in an open stage (a stage change into it, ended by the opportunity's next change) by the
 *   day of the opportunity's created_at: `pipeline_stay` (count), `pipeline_stay_open` (count of
 *   stays not ended yet) and `pipeline_stay_us`: the ended stays' durations less the open stays'
 *   starts, in microseconds (starts after the row's day at UTC midnight: small enough for bigint);
 *   the reader adds open count × (now − that midnight). An average needs no window at read time.
 * Every metric also exists with `_month` and `_year` appended, keyed by the month's or year's first day.
 *
 * A stay depends on its neighbour: a change inserted, moved or deleted ends or reopens the stay
 * before it. The stage change triggers are per statement, with transition tables, and recompute
 * the stays of the opportunities the statement touched before and after it: a row trigger sees the
 * whole statement's result, so it cannot know the state before a multi-row statement.
 */
export class PipelineRollups1764700600000 implements MigrationInterface {
  name = 'PipelineRollups1764700600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION crm_pipeline_counts_of(o opportunities)
         RETURNS TABLE (metric varchar, day date, campus_group_id integer, label varchar, n bigint)
         LANGUAGE sql STABLE
         AS $$
           SELECT (m.metric || g.suffix)::varchar, g.key, o.campus_group_id, (o.stage || ':' || o.type)::varchar, m.n
             FROM (VALUES ('pipeline_count', ${HELSINKI_DAY('o.created_at')}, 1::bigint),
                          ('pipeline_places', ${HELSINKI_DAY('o.created_at')}, o.expected_places::bigint),
                          ('pipeline_closed', ${HELSINKI_DAY('o.stage_changed_at')},
                           CASE WHEN o.stage IN ('won', 'lost') THEN 1::bigint END)) m(metric, day, n)
             CROSS JOIN LATERAL ${DAY_MONTH_YEAR('m.day')}
            WHERE m.n <> 0
         $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_pipeline_stay_of(o opportunities, stage varchar, entered_at timestamptz, left_at timestamptz)
         RETURNS TABLE (metric varchar, day date, campus_group_id integer, label varchar, n bigint)
         LANGUAGE sql STABLE
         AS $$
           SELECT (m.metric || g.suffix)::varchar, g.key, o.campus_group_id, (stage || ':' || o.type)::varchar, m.n
             FROM ${DAY_MONTH_YEAR(HELSINKI_DAY('o.created_at'))}
             CROSS JOIN LATERAL (VALUES
               ('pipeline_stay', 1::bigint),
               ('pipeline_stay_open', CASE WHEN left_at IS NULL THEN 1::bigint END),
               ('pipeline_stay_us', COALESCE(${MICROSECONDS('left_at - entered_at')},
                                             -${MICROSECONDS(`entered_at - (g.key::timestamp AT TIME ZONE 'UTC')`)}))
             ) m(metric, n)
            WHERE stage IN ${OPEN_STAGES} AND m.n IS NOT NULL
         $$`,
    );
    // The stays of the touched opportunities out as they were before the statement (now less what
    // it wrote, plus what it removed or overwrote), in as they are now.
    await queryRunner.query(
      `CREATE FUNCTION crm_pipeline_stays_moved(gone opportunity_stage_changes[], came opportunity_stage_changes[])
         RETURNS TABLE (metric varchar, day date, campus_group_id integer, label varchar, n bigint)
         LANGUAGE sql STABLE
         AS $$
           WITH written AS (SELECT * FROM unnest(gone) UNION ALL SELECT * FROM unnest(came)),
           now_rows AS (
             SELECT c.* FROM opportunity_stage_changes c
              WHERE c.opportunity_id IN (SELECT w.opportunity_id FROM written w)),
           sides AS (
             SELECT 1 AS sign, c.* FROM now_rows c
             UNION ALL
             SELECT -1, c.* FROM now_rows c WHERE c.id NOT IN (SELECT w.id FROM unnest(came) w)
             UNION ALL
             SELECT -1, g.* FROM unnest(gone) g),
           stays AS (
             SELECT s.sign, s.opportunity_id, s.to_stage, s.changed_at,
                    lead(s.changed_at) OVER (PARTITION BY s.sign, s.opportunity_id ORDER BY s.changed_at, s.id) AS left_at
               FROM sides s)
           SELECT k.metric, k.day, k.campus_group_id, k.label, sum(s.sign * k.n)::bigint
             FROM stays s JOIN opportunities o ON o.id = s.opportunity_id
             CROSS JOIN LATERAL crm_pipeline_stay_of(o, s.to_stage, s.changed_at, s.left_at) k
            GROUP BY 1, 2, 3, 4 HAVING sum(s.sign * k.n) <> 0
         $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_pipeline_stays_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
           SELECT k.* FROM crm_pipeline_stays_moved('{}', ${ROWS_OF('came')}) k;
         ELSIF TG_OP = 'DELETE' THEN
           INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
           SELECT k.* FROM crm_pipeline_stays_moved(${ROWS_OF('gone')}, '{}') k;
         ELSE
           INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
           SELECT k.* FROM crm_pipeline_stays_moved(${ROWS_OF('gone')}, ${ROWS_OF('came')}) k;
         END IF;
         RETURN NULL;
       END $$`,
    );
    // A trigger with transition tables takes one event and no column list.
    await queryRunner.query(
      `CREATE TRIGGER opportunity_stage_changes_pipeline_insert AFTER INSERT ON opportunity_stage_changes
         REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION crm_pipeline_stays_trigger()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER opportunity_stage_changes_pipeline_update AFTER UPDATE ON opportunity_stage_changes
         REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION crm_pipeline_stays_trigger()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER opportunity_stage_changes_pipeline_delete AFTER DELETE ON opportunity_stage_changes
         REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION crm_pipeline_stays_trigger()`,
    );
    // The opportunity's own share; its stays move only when what they are keyed by does (type,
    // group, created day), the usual stage move leaves them to the stage change's trigger.
    await queryRunner.query(
      `CREATE FUNCTION crm_pipeline_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
         SELECT c.metric, c.day, c.campus_group_id, c.label, sum(c.n)
           FROM (SELECT o.metric, o.day, o.campus_group_id, o.label, -o.n AS n FROM crm_pipeline_counts_of(OLD) o
                  WHERE TG_OP <> 'INSERT'
                 UNION ALL
                 SELECT w.* FROM crm_pipeline_counts_of(NEW) w WHERE TG_OP <> 'DELETE'
                 UNION ALL ${rekeyedStays('OLD', -1)}
                 UNION ALL ${rekeyedStays('NEW', 1)}) c
          GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER opportunities_pipeline AFTER INSERT OR DELETE
         OR UPDATE OF stage, type, campus_group_id, expected_places, created_at, stage_changed_at
         ON opportunities FOR EACH ROW EXECUTE FUNCTION crm_pipeline_counts_trigger()`,
    );
    // The foreign key's cascade deletes the stage changes after the opportunity is gone, when their
    // trigger could no longer find what their stays were keyed by: they go first, while it exists.
    await queryRunner.query(
      `CREATE FUNCTION crm_pipeline_opportunity_delete_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM opportunity_stage_changes WHERE opportunity_id = OLD.id;
         RETURN OLD;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER opportunities_pipeline_delete BEFORE DELETE ON opportunities FOR EACH ROW
         EXECUTE FUNCTION crm_pipeline_opportunity_delete_trigger()`,
    );
    // The pipeline's own recount, and the recount of everything (bulk loads, restores) covers it too:
    // the previous recount keeps its body under a new name.
    await queryRunner.query(
      `CREATE FUNCTION crm_rebuild_pipeline_counts() RETURNS void LANGUAGE sql AS $$
         INSERT INTO report_counts (metric, day, campus_group_id, label, n)
         SELECT k.metric, k.day, k.campus_group_id, k.label, sum(k.n)
           FROM (SELECT r.* FROM opportunities o CROSS JOIN LATERAL crm_pipeline_counts_of(o) r
                 UNION ALL
                 SELECT r.*
                   FROM (SELECT c.opportunity_id, c.to_stage, c.changed_at,
                                lead(c.changed_at) OVER (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id) AS left_at
                           FROM opportunity_stage_changes c) t
                   JOIN opportunities o ON o.id = t.opportunity_id
                   CROSS JOIN LATERAL crm_pipeline_stay_of(o, t.to_stage, t.changed_at, t.left_at) r) k
          GROUP BY 1, 2, 3, 4 HAVING sum(k.n) <> 0;
       $$`,
    );
    await queryRunner.query(`ALTER FUNCTION crm_rebuild_report_counts() RENAME TO crm_rebuild_counts_but_pipeline`);
    await queryRunner.query(
      `CREATE FUNCTION crm_rebuild_report_counts() RETURNS void LANGUAGE sql AS $$
         SELECT crm_rebuild_counts_but_pipeline();
         SELECT crm_rebuild_pipeline_counts();
       $$`,
    );
    // The backfill counts only the pipeline: the other roll-ups are already current.
    await queryRunner.query(`SELECT crm_rebuild_pipeline_counts()`);
    await queryRunner.query(`ANALYZE report_counts`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION crm_rebuild_report_counts()`);
    await queryRunner.query(`ALTER FUNCTION crm_rebuild_counts_but_pipeline() RENAME TO crm_rebuild_report_counts`);
    await queryRunner.query(`DROP FUNCTION crm_rebuild_pipeline_counts()`);
    await queryRunner.query(`DROP TRIGGER opportunities_pipeline_delete ON opportunities`);
    await queryRunner.query(`DROP TRIGGER opportunities_pipeline ON opportunities`);
    await queryRunner.query(`DROP TRIGGER opportunity_stage_changes_pipeline_delete ON opportunity_stage_changes`);
    await queryRunner.query(`DROP TRIGGER opportunity_stage_changes_pipeline_update ON opportunity_stage_changes`);
    await queryRunner.query(`DROP TRIGGER opportunity_stage_changes_pipeline_insert ON opportunity_stage_changes`);
    await queryRunner.query(`DROP FUNCTION crm_pipeline_opportunity_delete_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_pipeline_counts_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_pipeline_stays_trigger()`);
    await queryRunner.query(
      `DROP FUNCTION crm_pipeline_stays_moved(opportunity_stage_changes[], opportunity_stage_changes[])`,
    );
    await queryRunner.query(`DROP FUNCTION crm_pipeline_stay_of(opportunities, varchar, timestamptz, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION crm_pipeline_counts_of(opportunities)`);
    await queryRunner.query(`DELETE FROM report_count_deltas WHERE metric LIKE 'pipeline\\_%'`);
    await queryRunner.query(`DELETE FROM report_counts WHERE metric LIKE 'pipeline\\_%'`);
  }
}
