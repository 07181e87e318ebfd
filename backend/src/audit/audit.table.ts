import { bigint, defineTable, integer, jsonb, timestamptz, varchar } from '../database/table';
import { type Queryable, rows } from '../database/typed-query';

/** Field name → [before, after]. */
export type AuditChanges = Record<string, [unknown, unknown]>;

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). `actor_id` is a user's id and
 * `employer_id` the employer whose timeline shows the event, when it concerns an employer's records.
 */
export const auditEventsTable = defineTable('audit_events', {
  id: bigint(),
  occurred_at: timestamptz(),
  actor_id: integer().orNull(),
  action: varchar(40),
  entity_type: varchar(40),
  entity_id: integer(),
  changes: jsonb<AuditChanges>(),
  employer_id: integer().orNull(),
});

export interface AuditEventInsert {
  actorId: number | null;
  /** create, update, archive, restore, delete, erase, set_password, import, complete, … (free text by design). */
  action: string;
  entityType: string;
  entityId: number;
  changes: AuditChanges;
  /** Set for records that belong to an employer, so the employer's timeline shows the event. */
  employerId?: number | null;
}

export async function insertAuditEvent(db: Queryable, event: AuditEventInsert): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      event.actorId,
      event.action,
      event.entityType,
      event.entityId,
      JSON.stringify(event.changes),
      event.employerId ?? null,
    ],
  );
}

/** One record's events, oldest first (what a data-access request shows of its history). */
export async function auditEventsOf(
  db: Queryable,
  entityType: string,
  entityId: number,
): Promise<{ occurredAt: string; action: string; changes: AuditChanges }[]> {
  const events = await rows<{ occurred_at: Date; action: string; changes: AuditChanges }>(
    db,
    `SELECT occurred_at, action, changes FROM audit_events
      WHERE entity_type = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
    [entityType, entityId],
  );
  return events.map((event) => ({
    occurredAt: event.occurred_at.toISOString(),
    action: event.action,
    changes: event.changes,
  }));
}
