import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * YTJ in the UI: the employer's company form (filled from the register, edited like any field),
 * the register's facts at the last refresh kept beside the CRM's own fields (never over them), and
 * the admin's refresh job, whose state lives here so a restarted or second instance carries it on.
 */
export class BusinessRegisterRefresh1764700100000 implements MigrationInterface {
  name = 'BusinessRegisterRefresh1764700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE employers
         ADD COLUMN company_form character varying(100),
         ADD COLUMN register_found boolean,
         ADD COLUMN register_name character varying(300),
         ADD COLUMN register_situations text[] NOT NULL DEFAULT '{}',
         ADD COLUMN register_ceased_on date,
         ADD COLUMN register_checked_at timestamptz`,
    );
    await queryRunner.query(
      `CREATE TABLE business_register_refreshes (
         id serial NOT NULL,
         status character varying(10) NOT NULL DEFAULT 'running',
         total integer NOT NULL,
         progress integer NOT NULL DEFAULT 0,
         cursor_employer_id integer NOT NULL DEFAULT 0,
         changed integer NOT NULL DEFAULT 0,
         flagged integer NOT NULL DEFAULT 0,
         not_found integer NOT NULL DEFAULT 0,
         failed integer NOT NULL DEFAULT 0,
         retries integer NOT NULL DEFAULT 0,
         next_request_at timestamptz NOT NULL DEFAULT now(),
         error character varying(100),
         started_by integer,
         started_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         finished_at timestamptz,
         CONSTRAINT pk_business_register_refreshes PRIMARY KEY (id),
         CONSTRAINT business_register_refreshes_status_check CHECK (status IN ('running', 'done', 'failed')),
         CONSTRAINT business_register_refreshes_started_by_fkey
           FOREIGN KEY (started_by) REFERENCES users (id) ON DELETE SET NULL
       )`,
    );
    // At most one job runs, whatever the instances: a second start loses on this index.
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_business_register_refreshes_running ON business_register_refreshes ((true))
         WHERE status = 'running'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE business_register_refreshes`);
    await queryRunner.query(
      `ALTER TABLE employers
         DROP COLUMN company_form, DROP COLUMN register_found, DROP COLUMN register_name,
         DROP COLUMN register_situations, DROP COLUMN register_ceased_on, DROP COLUMN register_checked_at`,
    );
  }
}
