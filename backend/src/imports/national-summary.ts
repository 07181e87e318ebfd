import type { NationalImportPreviewDto } from '@tyoelama/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';
import { employersByBusinessId } from './national-import.table';
import type { NationalRecord } from './national-record';
import { normaliseWorkplaceName } from './pseudonymisation';

/** What a national file's preview says of its records: their range, employers, unknown Y-tunnus. */

function startOf(record: NationalRecord): string {
  return 'starts_on' in record ? record.starts_on : record.valid_from;
}

/** The first and last start in the file: the dates a commit replaces. */
export function rangeOf(records: readonly NationalRecord[]): { from: string; to: string } | null {
  if (!records.length) return null;
  let from = startOf(records[0]);
  let to = from;
  for (const record of records) {
    const start = startOf(record);
    if (start < from) from = start;
    if (start > to) to = start;
  }
  return { from, to };
}

/** The most frequent of the names (the first on a tie). */
export function commonest(names: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of names) {
    if (count > bestCount) [best, bestCount] = [name, count];
  }
  return best;
}

/** Counts by employer, unknown Y-tunnus and missing Y-tunnus; employers the caller may not read only count. */
export async function summariseNationalRecords(
  dataSource: DataSource,
  caller: AuthUser,
  records: readonly NationalRecord[],
): Promise<Omit<NationalImportPreviewDto, 'id' | 'fileName' | 'source' | 'problems' | 'problemCount'>> {
  const byBusinessId = new Map<string, { count: number; names: Map<string, number> }>();
  const without = new Map<string | null, number>();
  const instructors = new Set<string>();
  for (const record of records) {
    if ('instructor_name' in record && record.instructor_name) {
      instructors.add(
        `${record.business_id ?? record.workplace_name}|${normaliseWorkplaceName(record.instructor_name)}`,
      );
    }
    if (!record.business_id) {
      without.set(record.workplace_name, (without.get(record.workplace_name) ?? 0) + 1);
      continue;
    }
    const entry = byBusinessId.get(record.business_id) ?? { count: 0, names: new Map() };
    entry.count += 1;
    if (record.workplace_name)
      entry.names.set(record.workplace_name, (entry.names.get(record.workplace_name) ?? 0) + 1);
    byBusinessId.set(record.business_id, entry);
  }
  const params = new SqlParams();
  params.add([...byBusinessId.keys()]);
  const visibleSql = (idSql: string) => employerVisibleSql(readScope(caller, 'employers'), idSql, params);
  const visible = visibleSql('e.id');
  const employers = await employersByBusinessId(
    dataSource,
    [...byBusinessId.keys()],
    () => visible,
    params.values.slice(1),
  );
  let matched = 0;
  let matchedHidden = 0;
  const matchedEmployers: NationalImportPreviewDto['matchedEmployers'] = [];
  for (const employer of employers) {
    const count = byBusinessId.get(employer.business_id)!.count;
    byBusinessId.delete(employer.business_id);
    matched += count;
    if (employer.visible) matchedEmployers.push({ employerId: employer.id, name: employer.name, count });
    else matchedHidden += count;
  }
  return {
    records: records.length,
    range: rangeOf(records),
    matched,
    matchedEmployers: matchedEmployers.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fi')),
    matchedHidden,
    unknown: [...byBusinessId]
      .map(([businessId, entry]) => ({ businessId, name: commonest(entry.names), count: entry.count }))
      .sort((a, b) => b.count - a.count || a.businessId.localeCompare(b.businessId)),
    withoutBusinessId: [...without]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'fi')),
    withoutBusinessIdCount: [...without.values()].reduce((sum, count) => sum + count, 0),
    instructors: instructors.size,
  };
}
