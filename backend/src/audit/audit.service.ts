import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditChanges, type AuditEventInsert, insertAuditEvents } from './audit.table';

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
 * The audit events of one kind of record: its entity type, the fields its trail compares, and the
 * employer whose timeline shows them.
 */
export class AuditTrail<T extends { id: number }> {
  constructor(
    private readonly entityType: string,
    private readonly fields: readonly (keyof T)[],
    /** The record's field naming the employer whose timeline shows its events, if any. */
    private readonly employerIdField?: keyof T & string,
  ) {}

  /** An event about `record` (the record after the change) with changes worked out by the caller. */
  event(
    actorId: number | null,
    action: string,
    record: Pick<T, 'id'> & Partial<T>,
    changes: AuditChanges,
  ): AuditRecord {
    return {
      actorId,
      action,
      entityType: this.entityType,
      entityId: record.id,
      employerId: this.employerIdField ? ((record[this.employerIdField] as number | undefined) ?? null) : null,
      changes,
    };
  }

  created(actorId: number | null, record: T): AuditRecord {
    return this.event(actorId, 'create', record, createdFields(record, this.fields));
  }

  updated(actorId: number | null, before: T, after: T): AuditRecord {
    return this.event(actorId, 'update', after, diffFields(before, after, this.fields));
  }

  /** The deleted record's audited values go into the event: [value, null]. */
  deleted(actorId: number | null, record: T): AuditRecord {
    return this.event(actorId, 'delete', record, diffFields(record, {}, this.fields));
  }
}

/**
 * Writes audit events. Always called with the transaction's EntityManager, so the change and its
 * audit row commit or roll back together.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ...events: AuditRecord[]): Promise<void> {
    await insertAuditEvents(manager, events);
  }
}
