import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleted contact entries, kept for a short while so that "undo" works from any app instance. The
 * entry leaves contact_entries (so every list, search, report, export and timeline query stays as it
 * is) and waits here as its row in JSON with its persons and follow-ups until restored or purged.
 */
export class ContactEntryTrash1764600000000 implements MigrationInterface {
  name = 'ContactEntryTrash1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE contact_entries_deleted (
         id integer NOT NULL,
         employer_id integer NOT NULL,
         created_by integer,
         entry jsonb NOT NULL,
         contact_person_ids integer[] NOT NULL DEFAULT '{}',
         follow_up_ids integer[] NOT NULL DEFAULT '{}',
         deleted_by integer NOT NULL,
         deleted_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_contact_entries_deleted PRIMARY KEY (id),
         CONSTRAINT contact_entries_deleted_employer_id_fkey
           FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE CASCADE,
         CONSTRAINT contact_entries_deleted_deleted_by_fkey
           FOREIGN KEY (deleted_by) REFERENCES users (id) ON DELETE CASCADE
       )`,
    );
    // The purge of expired rows runs with every delete.
    await queryRunner.query(`CREATE INDEX ix_contact_entries_deleted_time ON contact_entries_deleted (deleted_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE contact_entries_deleted`);
  }
}
