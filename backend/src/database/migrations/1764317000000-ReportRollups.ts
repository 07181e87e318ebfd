import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-ups behind the reports: per-day counts that the writing transaction keeps current, so a
 * report after a change sums a few thousand rows instead of the whole history.
 *
 * Writers only append signed deltas (`report_count_deltas`, no index, no unique key): a counter row
 * updated by every write would serialise concurrent writers on the same day, type and group. A
 * reader folds the deltas into `report_counts` (reports/report-counts.ts) and reads both tables in
 * one snapshot, so a fold running at the same time never shows a change twice or not at all.
 *
 * What each row contributes lives in one function per table (`crm_report_counts_of`), used by the
 * triggers and by `crm_rebuild_report_counts()`, which the backfill and the scale seed (whose bulk
 * load skips triggers) call. Metrics:
 * - `entry`: contact entries by Helsinki day of occurred_at, entry campus group and type (label);
 *   `entry_month` the same by month (a year's groups are then ~12 × groups × types rows, days only at
 *   the edges of the period), `entry_day` by day and type only (the buckets of the whole college);
 * - `follow_up_open`: open follow-ups by due date;
 * - `follow_up_done`: done follow-ups by Helsinki day of completion, label `on_time` or `late`;
 * - `employer_last_contact`: non-archived employers by UTC day of last_contact_at, -infinity when never.
 */
export class ReportRollups1764317000000 implements MigrationInterface {
  name = 'ReportRollups1764317000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE report_counts (
         metric varchar(30) NOT NULL,
         day date NOT NULL,
         campus_group_id integer NOT NULL,
         label varchar(30) NOT NULL,
         n bigint NOT NULL,
         CONSTRAINT pk_report_counts PRIMARY KEY (metric, day, campus_group_id, label)
       )`,
    );
    // The same columns and NOT NULLs, no key and no index: appending stays cheap and never waits.
    await queryRunner.query(`CREATE TABLE report_count_deltas (LIKE report_counts)`);
    await queryRunner.query(
      `CREATE FUNCTION crm_report_counts_of(c contact_entries)
         RETURNS TABLE (metric varchar, day date, campus_group_id integer, label varchar)
         LANGUAGE sql STABLE
         AS $$
           SELECT m.metric::varchar, m.day, m.campus_group_id, c.type
             FROM (SELECT (c.occurred_at AT TIME ZONE 'Europe/Helsinki')::date AS day) d
             CROSS JOIN LATERAL (VALUES ('entry', d.day, c.campus_group_id),
                                        ('entry_month', date_trunc('month', d.day::timestamp)::date, c.campus_group_id),
                                        ('entry_day', d.day, 0)) m(metric, day, campus_group_id)
         $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_report_counts_of(f follow_ups)
         RETURNS TABLE (metric varchar, day date, campus_group_id integer, label varchar)
         LANGUAGE sql STABLE
         AS $$
           SELECT 'follow_up_open'::varchar, f.due_date, 0, ''::varchar WHERE f.status = 'open'
           UNION ALL
           SELECT 'follow_up_done'::varchar, d.day, 0,
                  (CASE WHEN d.day <= f.due_date THEN 'on_time' ELSE 'late' END)::varchar
             FROM (SELECT (f.completed_at AT TIME ZONE 'Europe/Helsinki')::date AS day) d
            WHERE f.status = 'done' AND f.completed_at IS NOT NULL
         $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_report_counts_of(e employers)
         RETURNS TABLE (metric varchar, day date, campus_group_id integer, label varchar)
         LANGUAGE sql STABLE
         AS $$
           SELECT 'employer_last_contact'::varchar, COALESCE((e.last_contact_at AT TIME ZONE 'UTC')::date, '-infinity'),
                  0, ''::varchar
            WHERE e.archived_at IS NULL
         $$`,
    );
    // One statement per row change; an update that moves nothing (the usual last_contact_at bump
    // within the same day) nets to zero and appends nothing.
    await queryRunner.query(
      `CREATE FUNCTION crm_report_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
           SELECT k.metric, k.day, k.campus_group_id, k.label, 1 FROM crm_report_counts_of(NEW) k;
         ELSIF TG_OP = 'DELETE' THEN
           INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
           SELECT k.metric, k.day, k.campus_group_id, k.label, -1 FROM crm_report_counts_of(OLD) k;
         ELSE
           INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
           SELECT k.metric, k.day, k.campus_group_id, k.label, sum(k.n)
             FROM (SELECT o.*, -1 AS n FROM crm_report_counts_of(OLD) o
                   UNION ALL SELECT w.*, 1 FROM crm_report_counts_of(NEW) w) k
            GROUP BY 1, 2, 3, 4 HAVING sum(k.n) <> 0;
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER contact_entries_report_counts AFTER INSERT OR DELETE OR UPDATE OF occurred_at, type, campus_group_id
         ON contact_entries FOR EACH ROW EXECUTE FUNCTION crm_report_counts_trigger()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER follow_ups_report_counts AFTER INSERT OR DELETE OR UPDATE OF status, due_date, completed_at
         ON follow_ups FOR EACH ROW EXECUTE FUNCTION crm_report_counts_trigger()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER employers_report_counts AFTER INSERT OR DELETE OR UPDATE OF last_contact_at, archived_at
         ON employers FOR EACH ROW EXECUTE FUNCTION crm_report_counts_trigger()`,
    );
    // Recounts from the tables; it truncates, which only the owner may (the app role cannot run it).
    await queryRunner.query(
      `CREATE FUNCTION crm_rebuild_report_counts() RETURNS void LANGUAGE sql AS $$
         TRUNCATE report_counts, report_count_deltas;
         INSERT INTO report_counts (metric, day, campus_group_id, label, n)
         SELECT k.metric, k.day, k.campus_group_id, k.label, count(*)
           FROM (SELECT r.* FROM contact_entries c CROSS JOIN LATERAL crm_report_counts_of(c) r
                 UNION ALL SELECT r.* FROM follow_ups f CROSS JOIN LATERAL crm_report_counts_of(f) r
                 UNION ALL SELECT r.* FROM employers e CROSS JOIN LATERAL crm_report_counts_of(e) r) k
          GROUP BY 1, 2, 3, 4;
       $$`,
    );
    await queryRunner.query(`SELECT crm_rebuild_report_counts()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER employers_report_counts ON employers`);
    await queryRunner.query(`DROP TRIGGER follow_ups_report_counts ON follow_ups`);
    await queryRunner.query(`DROP TRIGGER contact_entries_report_counts ON contact_entries`);
    await queryRunner.query(`DROP FUNCTION crm_rebuild_report_counts()`);
    await queryRunner.query(`DROP FUNCTION crm_report_counts_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_report_counts_of(employers)`);
    await queryRunner.query(`DROP FUNCTION crm_report_counts_of(follow_ups)`);
    await queryRunner.query(`DROP FUNCTION crm_report_counts_of(contact_entries)`);
    await queryRunner.query(`DROP TABLE report_count_deltas`);
    await queryRunner.query(`DROP TABLE report_counts`);
  }
}
