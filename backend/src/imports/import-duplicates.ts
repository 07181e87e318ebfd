import type { ImportDuplicate } from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import type { ParsedRow } from './import-rows';

/** pg_trgm similarity above which two normalised names count as the same employer. */
export const SIMILAR_NAME_THRESHOLD = 0.6;

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
 * Flags rows that are probably existing employers, in two queries for the whole file: Y-tunnus
 * equality, then the most similar name per row through the trigram index (`%` with the threshold
 * set for this transaction, so the GIN index prunes the candidates). A name match is ignored when
 * both sides have different Y-tunnus: they are different legal entities.
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

  await manager.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(SIMILAR_NAME_THRESHOLD)]);
  const names = candidates.map((row) => row.employer.name!);
  const nameMatches: NameMatch[] = names.length
    ? await manager.query(
        `SELECT n.ord::text AS ord, m.id, m.name, m.business_id, m.similarity
           FROM unnest($1::text[]) WITH ORDINALITY AS n(name, ord)
           CROSS JOIN LATERAL (
             SELECT e.id, e.name, e.business_id,
                    similarity(crm_normalise(e.name), crm_normalise(n.name))::float8 AS similarity
               FROM employers e
              WHERE crm_normalise(e.name) % crm_normalise(n.name)
                AND similarity(crm_normalise(e.name), crm_normalise(n.name)) > $2
              ORDER BY similarity DESC, e.id
              LIMIT 1) m`,
        [names, SIMILAR_NAME_THRESHOLD],
      )
    : [];
  const byIndex = new Map(nameMatches.map((match) => [Number(match.ord) - 1, match]));

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
