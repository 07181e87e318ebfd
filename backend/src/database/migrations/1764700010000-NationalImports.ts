import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * National VET exports (KOSKI, eHOKS, Arvo) go through the same upload → preview → commit batches as
 * the employer sheets: a batch says which kind of file it holds. The keyed hashes of students and
 * periods need one secret per installation: PSEUDONYMISATION_KEY when set, otherwise the one random
 * key in `pseudonymisation_keys`, inserted by whichever instance needs it first (id 1, insert if absent).
 */
export class NationalImports1764700010000 implements MigrationInterface {
  name = 'NationalImports1764700010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE import_batches ADD COLUMN kind character varying(20) NOT NULL DEFAULT 'employers'`,
    );
    await queryRunner.query(
      `ALTER TABLE import_batches ADD CONSTRAINT import_batches_kind_check
         CHECK (kind IN ('employers', 'koski', 'ehoks', 'arvo_workplace', 'arvo_instructor'))`,
    );
    await queryRunner.query(
      `CREATE TABLE pseudonymisation_keys (
         id smallint PRIMARY KEY,
         secret character(64) NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pseudonymisation_keys_single CHECK (id = 1),
         CONSTRAINT pseudonymisation_keys_secret_check CHECK (secret ~ '^[0-9a-f]{64}$')
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE pseudonymisation_keys`);
    await queryRunner.query(`ALTER TABLE import_batches DROP CONSTRAINT import_batches_kind_check`);
    await queryRunner.query(`ALTER TABLE import_batches DROP COLUMN kind`);
  }
}
