import type { EmployerRegisterFacts, RegisterFlag, RegisterSituation } from '@tyoelama/shared';
import { boolean, date, textArray, timestamptz, varchar } from '../database/table';
import { oneRow, type Queryable, rows } from '../database/typed-query';
import { REGISTER_FLAGS_SQL } from './employer-list-sql';

/**
 * The business register's (YTJ) facts at the last refresh (business-register feature), kept in
 * columns of employersTable beside the CRM's own fields and never over them; written by
 * setRegisterFacts, outside the record's version.
 */
export const registerFactColumns = {
  register_found: boolean().orNull(),
  register_name: varchar(300).orNull(),
  register_situations: textArray(),
  register_ceased_on: date().orNull(),
  register_checked_at: timestamptz().orNull(),
};

/** The register facts' columns of an employer's detail row, over EMPLOYER_LIST_FROM. */
export const REGISTER_DETAIL_COLUMNS = `e.register_found, e.register_name, e.register_situations,
  e.register_ceased_on::text AS register_ceased_on, e.register_checked_at`;

/** What a detail row holds of the register facts (REGISTER_DETAIL_COLUMNS and the list row's flags). */
interface RegisterDetailRow {
  register_found: boolean | null;
  register_name: string | null;
  register_situations: RegisterSituation[];
  register_ceased_on: string | null;
  register_checked_at: Date | null;
  register_flags: RegisterFlag[];
}

/** The facts as the employer's page shows them; null before the first refresh. */
export function registerFacts(row: RegisterDetailRow): EmployerRegisterFacts | null {
  if (!row.register_checked_at) return null;
  return {
    found: row.register_found ?? false,
    name: row.register_name,
    situations: row.register_situations,
    ceasedOn: row.register_ceased_on,
    checkedAt: row.register_checked_at.toISOString(),
    flags: row.register_flags,
  };
}

/** The register's facts for one employer (business-register refresh); returns the flags before and after. */
export async function setRegisterFacts(
  db: Queryable,
  employerId: number,
  facts: {
    found: boolean;
    name: string | null;
    situations: RegisterSituation[];
    ceasedOn: string | null;
    checkedAt: Date;
  },
): Promise<{ before: RegisterFactsRow; after: RegisterFactsRow } | null> {
  // The row is locked by the UPDATE; the subquery reads the values it replaces (same snapshot).
  const row = await oneRow<{ before: RegisterFactsRow; after: RegisterFactsRow }>(
    db,
    `WITH old AS (SELECT id, ${FACT_COLUMNS} FROM employers e WHERE id = $1 FOR NO KEY UPDATE)
     UPDATE employers e SET register_found = $2, register_name = $3, register_situations = $4::text[],
            register_ceased_on = $5::date, register_checked_at = $6
       FROM old WHERE e.id = old.id
     RETURNING row_to_json(old)::jsonb - 'id' AS before,
               jsonb_build_object('found', e.register_found, 'name', e.register_name,
                 'situations', e.register_situations, 'ceasedOn', e.register_ceased_on::text,
                 'flags', ${REGISTER_FLAGS_SQL}) AS after`,
    [employerId, facts.found, facts.name, facts.situations, facts.ceasedOn, facts.checkedAt],
  );
  return row;
}

/** The register facts as the audit trail compares them. */
export interface RegisterFactsRow {
  found: boolean | null;
  name: string | null;
  situations: string[];
  ceasedOn: string | null;
  flags: RegisterFlag[];
}

const FACT_COLUMNS = `register_found AS found, register_name AS name, register_situations AS situations,
  register_ceased_on::text AS "ceasedOn", ${REGISTER_FLAGS_SQL} AS flags`;

/** The next employers with a Y-tunnus after `afterId`, in id order: the refresh job's walk. */
export function employersWithBusinessIdAfter(
  db: Queryable,
  afterId: number,
  limit: number,
): Promise<{ id: number; business_id: string }[]> {
  return rows(
    db,
    `SELECT id, business_id FROM employers WHERE business_id IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
}

export async function countEmployersWithBusinessId(db: Queryable): Promise<number> {
  const row = await oneRow<{ total: number }>(
    db,
    `SELECT count(*)::int AS total FROM employers WHERE business_id IS NOT NULL`,
    [],
  );
  return row!.total;
}
