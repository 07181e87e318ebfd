import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The key an employer counts under, from its own row `e` and its links (sorted, so equal sets are equal arrays). */
const KEY_OF_EMPLOYER = `e.status, COALESCE(e.account_manager_id, 0), e.archived_at IS NOT NULL,
  ARRAY(SELECT l.campus_group_id FROM employer_campus_groups l WHERE l.employer_id = e.id ORDER BY 1)`;

/**
 * Employer counts by what the common list filters and the read scope ask (employers/employer-list-counts.ts):
 * status, account manager (0 for none), archived or not and the whole set of linked campus groups.
 * Keying by the set, not by each link, is what counts an employer in several groups once, as
 * count(*) does: a scope or a group filter sums the sets that overlap it or hold the group.
 *
 * The writing transaction keeps them current, as the report roll-ups (migration ReportRollups):
 * writers append signed deltas, readers fold them. An employer's key depends on its links, and the
 * row triggers of one statement all fire after it with its final state, so a trigger cannot tell
 * an employer's key before the change from the rows alone (two links added in one statement, or an
 * employer and its links in one). `employer_list_keys` remembers the key each employer is counted
 * under; a trigger brings it up to date (crm_employer_list_sync), which is idempotent and so right
 * however many triggers fire for the employer. The remembered row is locked before the current key
 * is read, in a statement of its own: a writer that waited for another's change of the employer
 * then reads that change too (READ COMMITTED takes a snapshot per statement), and no change is
 * lost or counted twice.
 */
export class EmployerListCounts1764700500000 implements MigrationInterface {
  name = 'EmployerListCounts1764700500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE employer_list_counts (
         status character varying(10) NOT NULL,
         account_manager_id integer NOT NULL,
         archived boolean NOT NULL,
         campus_group_ids integer[] NOT NULL,
         n bigint NOT NULL,
         CONSTRAINT pk_employer_list_counts PRIMARY KEY (status, account_manager_id, archived, campus_group_ids)
       )`,
    );
    // No key and no index: appending stays cheap and never waits.
    await queryRunner.query(`CREATE TABLE employer_list_count_deltas (LIKE employer_list_counts)`);
    await queryRunner.query(
      `CREATE TABLE employer_list_keys (
         employer_id integer NOT NULL,
         status character varying(10) NOT NULL,
         account_manager_id integer NOT NULL,
         archived boolean NOT NULL,
         campus_group_ids integer[] NOT NULL,
         CONSTRAINT pk_employer_list_keys PRIMARY KEY (employer_id)
       )`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_employer_list_sync(changed integer) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         was employer_list_keys%ROWTYPE;
         cur employer_list_keys%ROWTYPE;
         had boolean;
         has boolean;
       BEGIN
         SELECT * INTO was FROM employer_list_keys k WHERE k.employer_id = changed FOR UPDATE;
         had := FOUND;
         SELECT e.id, ${KEY_OF_EMPLOYER} INTO cur FROM employers e WHERE e.id = changed;
         has := FOUND;
         IF had AND has AND (was.status, was.account_manager_id, was.archived, was.campus_group_ids)
                          = (cur.status, cur.account_manager_id, cur.archived, cur.campus_group_ids) THEN
           RETURN;
         END IF;
         IF had THEN
           INSERT INTO employer_list_count_deltas (status, account_manager_id, archived, campus_group_ids, n)
           VALUES (was.status, was.account_manager_id, was.archived, was.campus_group_ids, -1);
         END IF;
         IF has THEN
           INSERT INTO employer_list_count_deltas (status, account_manager_id, archived, campus_group_ids, n)
           VALUES (cur.status, cur.account_manager_id, cur.archived, cur.campus_group_ids, 1);
           INSERT INTO employer_list_keys
           VALUES (cur.employer_id, cur.status, cur.account_manager_id, cur.archived, cur.campus_group_ids)
             ON CONFLICT (employer_id) DO UPDATE SET status = EXCLUDED.status,
               account_manager_id = EXCLUDED.account_manager_id, archived = EXCLUDED.archived,
               campus_group_ids = EXCLUDED.campus_group_ids;
         ELSIF had THEN
           DELETE FROM employer_list_keys WHERE employer_id = changed;
         END IF;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_employer_list_employer_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM crm_employer_list_sync(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER employers_list_counts AFTER INSERT OR DELETE ON employers
         FOR EACH ROW EXECUTE FUNCTION crm_employer_list_employer_trigger()`,
    );
    // Only a change of the key fires: the frequent last contact and follow-up updates do not.
    await queryRunner.query(
      `CREATE TRIGGER employers_list_counts_update AFTER UPDATE OF status, account_manager_id, archived_at ON employers
         FOR EACH ROW
         WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.account_manager_id IS DISTINCT FROM NEW.account_manager_id
               OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL))
         EXECUTE FUNCTION crm_employer_list_employer_trigger()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_employer_list_link_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN PERFORM crm_employer_list_sync(OLD.employer_id); END IF;
         IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.employer_id <> OLD.employer_id) THEN
           PERFORM crm_employer_list_sync(NEW.employer_id);
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER employer_campus_groups_list_counts AFTER INSERT OR DELETE OR UPDATE ON employer_campus_groups
         FOR EACH ROW EXECUTE FUNCTION crm_employer_list_link_trigger()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_rebuild_employer_list_counts() RETURNS void LANGUAGE sql AS $$
         TRUNCATE employer_list_keys, employer_list_counts, employer_list_count_deltas;
         INSERT INTO employer_list_keys (employer_id, status, account_manager_id, archived, campus_group_ids)
         SELECT e.id, ${KEY_OF_EMPLOYER} FROM employers e;
         INSERT INTO employer_list_counts (status, account_manager_id, archived, campus_group_ids, n)
         SELECT status, account_manager_id, archived, campus_group_ids, count(*)
           FROM employer_list_keys GROUP BY 1, 2, 3, 4;
       $$`,
    );
    // The recount of bulk loads (scale seed, demo seed, restore of an older backup) covers these too.
    await queryRunner.query(
      `ALTER FUNCTION crm_rebuild_report_counts() RENAME TO crm_rebuild_report_and_glance_counts`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_rebuild_report_counts() RETURNS void LANGUAGE sql AS $$
         SELECT crm_rebuild_report_and_glance_counts();
         SELECT crm_rebuild_employer_list_counts();
       $$`,
    );
    await queryRunner.query(`SELECT crm_rebuild_employer_list_counts()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION crm_rebuild_report_counts()`);
    await queryRunner.query(
      `ALTER FUNCTION crm_rebuild_report_and_glance_counts() RENAME TO crm_rebuild_report_counts`,
    );
    await queryRunner.query(`DROP FUNCTION crm_rebuild_employer_list_counts()`);
    await queryRunner.query(`DROP TRIGGER employer_campus_groups_list_counts ON employer_campus_groups`);
    await queryRunner.query(`DROP TRIGGER employers_list_counts_update ON employers`);
    await queryRunner.query(`DROP TRIGGER employers_list_counts ON employers`);
    await queryRunner.query(`DROP FUNCTION crm_employer_list_link_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_employer_list_employer_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_employer_list_sync(integer)`);
    await queryRunner.query(`DROP TABLE employer_list_keys`);
    await queryRunner.query(`DROP TABLE employer_list_count_deltas`);
    await queryRunner.query(`DROP TABLE employer_list_counts`);
  }
}
