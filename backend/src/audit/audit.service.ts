import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditChanges, type AuditEventInsert, insertAuditEvent } from './audit.table';

export type AuditRecord = AuditEventInsert;

/** Fields whose values never go into the audit trail, only the fact that they changed. */
const SECRET_FIELDS = new Set(['password', 'passwordHash']);

/** Field → [before, after] for the fields that differ; arrays compared as sets of values in order. */
export function diffFields<T extends object>(
  before: Partial<T>,
  after: Partial<T>,
  fields: readonly (keyof T)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const previous = before[field] ?? null;
    const next = after[field] ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(next)) {
      changes[String(field)] = SECRET_FIELDS.has(String(field)) ? ['***', '***'] : [previous, next];
    }
  }
  return changes;
}

/** Field → [null, value] for a created record. */
export function createdFields<T extends object>(record: Partial<T>, fields: readonly (keyof T)[]): AuditChanges {
  return diffFields({}, record, fields);
}

/**
 * Writes audit events. Always called with the transaction's EntityManager, so the change and its
 * audit row commit or roll back together.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await insertAuditEvent(manager, event);
  }
}
