import { bigint, defineTable, integer, jsonb, timestamptz, varchar } from '../database/table';
import { SqlParams } from '../database/sql';
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

/** Audit rows as one multi-row INSERT (one round trip however many records a change touched). */
export function insertAuditEventsSql(events: readonly AuditEventInsert[], params: SqlParams): string {
  const rowsSql = events.map(
    (event) =>
      `(${params.add(event.actorId)}::int, ${params.add(event.action)}, ${params.add(event.entityType)}, ` +
      `${params.add(event.entityId)}::int, ${params.add(JSON.stringify(event.changes))}::jsonb, ${params.add(event.employerId ?? null)}::int)`,
  );
  return `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id) VALUES ${rowsSql.join(', ')}`;
}

/**
 * The creation event of a row that the same statement inserts (a WITH query `from` returning it):
 * its id, and the audited fields holding values only the INSERT knows (`fromRow`: field → column of
 * `from`, e.g. a default or the id of another row inserted with it), come from that row; the other
 * fields of `changes` are known beforehand.
 */
export interface InsertedAuditEvent extends Omit<AuditEventInsert, 'entityId'> {
  from: string;
  fromRow?: Record<string, string>;
}

/**
 * Audit rows of rows inserted by the same WITH statement, as its last step: the change and its audit
 * rows commit together without a transaction around them, in one round trip. Events are inserted
 * in the order given. A `fromRow` column that is NULL is left out, as `createdFields` leaves out null.
 */
export function insertInsertedAuditEventsSql(events: readonly InsertedAuditEvent[], params: SqlParams): string {
  const selects = events.map((event) => {
    const rowFields = Object.entries(event.fromRow ?? {}).map(
      ([field, column]) =>
        `${params.add(field)}::text, CASE WHEN ${event.from}.${column} IS NOT NULL ` +
        `THEN jsonb_build_array(NULL, ${event.from}.${column}) END`,
    );
    const changes = `${params.add(JSON.stringify(event.changes))}::jsonb`;
    return (
      `SELECT ${params.add(event.actorId)}::int, ${params.add(event.action)}::varchar, ${params.add(event.entityType)}::varchar, ` +
      `${event.from}.id, ${rowFields.length > 0 ? `${changes} || jsonb_strip_nulls(jsonb_build_object(${rowFields.join(', ')}))` : changes}, ` +
      `${params.add(event.employerId ?? null)}::int FROM ${event.from}`
    );
  });
  return `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id) ${selects.join(' UNION ALL ')}`;
}

export async function insertAuditEvents(db: Queryable, events: readonly AuditEventInsert[]): Promise<void> {
  if (events.length === 0) return;
  const params = new SqlParams();
  await db.query(insertAuditEventsSql(events, params), params.values);
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
