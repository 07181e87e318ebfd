import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employers each user opened last, for the home page. One row per user and employer, moved to
 * the front by each visit; the home feature keeps only the latest few per user.
 */
export class RecentEmployerViews1764517300000 implements MigrationInterface {
  name = 'RecentEmployerViews1764517300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE recent_employer_views (
         user_id integer NOT NULL,
         employer_id integer NOT NULL,
         viewed_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_recent_employer_views PRIMARY KEY (user_id, employer_id),
         CONSTRAINT recent_employer_views_user_id_fkey
           FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
         CONSTRAINT recent_employer_views_employer_id_fkey
           FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_recent_employer_views_user_time ON recent_employer_views (user_id, viewed_at DESC)`,
    );
    // Deleting an employer (the bench's import clean-up, erasure) looks its views up by employer.
    await queryRunner.query(`CREATE INDEX ix_recent_employer_views_employer ON recent_employer_views (employer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE recent_employer_views`);
  }
}
