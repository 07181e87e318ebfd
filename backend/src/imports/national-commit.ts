import type { NationalImportReport, NationalImportSource } from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import { type AuditRecord, type AuditService, createdFields } from '../audit';
import type { AuthUser } from '../auth';
import {
  employersByBusinessId,
  type InstructorInput,
  insertInstructors,
  instructorIds,
  removeMissingPeriods,
  removeMissingSurveys,
  upsertPeriods,
  upsertSurveys,
} from './national-import.table';
import type { NationalRecord, PeriodRecord, SurveyRecord } from './national-record';
import { rangeOf } from './national-summary';
import { normaliseWorkplaceName } from './pseudonymisation';

/** The commit's writes of a national file's records: periods with their instructors, or surveys. */

/** Records per multi-row statement. */
const CHUNK = 2000;

export function emptyReport(source: NationalImportSource, failed: number): NationalImportReport {
  return {
    source,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    sourceRemoved: 0,
    failed,
    instructorsCreated: 0,
    matched: 0,
  };
}

function instructorKey(employerId: number, record: PeriodRecord): string {
  return `${employerId}|${normaliseWorkplaceName(record.instructor_name)}`;
}

export async function writePeriods(
  manager: EntityManager,
  audit: AuditService,
  caller: AuthUser,
  source: 'koski' | 'ehoks',
  records: PeriodRecord[],
  report: NationalImportReport,
  progress: (written: number) => Promise<void>,
): Promise<void> {
  const instructorOf = await instructors(manager, audit, caller, records, report);
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK).map((record) => ({
      ...record,
      instructor_id: instructorOf.get(record.period_key) ?? null,
    }));
    const written = await upsertPeriods(manager, source, chunk);
    report.inserted += written.inserted;
    report.updated += written.updated;
    await progress(Math.min(start + CHUNK, records.length));
  }
  const range = rangeOf(records);
  if (range) {
    const removed = await removeMissingPeriods(
      manager,
      source,
      range,
      records.map((record) => record.period_key),
    );
    report.removed = removed.removed;
    report.sourceRemoved = removed.sourceRemoved;
  }
  report.matched = await countMatched(manager, records);
}

/**
 * The instructors of periods at an employer become its contact persons (created when the employer
 * has no such person yet, each with its own audit row, which erasure scrubs like any other
 * person's); period key → the person.
 */
async function instructors(
  manager: EntityManager,
  audit: AuditService,
  caller: AuthUser,
  records: readonly PeriodRecord[],
  report: NationalImportReport,
): Promise<Map<string, number>> {
  const named = records.filter((record) => record.instructor_name && record.business_id);
  if (!named.length) return new Map();
  const employers = new Map(
    (
      await employersByBusinessId(manager, [...new Set(named.map((record) => record.business_id!))], () => 'TRUE', [])
    ).map((employer) => [employer.business_id, employer.id]),
  );
  const distinct = new Map<string, InstructorInput>();
  const keyOfPeriod = new Map<string, string>();
  for (const record of named) {
    const employerId = employers.get(record.business_id!);
    if (employerId === undefined) continue;
    const key = instructorKey(employerId, record);
    keyOfPeriod.set(record.period_key, key);
    const known = distinct.get(key);
    if (!known) {
      distinct.set(key, {
        employer_id: employerId,
        name: record.instructor_name!,
        email: record.instructor_email,
        phone: record.instructor_phone,
      });
    } else {
      known.email ??= record.instructor_email;
      known.phone ??= record.instructor_phone;
    }
  }
  const inputs = [...distinct.values()];
  const created = await insertInstructors(manager, inputs);
  report.instructorsCreated = created.length;
  await audit.record(
    manager,
    ...created.map((person): AuditRecord => ({
      actorId: caller.id,
      action: 'import',
      entityType: 'contact_person',
      entityId: person.id,
      employerId: person.employer_id,
      changes: createdFields(
        { name: person.name, email: person.email, phone: person.phone, roles: ['workplace_instructor'] },
        ['name', 'email', 'phone', 'roles'],
      ),
    })),
  );
  const ids = await instructorIds(manager, inputs);
  const idOfKey = new Map([...distinct.keys()].map((key, index) => [key, ids[index]]));
  const result = new Map<string, number>();
  for (const [periodKey, key] of keyOfPeriod) {
    const personId = idOfKey.get(key);
    if (personId) result.set(periodKey, personId);
  }
  return result;
}

export async function writeSurveys(
  manager: EntityManager,
  source: NationalImportSource,
  records: SurveyRecord[],
  report: NationalImportReport,
  progress: (written: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < records.length; start += CHUNK) {
    const written = await upsertSurveys(manager, records.slice(start, start + CHUNK));
    report.inserted += written.inserted;
    report.updated += written.updated;
    await progress(Math.min(start + CHUNK, records.length));
  }
  const range = rangeOf(records);
  if (range) {
    report.removed = await removeMissingSurveys(
      manager,
      source === 'arvo_workplace' ? 'workplace' : 'instructor',
      range,
      records.map((record) => record.code),
    );
  }
  report.matched = await countMatched(manager, records);
}

/** Records whose Y-tunnus is an employer's now. */
async function countMatched(manager: EntityManager, records: readonly NationalRecord[]): Promise<number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    if (record.business_id) counts.set(record.business_id, (counts.get(record.business_id) ?? 0) + 1);
  }
  const employers = await employersByBusinessId(manager, [...counts.keys()], () => 'TRUE', []);
  return employers.reduce((sum, employer) => sum + (counts.get(employer.business_id) ?? 0), 0);
}
