import { Injectable } from '@nestjs/common';
import { helsinkiDate } from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import { type AuthUser, type CampusScope, readScope } from '../auth';
import { DataChanges } from '../cache/data-changes';
import { type JsonText, jsonText } from '../http/json-text';
import { REMEMBERED_LIFETIME_MS, ResultCache } from '../cache/result-cache';
import type { SqlParams } from '../database/sql';

export const HELSINKI = `'Europe/Helsinki'`;

/**
 * `column` (timestamptz) falls on Helsinki days `from`…`to`, both inclusive, either end optional.
 * Compares against the instants where those days start, so an index on the column still serves it.
 */
export function helsinkiDaysSql(
  column: string,
  from: string | null | undefined,
  to: string | null | undefined,
  params: SqlParams,
): string[] {
  const where: string[] = [];
  if (from) where.push(`${column} >= (${params.add(from)}::date)::timestamp AT TIME ZONE ${HELSINKI}`);
  if (to) where.push(`${column} < (${params.add(to)}::date + 1)::timestamp AT TIME ZONE ${HELSINKI}`);
  return where;
}

/** Whole days elapsed since `column`. */
export function daysSinceSql(column: string): string {
  return `floor(extract(epoch FROM now() - ${column}) / 86400)::int`;
}

/** The employer `employerIdSql` is linked to campus group `campusGroupId`. */
export function employerInGroupSql(employerIdSql: string, campusGroupId: number, params: SqlParams): string {
  return `EXISTS (SELECT 1 FROM employer_campus_groups fg
    WHERE fg.employer_id = ${employerIdSql} AND fg.campus_group_id = ${params.add(campusGroupId)})`;
}

export function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? 'TRUE' : conditions.join(' AND ');
}

/**
 * A report service whose reports are remembered per scope, query and Helsinki day until the next
 * committed change, for a minute at most (idle days and overdue counts move with the clock), and
 * kept as the JSON that is sent. A year of contact entries or the whole pipeline is aggregated once
 * per change, not once per viewer. A report extends it and says in `compute` how it is figured.
 */
@Injectable()
export abstract class CachedReport<Q extends object, T> {
  private readonly results: ResultCache<JsonText<T>>;

  constructor(
    protected readonly dataSource: DataSource,
    changes: DataChanges,
  ) {
    this.results = new ResultCache<JsonText<T>>(changes, { lifetimeMs: REMEMBERED_LIFETIME_MS, maxEntries: 1_000 });
  }

  /** The caller's report: scoped by their right to read reports, computed only when not remembered. */
  protected report(caller: AuthUser, query: Q): Promise<JsonText<T>> {
    const scope = readScope(caller, 'reports');
    return this.results.get(JSON.stringify([scope, query, helsinkiDate()]), async () =>
      jsonText(await this.compute(scope, query)),
    );
  }

  protected abstract compute(scope: CampusScope, query: Q): Promise<T>;
}
