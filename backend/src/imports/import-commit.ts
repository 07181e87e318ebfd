import type { ImportDecision, ImportReport, ImportRowOutcome } from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import { createdFields, diffFields } from '../audit';
import type { AuditChanges } from '../audit';
import {
  EMPLOYER_FIELDS,
  type EmployerValues,
  insertEmployers,
  linkCampusGroups,
  lockEmployerValues,
  newEmployerValues,
  reserveEmployerIds,
  updateEmployers,
} from '../employers';
import { nameKey, type ParsedRow } from './import-rows';

/** Rows per multi-row statement: large enough to be fast, small enough for steady progress. */
export const CHUNK_SIZE = 1000;

export interface CommitTarget {
  ownerCampusGroupId: number;
  accountManagerId: number | null;
  actorId: number;
}

/** One employer to write: a new one, or an existing one the row updates. */
interface Write {
  rowNumber: number;
  employerId: number;
  before: EmployerValues | null;
  after: EmployerValues;
  contacts: ParsedRow['contacts'];
}

export interface CommitPlan {
  creates: ParsedRow[];
  updates: { row: ParsedRow; employerId: number }[];
  report: ImportReport;
  /** Merged rows whose outcome follows their first row's. */
  merged: ParsedRow[];
}

function describeErrors(row: ParsedRow): string {
  return row.errors.map((error) => `${error.path}: ${error.message}`).join('; ');
}

/** Decides every row's fate before anything is written; `decisions` were checked against the rows already. */
export function planCommit(rows: ParsedRow[], decisions: Record<string, ImportDecision>): CommitPlan {
  const report: ImportReport = {
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    merged: 0,
    contactsCreated: 0,
    rows: [],
  };
  const plan: CommitPlan = { creates: [], updates: [], report, merged: [] };
  const updatedEmployers = new Set<number>();
  for (const row of rows) {
    if (row.errors.length) {
      report.rows.push({ rowNumber: row.rowNumber, outcome: 'failed', reason: describeErrors(row) });
      continue;
    }
    if (row.inFileDuplicateOf !== undefined) {
      plan.merged.push(row);
      continue;
    }
    const decision = decisions[row.rowNumber] ?? (row.duplicate ? 'skip' : 'create');
    if (decision === 'skip') {
      const reason = row.duplicate ? `Duplicate of employer ${row.duplicate.employerId}` : 'Skipped';
      report.rows.push({ rowNumber: row.rowNumber, outcome: 'skipped', reason, employerId: row.duplicate?.employerId });
    } else if (decision === 'update' && row.duplicate) {
      if (updatedEmployers.has(row.duplicate.employerId)) {
        report.rows.push({
          rowNumber: row.rowNumber,
          outcome: 'skipped',
          reason: 'Another row of the file already updates this employer',
          employerId: row.duplicate.employerId,
        });
        continue;
      }
      updatedEmployers.add(row.duplicate.employerId);
      plan.updates.push({ row, employerId: row.duplicate.employerId });
    } else {
      plan.creates.push(row);
    }
  }
  return plan;
}

/** Outcomes of merged rows, once their first rows' outcomes are known. */
export function settleMergedRows(plan: CommitPlan): void {
  const outcomes = new Map(plan.report.rows.map((row) => [row.rowNumber, row]));
  for (const row of plan.merged) {
    const first = outcomes.get(row.inFileDuplicateOf!);
    const written = first && (first.outcome === 'created' || first.outcome === 'updated');
    plan.report.rows.push(
      written
        ? {
            rowNumber: row.rowNumber,
            outcome: 'merged',
            employerId: first.employerId,
            reason: `Merged into row ${row.inFileDuplicateOf}`,
          }
        : {
            rowNumber: row.rowNumber,
            outcome: 'skipped',
            reason: `Row ${row.inFileDuplicateOf} of the same employer was not imported`,
          },
    );
  }
  plan.report.rows.sort((a, b) => a.rowNumber - b.rowNumber);
  const count = (outcome: ImportRowOutcome) => plan.report.rows.filter((row) => row.outcome === outcome).length;
  Object.assign(plan.report, {
    created: count('created'),
    updated: count('updated'),
    skipped: count('skipped'),
    failed: count('failed'),
    merged: count('merged'),
  });
}

function newValues(row: ParsedRow, target: CommitTarget): EmployerValues {
  const employer = row.employer;
  return newEmployerValues({
    ...employer,
    name: employer.name!,
    ownerCampusGroupId: target.ownerCampusGroupId,
    accountManagerId: target.accountManagerId,
    status: employer.status ?? 'prospect',
    tags: employer.tags ?? [],
  });
}

/**
 * An update keeps the owner group and what the file leaves empty; the file's values replace the
 * rest (an industry as a whole), its tags are added to the existing ones, and its account manager fills only an empty slot.
 */
function updatedValues(before: EmployerValues, row: ParsedRow, target: CommitTarget): EmployerValues {
  const given = Object.fromEntries(
    Object.entries(row.employer).filter(
      ([key, value]) => value !== null && key !== 'ownerCampusGroupId' && key !== 'accountManagerId',
    ),
  ) as Partial<EmployerValues>;
  return {
    ...before,
    ...given,
    // The file's industry replaces the stored one whole: a new section must not keep an old section's code.
    ...(given.industryClassification
      ? { industrySection: given.industrySection ?? null, industryCode: given.industryCode ?? null }
      : {}),
    tags: [...new Set([...before.tags, ...(row.employer.tags ?? [])])],
    accountManagerId: before.accountManagerId ?? target.accountManagerId,
  };
}

/** Writes the plan inside the caller's transaction, chunk by chunk; `onProgress` gets the rows written so far. */
export async function writePlan(
  manager: EntityManager,
  plan: CommitPlan,
  target: CommitTarget,
  onProgress: (written: number) => Promise<void>,
): Promise<void> {
  const ids = await reserveEmployerIds(manager, plan.creates.length);
  const creates: Write[] = plan.creates.map((row, index) => ({
    rowNumber: row.rowNumber,
    employerId: ids[index],
    before: null,
    after: newValues(row, target),
    contacts: row.contacts,
  }));
  const befores = await lockEmployerValues(
    manager,
    plan.updates.map((update) => update.employerId),
  );
  const updates: Write[] = plan.updates.map(({ row, employerId }) => ({
    rowNumber: row.rowNumber,
    employerId,
    before: befores.get(employerId)!,
    after: updatedValues(befores.get(employerId)!, row, target),
    contacts: row.contacts,
  }));

  const all = [...creates, ...updates];
  for (let start = 0; start < all.length; start += CHUNK_SIZE) {
    const chunk = all.slice(start, start + CHUNK_SIZE);
    const toEmployer = (write: Write) => ({ id: write.employerId, values: write.after });
    await insertEmployers(manager, chunk.filter((write) => !write.before).map(toEmployer), target.actorId);
    await updateEmployers(manager, chunk.filter((write) => write.before).map(toEmployer));
    // The importing campus group must see what it imported, updated employers included.
    await linkCampusGroups(
      manager,
      chunk.map((write) => write.employerId),
      [target.ownerCampusGroupId],
    );
    const contactNames = await insertContacts(manager, chunk);
    await insertAudit(manager, chunk, contactNames, target.actorId);
    for (const write of chunk) {
      plan.report.rows.push({
        rowNumber: write.rowNumber,
        outcome: write.before ? 'updated' : 'created',
        employerId: write.employerId,
      });
    }
    plan.report.contactsCreated += [...contactNames.values()].reduce((sum, names) => sum + names.length, 0);
    await onProgress(Math.min(start + CHUNK_SIZE, all.length));
  }
}

/**
 * A contact person is identified within an employer by name (accent- and case-free) or by e-mail:
 * the same person on two rows of a file, or in a file imported again, is added once.
 */
function newContacts(writes: Write[]) {
  return writes.flatMap((write) => {
    const seen = new Set<string>();
    return write.contacts.flatMap((contact, position) => {
      const keys = [
        `name:${nameKey(contact.name)}`,
        ...(contact.email ? [`email:${contact.email.toLowerCase()}`] : []),
      ];
      if (keys.some((key) => seen.has(key))) return [];
      for (const key of keys) seen.add(key);
      return [
        {
          employer_id: write.employerId,
          position,
          name: contact.name,
          title: contact.title ?? null,
          email: contact.email ?? null,
          phone: contact.phone ?? null,
        },
      ];
    });
  });
}

/** Adds the rows' contact persons the employers do not have yet; returns the added names per employer. */
async function insertContacts(manager: EntityManager, writes: Write[]): Promise<Map<number, string[]>> {
  const contacts = newContacts(writes);
  const added = new Map<number, string[]>();
  if (!contacts.length) return added;
  const rows: { employer_id: number; name: string }[] = await manager.query(
    `INSERT INTO contact_persons (employer_id, name, title, email, phone)
     SELECT r.employer_id, r.name, r.title, r.email, r.phone
       FROM jsonb_to_recordset($1::jsonb) AS r(employer_id int, position int, name text, title text, email text, phone text)
      WHERE NOT EXISTS (SELECT 1 FROM contact_persons p
                         WHERE p.employer_id = r.employer_id AND p.erased_at IS NULL
                           AND (crm_normalise(p.name) = crm_normalise(r.name) OR lower(p.email) = lower(r.email)))
      ORDER BY r.employer_id, r.position
     RETURNING employer_id, name`,
    [JSON.stringify(contacts)],
  );
  for (const row of rows) added.set(row.employer_id, [...(added.get(row.employer_id) ?? []), row.name]);
  return added;
}

async function insertAudit(
  manager: EntityManager,
  writes: Write[],
  contactNames: Map<number, string[]>,
  actorId: number,
): Promise<void> {
  const events = writes.map((write) => {
    const changes: AuditChanges = write.before
      ? diffFields(write.before, write.after, EMPLOYER_FIELDS)
      : createdFields(write.after, EMPLOYER_FIELDS);
    const names = contactNames.get(write.employerId);
    if (names?.length) changes.contactPersons = [null, names];
    return { entity_id: write.employerId, changes };
  });
  await manager.query(
    `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id)
     SELECT $2, 'import', 'employer', r.entity_id, r.changes, r.entity_id
       FROM jsonb_to_recordset($1::jsonb) AS r(entity_id int, changes jsonb)`,
    [JSON.stringify(events), actorId],
  );
}
