import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What an employer row contributes to the report roll-ups changes only with these (crm_report_counts_of(employers)). */
const CONTRIBUTION_MOVED = `(OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL)
  OR (OLD.last_contact_at AT TIME ZONE 'UTC')::date IS DISTINCT FROM (NEW.last_contact_at AT TIME ZONE 'UTC')::date`;

/**
 * Every contact entry and follow-up moves its employer's activity columns (`UPDATE employers SET
 * last_contact_at = GREATEST(…)`), which fired the report roll-up trigger each time: a PL/pgSQL call
 * that works out the row's old and new share, groups them and appends nothing when the last
 * contact stays on the same UTC day, the usual case. The update trigger now fires only when the
 * share can move, as the group glance trigger on the same columns already does; inserts and deletes
 * keep theirs (a WHEN condition cannot name OLD for an INSERT).
 */
export class EmployerActivityTriggerCondition1764700400000 implements MigrationInterface {
  name = 'EmployerActivityTriggerCondition1764700400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER employers_report_counts ON employers`);
    await queryRunner.query(
      `CREATE TRIGGER employers_report_counts AFTER INSERT OR DELETE
         ON employers FOR EACH ROW EXECUTE FUNCTION crm_report_counts_trigger()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER employers_report_counts_update AFTER UPDATE OF last_contact_at, archived_at
         ON employers FOR EACH ROW WHEN (${CONTRIBUTION_MOVED}) EXECUTE FUNCTION crm_report_counts_trigger()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER employers_report_counts_update ON employers`);
    await queryRunner.query(`DROP TRIGGER employers_report_counts ON employers`);
    await queryRunner.query(
      `CREATE TRIGGER employers_report_counts AFTER INSERT OR DELETE OR UPDATE OF last_contact_at, archived_at
         ON employers FOR EACH ROW EXECUTE FUNCTION crm_report_counts_trigger()`,
    );
  }
}
