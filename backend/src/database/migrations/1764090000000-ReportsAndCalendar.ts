import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportsAndCalendar1764090000000 implements MigrationInterface {
  name = 'ReportsAndCalendar1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Global search matches opportunity titles accent- and typo-tolerantly, like employer names.
    await queryRunner.query(
      `CREATE INDEX ix_opportunities_title_trgm ON opportunities USING gin (crm_normalise(title) gin_trgm_ops)`,
    );

    // One secret feed URL per user; only the token's SHA-256 is stored, so a leaked table cannot be replayed.
    await queryRunner.query(`
      CREATE TABLE calendar_feeds (
        user_id integer PRIMARY KEY,
        token_hash character(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_calendar_feeds_token_hash UNIQUE (token_hash),
        CONSTRAINT calendar_feeds_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE calendar_feeds`);
    await queryRunner.query(`DROP INDEX ix_opportunities_title_trgm`);
  }
}
