import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('identified', 'contacted', 'negotiating', 'agreed')`;

/**
 * The pipeline summary's stale list (reports/pipeline.service.ts) orders open opportunities by how
 * long they have been idle, greatest(o.stage_changed_at, e.last_contact_at), which spans two tables:
 * no index served it, so every request read every open opportunity and its employer (575 ms at
 * 300 000 opportunities). An opportunity now carries what idleness needs from its employer (last
 * contact, archived), and one partial index holds the open, not archived ones in idle order: the
 * list is the index's first rows, the count a range of it.
 *
 * The copy is exact for open opportunities only; a closed one's may be old (nothing reads it):
 * every contact entry moves its employer's last contact, and the write then updates only the
 * employer's open opportunities. An opportunity becoming open (inserted, reopened, moved to another
 * employer) takes the current values itself. It locks the employer row FOR SHARE to read them: an
 * employer update not yet committed updated the employer's opportunities as its snapshot showed
 * them, without this row, so the read waits for it and then sees its values; an employer update
 * that comes after waits for this row and then finds it (READ COMMITTED, a snapshot per statement).
 *
 * Bulk loads without triggers (scale seed, restore) refill the copy with crm_fill_opportunity_employer_copy().
 */
export class OpportunityIdleSince1764700700000 implements MigrationInterface {
  name = 'OpportunityIdleSince1764700700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE opportunities
         ADD COLUMN employer_last_contact_at timestamp with time zone,
         ADD COLUMN employer_archived boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE FUNCTION crm_fill_opportunity_employer_copy() RETURNS void LANGUAGE sql AS $$
         UPDATE opportunities o
            SET employer_last_contact_at = e.last_contact_at, employer_archived = e.archived_at IS NOT NULL
           FROM employers e
          WHERE e.id = o.employer_id
            AND (o.employer_last_contact_at, o.employer_archived) IS DISTINCT FROM (e.last_contact_at, e.archived_at IS NOT NULL);
       $$`,
    );
    // Fires only when what the copy holds moves (archived_at between two instants does not), and
    // finds the employer's open opportunities by ix_opportunities_employer: one index probe for an
    // employer without any.
    await queryRunner.query(
      `CREATE FUNCTION crm_opportunity_employer_copy_employer_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE opportunities
            SET employer_last_contact_at = NEW.last_contact_at, employer_archived = NEW.archived_at IS NOT NULL
          WHERE employer_id = NEW.id AND stage IN ${OPEN_STAGES};
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER employers_opportunity_copy AFTER UPDATE OF last_contact_at, archived_at ON employers
         FOR EACH ROW
         WHEN (OLD.last_contact_at IS DISTINCT FROM NEW.last_contact_at OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL))
         EXECUTE FUNCTION crm_opportunity_employer_copy_employer_trigger()`,
    );
    // No employer row: the values stay as they are and the foreign key refuses the row as before.
    await queryRunner.query(
      `CREATE FUNCTION crm_opportunity_employer_copy_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         employer record;
       BEGIN
         SELECT e.last_contact_at, e.archived_at INTO employer FROM employers e WHERE e.id = NEW.employer_id FOR SHARE;
         IF FOUND THEN
           NEW.employer_last_contact_at := employer.last_contact_at;
           NEW.employer_archived := employer.archived_at IS NOT NULL;
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER opportunities_employer_copy BEFORE INSERT ON opportunities
         FOR EACH ROW EXECUTE FUNCTION crm_opportunity_employer_copy_trigger()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER opportunities_employer_copy_update BEFORE UPDATE OF employer_id, stage ON opportunities
         FOR EACH ROW
         WHEN (NEW.employer_id <> OLD.employer_id OR (NEW.stage IN ${OPEN_STAGES} AND OLD.stage NOT IN ${OPEN_STAGES}))
         EXECUTE FUNCTION crm_opportunity_employer_copy_trigger()`,
    );
    await queryRunner.query(`SELECT crm_fill_opportunity_employer_copy()`);
    // The key is the stale list's order; the included columns let the count read the index alone.
    await queryRunner.query(
      `CREATE INDEX ix_opportunities_idle_since
         ON opportunities ((greatest(stage_changed_at, employer_last_contact_at)), id)
         INCLUDE (stage_changed_at, employer_last_contact_at)
         WHERE stage IN ${OPEN_STAGES} AND NOT employer_archived`,
    );
    await queryRunner.query(`ANALYZE opportunities`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_opportunities_idle_since`);
    await queryRunner.query(`DROP TRIGGER opportunities_employer_copy_update ON opportunities`);
    await queryRunner.query(`DROP TRIGGER opportunities_employer_copy ON opportunities`);
    await queryRunner.query(`DROP TRIGGER employers_opportunity_copy ON employers`);
    await queryRunner.query(`DROP FUNCTION crm_opportunity_employer_copy_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_opportunity_employer_copy_employer_trigger()`);
    await queryRunner.query(`DROP FUNCTION crm_fill_opportunity_employer_copy()`);
    await queryRunner.query(
      `ALTER TABLE opportunities DROP COLUMN employer_archived, DROP COLUMN employer_last_contact_at`,
    );
  }
}
