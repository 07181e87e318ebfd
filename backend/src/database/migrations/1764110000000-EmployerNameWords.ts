import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employer name search by words (employer-list-sql.ts). A trigram index over whole names had to
 * read the posting lists of every trigram of the query: 20–40 ms for a two-word name at 50 000
 * employers. Now each query word is first matched, by substring or by typo, against the small
 * dictionary of words the names use, and the names are then found by those words through a GIN
 * index on each name's word array (1.5 ms).
 */
export class EmployerNameWords1764110000000 implements MigrationInterface {
  name = 'EmployerNameWords1764110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Words are the runs between spaces and ASCII punctuation of the accent-free lower-case name.
    await queryRunner.query(
      `CREATE FUNCTION crm_name_words(value text) RETURNS text[]
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         RETURN array_remove(regexp_split_to_array(crm_normalise(value), '[[:space:][:punct:]]+'), '')`,
    );
    await queryRunner.query(`CREATE INDEX ix_employers_name_words ON employers USING gin (crm_name_words(name))`);
    // Replaced by the word index: no query searches whole employer names by trigram any more.
    await queryRunner.query(`DROP INDEX ix_employers_name_trgm`);
    // Derived from employers.name and only ever added to: a word no name uses any more only widens a search.
    await queryRunner.query(`CREATE TABLE employer_name_words (word text PRIMARY KEY)`);
    await queryRunner.query(
      `CREATE INDEX ix_employer_name_words_trgm ON employer_name_words USING gin (word gin_trgm_ops)`,
    );
    // A trigger rather than the services: every path that writes names (API, import, seeds, restore) is covered.
    await queryRunner.query(
      `CREATE FUNCTION crm_remember_employer_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO employer_name_words (word)
           SELECT DISTINCT w FROM unnest(crm_name_words(NEW.name)) AS w
           ON CONFLICT DO NOTHING;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER employers_name_words AFTER INSERT OR UPDATE OF name ON employers
         FOR EACH ROW EXECUTE FUNCTION crm_remember_employer_name_words()`,
    );
    await queryRunner.query(
      `INSERT INTO employer_name_words (word)
         SELECT DISTINCT w FROM employers, unnest(crm_name_words(name)) AS w
         ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER employers_name_words ON employers`);
    await queryRunner.query(`DROP FUNCTION crm_remember_employer_name_words()`);
    await queryRunner.query(`DROP TABLE employer_name_words`);
    await queryRunner.query(
      `CREATE INDEX ix_employers_name_trgm ON employers USING gin (crm_normalise(name) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX ix_employers_name_words`);
    await queryRunner.query(`DROP FUNCTION crm_name_words(text)`);
  }
}
