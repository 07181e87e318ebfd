import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('identified', 'contacted', 'negotiating', 'agreed')`;

/**
 * A row trigger's function appending, as deltas, the net change of what the changed row
 * contributes: `shareOf('OLD')` out (unless inserted), `shareOf('NEW')` in (unless deleted). A share
 * is rows of (metric, day, campus_group_id, label, n).
 */
function triggerFunction(name: string, shareOf: (row: 'OLD' | 'NEW') => string): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO report_count_deltas (metric, day, campus_group_id, label, n)
      SELECT c.metric, c.day, c.campus_group_id, c.label, sum(c.n)
        FROM (SELECT o.metric, o.day, o.campus_group_id, o.label, -o.n AS n FROM (${shareOf('OLD')}) o
               WHERE TG_OP <> 'INSERT'
              UNION ALL
              SELECT w.metric, w.day, w.campus_group_id, w.label, w.n FROM (${shareOf('NEW')}) w
               WHERE TG_OP <> 'DELETE') c
       GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0;
      RETURN NULL;
    END $$`;
}

/**
 * Per campus group roll-ups behind the home page's group glances (home/home-sql.ts), in the report
 * roll-ups' tables (migration ReportRollups: writers append signed deltas, readers fold them). The
 * glance counted each of a group's ~1 650 employers with three index lookups per request (14 000
 * buffer hits, 50 ms on the scale data); now it sums a few hundred rows of the group.
 *
 * Each non-archived employer contributes to every group it is linked to, `campus_group_id` being
 * that group:
 * - `group_employer`: 1 on the UTC day of its last contact (-infinity when never);
 * - `group_follow_up_open`: 1 per open follow-up on its due date;
 * - `group_opportunity_open`: per open opportunity (stage not won or lost), label `count` 1 and
 *   label `places` its expected places, day -infinity.
 * An employer's contribution moves with its own row (archived, last contact), its links, its
 * follow-ups and its opportunities; a trigger on each keeps the deltas in the writing transaction.
 */
export class GroupGlanceRollups1764600200000 implements MigrationInterface {
  name = 'GroupGlanceRollups1764600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Read by group: a glance reads one group's rows of three metrics, not every group's.
    await queryRunner.query(
      `CREATE INDEX ix_report_counts_group ON report_counts (campus_group_id, metric, day) INCLUDE (label, n)`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_group_glance_of(f follow_ups)
         RETURNS TABLE (metric varchar, day date, label varchar, n bigint)
         LANGUAGE sql STABLE
         AS $$ SELECT 'group_follow_up_open'::varchar, f.due_date, ''::varchar, 1::bigint WHERE f.status = 'open' $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_group_glance_of(o opportunities)
         RETURNS TABLE (metric varchar, day date, label varchar, n bigint)
         LANGUAGE sql STABLE
         AS $$
           SELECT 'group_opportunity_open'::varchar, '-infinity'::date, k.label::varchar, k.n::bigint
             FROM (VALUES ('count', 1), ('places', o.expected_places)) k(label, n)
            WHERE o.stage IN ${OPEN_STAGES} AND k.n <> 0
         $$`,
    );
    // The employer's whole contribution: its own row and its open follow-ups and opportunities.
    await queryRunner.query(
      `CREATE FUNCTION crm_group_glance_of(e employers)
         RETURNS TABLE (metric varchar, day date, label varchar, n bigint)
         LANGUAGE sql STABLE
         AS $$
           SELECT 'group_employer'::varchar, COALESCE((e.last_contact_at AT TIME ZONE 'UTC')::date, '-infinity'),
                  ''::varchar, 1::bigint
            WHERE e.archived_at IS NULL
           UNION ALL
           SELECT k.* FROM follow_ups f CROSS JOIN LATERAL crm_group_glance_of(f) k
            WHERE e.archived_at IS NULL AND f.employer_id = e.id AND f.status = 'open'
           UNION ALL
           SELECT k.* FROM opportunities o CROSS JOIN LATERAL crm_group_glance_of(o) k
            WHERE e.archived_at IS NULL AND o.employer_id = e.id AND o.stage IN ${OPEN_STAGES}
         $$`,
    );
    // Follow-ups and opportunities: the row's share for each group of its employer (old and new
    // employer: a row can move), while that employer is not archived.
    await queryRunner.query(
      triggerFunction(
        'crm_group_glance_child_trigger',
        (row) => `SELECT k.metric, k.day, l.campus_group_id, k.label, k.n FROM crm_group_glance_of(${row}) k
                    JOIN employers e ON e.id = ${row}.employer_id AND e.archived_at IS NULL
                    JOIN employer_campus_groups l ON l.employer_id = ${row}.employer_id`,
      ),
    );
    await queryRunner.query(
      `CREATE TRIGGER follow_ups_group_glance AFTER INSERT OR DELETE OR UPDATE OF employer_id, status, due_date
         ON follow_ups FOR EACH ROW EXECUTE FUNCTION crm_group_glance_child_trigger()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER opportunities_group_glance AFTER INSERT OR DELETE OR UPDATE OF employer_id, stage, expected_places
         ON opportunities FOR EACH ROW EXECUTE FUNCTION crm_group_glance_child_trigger()`,
    );
    // An employer archived or restored takes its follow-ups and opportunities along; a new last
    // contact on another UTC day moves its day (the same day, the usual case, does not fire).
    await queryRunner.query(
      triggerFunction(
        'crm_group_glance_employer_trigger',
        (row) => `SELECT k.metric, k.day, l.campus_group_id, k.label, k.n FROM crm_group_glance_of(${row}) k
                    JOIN employer_campus_groups l ON l.employer_id = ${row}.id`,
      ),
    );
    await queryRunner.query(
      `CREATE TRIGGER employers_group_glance AFTER UPDATE OF archived_at, last_contact_at ON employers FOR EACH ROW
         WHEN ((OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL)
               OR (OLD.last_contact_at AT TIME ZONE 'UTC')::date IS DISTINCT FROM (NEW.last_contact_at AT TIME ZONE 'UTC')::date)
         EXECUTE FUNCTION crm_group_glance_employer_trigger()`,
    );
    // A link added or removed adds or removes the employer's whole contribution to that group.
    await queryRunner.query(
      triggerFunction(
        'crm_group_glance_link_trigger',
        (row) => `SELECT k.metric, k.day, ${row}.campus_group_id, k.label, k.n
                    FROM employers e CROSS JOIN LATERAL crm_group_glance_of(e) k WHERE e.id = ${row}.employer_id`,
      ),
    );
    await queryRunner.query(
      `CREATE TRIGGER employer_campus_groups_group_glance AFTER INSERT OR DELETE OR UPDATE
         ON employer_campus_groups FOR EACH ROW EXECUTE FUNCTION crm_group_glance_link_trigger()`,
    );
    // Deleting an employer cascades to its links after the employer row is gone, when the link
    // trigger could no longer see what it contributed: its links go first, while it still exists.
    await queryRunner.query(
      `CREATE FUNCTION crm_group_glance_employer_delete_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM employer_campus_groups WHERE employer_id = OLD.id;
         RETURN OLD;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER employers_group_glance_delete BEFORE DELETE ON employers FOR EACH ROW
         EXECUTE FUNCTION crm_group_glance_employer_delete_trigger()`,
    );
    // The recount (bulk loads that skip triggers, the backfill below) covers the group metrics too:
    // the reports' own recount keeps its body under a new name and the old name does both.
    await queryRunner.query(`ALTER FUNCTION crm_rebuild_report_counts() RENAME TO crm_rebuild_activity_counts`);
    await queryRunner.query(
      `CREATE FUNCTION crm_rebuild_report_counts() RETURNS void LANGUAGE sql AS $$
         SELECT crm_rebuild_activity_counts();
         INSERT INTO report_counts (metric, day, campus_group_id, label, n)
         SELECT k.metric, k.day, l.campus_group_id, k.label, sum(k.n)
           FROM employer_campus_groups l JOIN employers e ON e.id = l.employer_id
           CROSS JOIN LATERAL crm_group_glance_of(e) k
          WHERE e.archived_at IS NULL
          GROUP BY 1, 2, 3, 4 HAVING sum(k.n) <> 0;
       $$`,
    );
    await queryRunner.query(`SELECT crm_rebuild_report_counts()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION crm_rebuild_report_counts()`);
    await queryRunner.query(`ALTER FUNCTION crm_rebuild_activity_counts() RENAME TO crm_rebuild_report_counts`);
    await queryRunner.query(`DROP TRIGGER employers_group_glance_delete ON employers`);
    await queryRunner.query(`DROP TRIGGER employer_campus_groups_group_glance ON employer_campus_groups`);
    await queryRunner.query(`DROP TRIGGER employers_group_glance ON employers`);
    await queryRunner.query(`DROP TRIGGER opportunities_group_glance ON opportunities`);
    await queryRunner.query(`DROP TRIGGER follow_ups_group_glance ON follow_ups`);
    await queryRunner.query(`DROP FUNCTION crm_group_glance_employer_delete_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_group_glance_link_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_group_glance_employer_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_group_glance_child_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_group_glance_of(employers)`);
    await queryRunner.query(`DROP FUNCTION crm_group_glance_of(opportunities)`);
    await queryRunner.query(`DROP FUNCTION crm_group_glance_of(follow_ups)`);
    await queryRunner.query(`DELETE FROM report_count_deltas WHERE metric LIKE 'group\\_%'`);
    await queryRunner.query(`DELETE FROM report_counts WHERE metric LIKE 'group\\_%'`);
    await queryRunner.query(`DROP INDEX ix_report_counts_group`);
  }
}
