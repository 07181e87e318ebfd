import type { ImportDuplicate } from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import type { ParsedRow } from './import-rows';

/** pg_trgm similarity of a row's name key to the corrected key below which a typo match is not trusted. */
export const SIMILAR_NAME_THRESHOLD = 0.6;

/**
 * Rows per duplicate-check statement: a 10 000-row file takes about 2 s at 50 000 employers in one
 * statement, so chunks keep each well inside the client's 10 s query timeout on a busy machine.
 */
export const DUPLICATE_CHECK_CHUNK = 2500;

interface BusinessIdMatch {
  business_id: string;
  id: number;
  name: string;
}

interface NameMatch {
  ord: string;
  id: number;
  name: string;
  business_id: string | null;
  similarity: number;
}

/**
 * The most likely existing employer for each name, matched by name key (crm_employer_name_key:
 * accent-free, lower case, legal form left out) through its b-tree index. A word of the key that no
 * employer name uses is first replaced by the closest word that one does, within a typo (the
 * dictionary of name words, trigram index; the same one-typo rule as the employer search), so
 * "Pirkanmaan Sähköasenus Oy.j" finds "Pirkanmaan Sähköasennus Oy". Among several employers with
 * the key, one whose Y-tunnus cannot contradict the row's comes first.
 */
const NAME_MATCH_SQL = `
  WITH input AS MATERIALIZED (
    SELECT n.ord, crm_employer_name_key(n.name) AS key, n.business_id
      FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS n(name, business_id, ord)
  ),
  unknown_words AS (
    SELECT DISTINCT w.word FROM input i, unnest(string_to_array(i.key, ' ')) AS w(word)
     WHERE NOT EXISTS (SELECT 1 FROM employer_name_words d WHERE d.word = w.word)
  ),
  corrections AS (
    SELECT u.word, c.word AS correction
      FROM unknown_words u
     CROSS JOIN LATERAL (
       SELECT d.word FROM employer_name_words d
        WHERE d.word % u.word
          AND similarity(d.word, u.word) >= greatest(0.4, least(0.6,
                (cardinality(show_trgm(u.word)) - 4.0) / (cardinality(show_trgm(u.word)) + 4.0)))
        ORDER BY similarity(d.word, u.word) DESC, d.word
        LIMIT 1) c
  ),
  canonical AS MATERIALIZED (
    SELECT i.ord, i.key, i.business_id, string_agg(coalesce(c.correction, w.word), ' ' ORDER BY w.at) AS canonical_key
      FROM input i
     CROSS JOIN unnest(string_to_array(i.key, ' ')) WITH ORDINALITY AS w(word, at)
      LEFT JOIN corrections c ON c.word = w.word
     GROUP BY i.ord, i.key, i.business_id
  ),
  trusted AS MATERIALIZED (
    SELECT ord, business_id, canonical_key, similarity(key, canonical_key)::float8 AS similarity
      FROM canonical
     WHERE key = canonical_key OR similarity(key, canonical_key) > $3
  )
  SELECT DISTINCT ON (t.ord) t.ord::text AS ord, e.id, e.name, e.business_id, t.similarity
    FROM trusted t
    JOIN employers e ON crm_employer_name_key(e.name) = t.canonical_key
   ORDER BY t.ord, (t.business_id IS NOT NULL AND e.business_id IS NOT NULL), e.id`;

/**
 * Flags rows that are probably existing employers, a few set-based statements per file: Y-tunnus
 * equality, then the name match above (the word similarity threshold is set for this transaction).
 * A name match is ignored when both sides have different Y-tunnus: they are different legal entities.
 */
export async function markDuplicates(manager: EntityManager, rows: ParsedRow[]): Promise<void> {
  const candidates = rows.filter((row) => row.inFileDuplicateOf === undefined && row.employer.name);
  const businessIds = candidates.map((row) => row.employer.businessId).filter((id): id is string => Boolean(id));
  const byBusinessId = new Map<string, BusinessIdMatch>();
  if (businessIds.length) {
    const found: BusinessIdMatch[] = await manager.query(
      `SELECT business_id, id, name FROM employers WHERE business_id = ANY($1::text[])`,
      [businessIds],
    );
    for (const match of found) byBusinessId.set(match.business_id, match);
  }

  // The loosest per-word threshold above, so the trigram index finds every word it may accept.
  await manager.query(`SELECT set_config('pg_trgm.similarity_threshold', '0.4', true)`);
  const byIndex = new Map<number, NameMatch>();
  for (let start = 0; start < candidates.length; start += DUPLICATE_CHECK_CHUNK) {
    const chunk = candidates.slice(start, start + DUPLICATE_CHECK_CHUNK);
    const matches: NameMatch[] = await manager.query(NAME_MATCH_SQL, [
      chunk.map((row) => row.employer.name!),
      chunk.map((row) => row.employer.businessId ?? null),
      SIMILAR_NAME_THRESHOLD,
    ]);
    for (const match of matches) byIndex.set(start + Number(match.ord) - 1, match);
  }

  candidates.forEach((row, index) => {
    const idMatch = row.employer.businessId ? byBusinessId.get(row.employer.businessId) : undefined;
    if (idMatch) {
      row.duplicate = { reason: 'business_id', employerId: idMatch.id, employerName: idMatch.name };
      return;
    }
    const nameMatch = byIndex.get(index);
    const differentEntities = Boolean(row.employer.businessId && nameMatch?.business_id);
    if (nameMatch && !differentEntities) {
      row.duplicate = {
        reason: 'similar_name',
        employerId: nameMatch.id,
        employerName: nameMatch.name,
        similarity: Math.round(nameMatch.similarity * 1000) / 1000,
      } satisfies ImportDuplicate;
    }
  });
}
