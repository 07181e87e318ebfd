import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Legal forms as written without dots, lower case and accent-free: "Oy.j" and "O.Y." are "oyj" and "oy". */
const LEGAL_FORMS = [
  'oy',
  'oyj',
  'ab',
  'abp',
  'ky',
  'ay',
  'tmi',
  'ry',
  'osk',
  'ltd',
  'inc',
  'osakeyhtio',
  'kommandiittiyhtio',
  'toiminimi',
  'osuuskunta',
];

/**
 * The import's duplicate check (imports/import-duplicates.ts) compares employer names by a key: the
 * accent-free lower-case name without its legal form, so "Kauppa Oy", "KAUPPA O.Y." and "Kauppa
 * Oy.j" are one name. A b-tree index on the key lets a whole file's names be matched in one join;
 * trigram similarity of every row against every name (the check before) took over 50 ms a row at
 * 50 000 employers, even with a trigram index.
 */
export class EmployerNameKey1764121000000 implements MigrationInterface {
  name = 'EmployerNameKey1764121000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Tokens are split at anything but letters, digits and dots; a token that is a legal form once its
    // dots are dropped is left out, unless the name is nothing but legal forms ("Oy" stays "oy").
    // COST: about 50 µs a call; at the default cost the planner computed it for every employer in a
    // hash join (5 s at 50 000) instead of probing the index once per row of the file (0.5 s).
    await queryRunner.query(
      `CREATE FUNCTION crm_employer_name_key(value text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 1000
         RETURN (
           SELECT coalesce(string_agg(t.word, ' ' ORDER BY t.at) FILTER (WHERE NOT t.legal_form),
                           string_agg(t.word, ' ' ORDER BY t.at))
             FROM (SELECT s.at, btrim(regexp_replace(s.token, '\\.+', ' ', 'g')) AS word,
                          replace(s.token, '.', '') = ANY (ARRAY[${LEGAL_FORMS.map((form) => `'${form}'`).join(', ')}]) AS legal_form
                     FROM regexp_split_to_table(crm_normalise(value), '[^[:alnum:].]+') WITH ORDINALITY AS s(token, at)
                    WHERE s.token ~ '[[:alnum:]]') t
         )`,
    );
    await queryRunner.query(`CREATE INDEX ix_employers_name_key ON employers (crm_employer_name_key(name))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_employers_name_key`);
    await queryRunner.query(`DROP FUNCTION crm_employer_name_key(text)`);
  }
}
