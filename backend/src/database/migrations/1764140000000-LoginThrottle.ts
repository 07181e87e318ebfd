import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in failure counters in PostgreSQL instead of process memory: every app instance sees the same
 * counts, and a restart or crash does not wipe an attacker's record.
 */
export class LoginThrottle1764140000000 implements MigrationInterface {
  name = 'LoginThrottle1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE login_throttle (
         scope varchar(10) NOT NULL,
         key_hash char(64) NOT NULL,
         failures integer NOT NULL,
         last_failure_at timestamptz NOT NULL,
         expires_at timestamptz NOT NULL,
         CONSTRAINT pk_login_throttle PRIMARY KEY (scope, key_hash)
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_login_throttle_expires ON login_throttle (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_throttle`);
  }
}
