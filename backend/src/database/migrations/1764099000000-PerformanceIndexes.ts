import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found missing by the scale bench (bench/README.md): 50 000 employers, 500 000 contact
 * entries, a million audit rows.
 */
export class PerformanceIndexes1764099000000 implements MigrationInterface {
  name = 'PerformanceIndexes1764099000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The employer list's keyset order for a nullable sort key is exactly
    // `(key IS NULL), key <dir>, crm_normalise(name) <dir>, id <dir>` (employer-list-sql.ts). Without
    // an index in that order every page sorted all employers and ran unaccent() on every name
    // (0.5 s at 50 000 employers). One index per direction: NULLs sort last in both.
    await queryRunner.query(
      `CREATE INDEX ix_employers_sort_last_contact
         ON employers ((last_contact_at IS NULL), last_contact_at, crm_normalise(name), id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_employers_sort_last_contact_desc
         ON employers ((last_contact_at IS NULL), last_contact_at DESC, crm_normalise(name) DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_employers_sort_next_follow_up
         ON employers ((next_follow_up_due IS NULL), next_follow_up_due, crm_normalise(name), id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_employers_sort_next_follow_up_desc
         ON employers ((next_follow_up_due IS NULL), next_follow_up_due DESC, crm_normalise(name) DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_employers_sort_next_follow_up_desc`);
    await queryRunner.query(`DROP INDEX ix_employers_sort_next_follow_up`);
    await queryRunner.query(`DROP INDEX ix_employers_sort_last_contact_desc`);
    await queryRunner.query(`DROP INDEX ix_employers_sort_last_contact`);
  }
}
