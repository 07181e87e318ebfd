import { createHmac, randomBytes } from 'node:crypto';
import { char, defineTable, smallint, timestamptz } from '../database/table';
import { oneRow, type Queryable } from '../database/typed-query';

/** The installation's one stored key, used when PSEUDONYMISATION_KEY is not configured (migration NationalImports). */
export const pseudonymisationKeysTable = defineTable('pseudonymisation_keys', {
  id: smallint().as<1>(),
  secret: char(64),
  created_at: timestamptz(),
});

/**
 * The configured key, or the stored one: the first instance to need it inserts a random key, and
 * every instance reads the row that won (insert if absent), so all of them hash alike.
 */
export async function pseudonymisationKey(db: Queryable, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query(`INSERT INTO pseudonymisation_keys (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [
    randomBytes(32).toString('hex'),
  ]);
  const row = await oneRow<{ secret: string }>(db, `SELECT secret FROM pseudonymisation_keys WHERE id = 1`);
  return row!.secret;
}

/**
 * Keyed hashes (HMAC-SHA-256, hex) that stand for students and their periods. Without the key a
 * hash cannot be turned back into an OID, nor recomputed from a guessed one.
 */
export class Pseudonymiser {
  constructor(private readonly key: string) {}

  private hash(text: string): string {
    return createHmac('sha256', this.key).update(text, 'utf8').digest('hex');
  }

  /** The student (oppija OID): counting distinct keys counts students. */
  student(oid: string): string {
    return this.hash(`student|${oid.trim()}`);
  }

  /**
   * A period: the same student, kind, start and workplace (Y-tunnus, or the normalised name when
   * there is none) in KOSKI and in eHOKS give the same key, so the two sources meet on one row.
   */
  period(oid: string, kind: string, startsOn: string, businessId: string | null, workplaceName: string | null): string {
    const workplace = businessId ?? `name:${normaliseWorkplaceName(workplaceName)}`;
    return this.hash(`period|${oid.trim()}|${kind}|${startsOn}|${workplace}`);
  }
}

/** Case, accents, punctuation and spacing do not make another workplace. */
export function normaliseWorkplaceName(name: string | null): string {
  return (name ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
