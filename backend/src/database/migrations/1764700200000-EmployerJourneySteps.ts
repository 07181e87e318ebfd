import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employer journey's steps set by hand (PRODUCT.md, "The employer journey the team serves"):
 * the steps the CRM cannot derive from its data, and overrides of those it can. One row per employer
 * and step; `reached_on` NULL means the date was cleared (the derived one applies again) and the row
 * stays, so its version keeps counting and a stale save still gets 409.
 */
export class EmployerJourneySteps1764700200000 implements MigrationInterface {
  name = 'EmployerJourneySteps1764700200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE employer_journey_steps (
         employer_id integer NOT NULL,
         step character varying(30) NOT NULL,
         reached_on date,
         set_by integer,
         set_at timestamptz NOT NULL DEFAULT now(),
         version integer NOT NULL DEFAULT 1,
         CONSTRAINT pk_employer_journey_steps PRIMARY KEY (employer_id, step),
         CONSTRAINT employer_journey_steps_step_check CHECK (step IN ('first_contact', 'suitability', 'agreement',
           'instructor_briefing', 'guidance', 'competence_demonstration', 'feedback', 'continuing_partnership')),
         CONSTRAINT employer_journey_steps_employer_id_fkey FOREIGN KEY (employer_id) REFERENCES employers (id),
         CONSTRAINT employer_journey_steps_set_by_fkey FOREIGN KEY (set_by) REFERENCES users (id) ON DELETE SET NULL
       )`,
    );
    // Remembered results may read the journey (and the demo seed empties it): its writes move the shared counter.
    await queryRunner.query(
      `CREATE TRIGGER shared_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON employer_journey_steps
       FOR EACH STATEMENT EXECUTE FUNCTION crm_note_data_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE employer_journey_steps`);
  }
}
