import { Injectable } from '@nestjs/common';
import {
  AUDIT_REFERENCE_FIELDS,
  type AuditReference,
  type AuditValue,
  type ContactTopic,
  type ContactType,
  type OpportunityStage,
  type Page,
  type TimelineChange,
  type TimelineItem,
  type TimelineKind,
  type TimelineQuery,
} from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { assertUnreachable } from '../auth';
import { decodeCursor, pageSize, timestampKeySql } from '../database/keyset';
import { SqlParams } from '../database/sql';
import { keysetPage } from '../database/keyset-page';
import { rows } from '../database/typed-query';
import { readableEmployer } from '../employers';

interface TimelineRow {
  key: string;
  at: Date;
  /** `at` as the keyset cursor holds it. */
  at_key: string;
  actor_name: string | null;
  kind: TimelineKind;
  data: Record<string, unknown>;
}

function contactEntries(employer: string): string {
  return `SELECT 'contact_entry:' || c.id AS key, c.occurred_at AS at, u.display_name AS actor_name,
      'contact_entry' AS kind,
      json_build_object('contactEntryId', c.id, 'type', c.type, 'summary', c.summary, 'topics', c.topics,
                        'campusGroupName', g.name, 'createdById', c.created_by) AS data
    FROM contact_entries c
    JOIN campus_groups g ON g.id = c.campus_group_id
    LEFT JOIN users u ON u.id = c.created_by
   WHERE c.employer_id = ${employer}`;
}

function followUpsCreated(employer: string): string {
  return `SELECT 'follow_up_created:' || f.id, f.created_at, u.display_name, 'follow_up_created',
      json_build_object('followUpId', f.id, 'title', f.title, 'dueDate', f.due_date::text, 'assigneeName', a.display_name)
    FROM follow_ups f
    JOIN users a ON a.id = f.assignee_id
    LEFT JOIN users u ON u.id = f.created_by
   WHERE f.employer_id = ${employer}`;
}

/**
 * Done and cancelled follow-ups as they stand now. A cancel stores no time or actor of its own,
 * so both come from its audit row, with updated_at as the fallback.
 */
function followUpsClosed(employer: string): string {
  return `SELECT CASE f.status WHEN 'done' THEN 'follow_up_done:' ELSE 'follow_up_cancelled:' END || f.id,
      CASE f.status WHEN 'done' THEN f.completed_at ELSE COALESCE(cancel.occurred_at, f.updated_at) END,
      CASE f.status WHEN 'done' THEN done_by.display_name ELSE cancel.actor_name END,
      CASE f.status WHEN 'done' THEN 'follow_up_done' ELSE 'follow_up_cancelled' END,
      json_build_object('followUpId', f.id, 'title', f.title)
    FROM follow_ups f
    LEFT JOIN users done_by ON done_by.id = f.completed_by
    LEFT JOIN LATERAL (
      SELECT ae.occurred_at, au.display_name AS actor_name
        FROM audit_events ae LEFT JOIN users au ON au.id = ae.actor_id
       WHERE f.status = 'cancelled' AND ae.entity_type = 'follow_up' AND ae.entity_id = f.id AND ae.action = 'cancel'
       ORDER BY ae.id DESC LIMIT 1) cancel ON TRUE
   WHERE f.employer_id = ${employer} AND f.status IN ('done', 'cancelled')`;
}

function stageChanges(employer: string): string {
  return `SELECT 'stage_change:' || s.id, s.changed_at, u.display_name, 'stage_change',
      json_build_object('opportunityId', o.id, 'opportunityTitle', o.title, 'fromStage', s.from_stage,
                        'toStage', s.to_stage, 'lostReason', s.lost_reason)
    FROM opportunity_stage_changes s
    JOIN opportunities o ON o.id = s.opportunity_id
    LEFT JOIN users u ON u.id = s.changed_by
   WHERE o.employer_id = ${employer}`;
}

/**
 * Audit events of the employer's records, except those the other parts already show: logging a
 * contact, creating, completing or cancelling a follow-up, and moving an opportunity's stage.
 */
function auditEvents(employer: string): string {
  return `SELECT 'audit:' || ae.id, ae.occurred_at, u.display_name, 'audit',
      json_build_object('entityType', ae.entity_type, 'entityId', ae.entity_id, 'action', ae.action,
        'changedFields', COALESCE((SELECT json_agg(k ORDER BY k) FROM jsonb_object_keys(ae.changes) k), '[]'),
        'changes', ae.changes)
    FROM audit_events ae
    LEFT JOIN users u ON u.id = ae.actor_id
   WHERE ae.employer_id = ${employer}
     AND NOT (ae.entity_type = 'contact_entry' AND ae.action = 'create')
     AND NOT (ae.entity_type = 'follow_up' AND ae.action IN ('create', 'complete', 'cancel'))
     AND NOT (ae.entity_type = 'opportunity' AND ae.action = 'update' AND ae.changes ? 'stage'
              AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(ae.changes) k
                               WHERE k NOT IN ('stage', 'lostReason', 'stageChangedAt')))
     AND NOT (ae.action = 'update' AND ae.changes = '{}'::jsonb)`;
}

function timelineSql(employer: string): string {
  return [contactEntries, followUpsCreated, followUpsClosed, stageChanges, auditEvents]
    .map((part) => part(employer))
    .join('\nUNION ALL\n');
}

/** An audit row's `changes`: field → [before, after]. */
type StoredChanges = Record<string, [AuditValue, AuditValue]>;

function storedChanges(fields: readonly string[], changes: StoredChanges): TimelineChange[] {
  return fields.map((field) => {
    const [from, to] = changes[field] ?? [null, null];
    const reference = AUDIT_REFERENCE_FIELDS[field];
    return reference ? { field, from, to, reference } : { field, from, to };
  });
}

function referencedIds(value: AuditValue): number[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((id): id is number => typeof id === 'number');
}

/** Ids in a reference field become names, `#id` for a row that is gone. */
function namedValue(value: AuditValue, names: ReadonlyMap<number, string>): AuditValue {
  if (value === null) return null;
  const named = referencedIds(value).map((id) => names.get(id) ?? `#${id}`);
  return Array.isArray(value) ? named : (named[0] ?? null);
}

const REFERENCE_NAMES_SQL = `
  SELECT 'campusGroup' AS reference, g.id, g.name FROM campus_groups g WHERE g.id = ANY ($1::int[])
  UNION ALL SELECT 'user', u.id, u.display_name FROM users u WHERE u.id = ANY ($2::int[])
  UNION ALL SELECT 'contactPerson', p.id, p.name FROM contact_persons p WHERE p.id = ANY ($3::int[]) AND p.employer_id = $4`;

function toItem(row: TimelineRow): TimelineItem {
  const base = { key: row.key, at: row.at.toISOString(), actorName: row.actor_name };
  const data = row.data;
  switch (row.kind) {
    case 'contact_entry':
      return {
        ...base,
        kind: row.kind,
        contactEntryId: Number(data.contactEntryId),
        type: data.type as ContactType,
        summary: String(data.summary),
        topics: data.topics as ContactTopic[],
        campusGroupName: String(data.campusGroupName),
        createdById: (data.createdById ?? null) as number | null,
      };
    case 'follow_up_created':
      return {
        ...base,
        kind: row.kind,
        followUpId: Number(data.followUpId),
        title: String(data.title),
        dueDate: String(data.dueDate),
        assigneeName: String(data.assigneeName),
      };
    case 'follow_up_done':
    case 'follow_up_cancelled':
      return { ...base, kind: row.kind, followUpId: Number(data.followUpId), title: String(data.title) };
    case 'stage_change':
      return {
        ...base,
        kind: row.kind,
        opportunityId: Number(data.opportunityId),
        opportunityTitle: String(data.opportunityTitle),
        fromStage: (data.fromStage ?? null) as OpportunityStage | null,
        toStage: data.toStage as OpportunityStage,
        lostReason: (data.lostReason ?? null) as string | null,
      };
    case 'audit':
      return {
        ...base,
        kind: row.kind,
        entityType: String(data.entityType),
        entityId: Number(data.entityId),
        action: String(data.action),
        changedFields: data.changedFields as string[],
        changes: storedChanges(data.changedFields as string[], data.changes as StoredChanges),
      };
    default:
      return assertUnreachable(row.kind);
  }
}

@Injectable()
export class TimelineService {
  constructor(private readonly dataSource: DataSource) {}

  /** The employer's history newest first, merged from its sources in one query. */
  async list(caller: AuthUser, employerId: number, query: TimelineQuery): Promise<Page<TimelineItem>> {
    const limit = pageSize(query.limit);
    const cursor = decodeCursor(query.cursor, ['timestamp', 'text']);
    await readableEmployer(this.dataSource.manager, caller, employerId, 'employers');

    const params = new SqlParams();
    const items = `(${timelineSql(params.add(employerId))}) AS t(key, at, actor_name, kind, data)`;
    // Keys compare byte-wise so the order never depends on the database's collation.
    const after = cursor
      ? `WHERE (t.at, t.key COLLATE "C") < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])} COLLATE "C")`
      : '';
    // The total is a window over the whole history, taken before the cursor narrows it: the five
    // sources are read once per request, not once for the count and again for the page.
    const fetched = await rows<TimelineRow & { total: number }>(
      this.dataSource,
      `SELECT t.key, t.at, ${timestampKeySql('t.at')} AS at_key, t.actor_name, t.kind, t.data, t.total
         FROM (SELECT t.*, count(*) OVER ()::int AS total FROM ${items}) t ${after}
        ORDER BY t.at DESC, t.key COLLATE "C" DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const total = fetched[0]?.total ?? (await this.count(employerId));
    const page = keysetPage(fetched, limit, toItem, (last) => [last.at_key, last.key]);
    return { ...page, items: await this.withReferenceNames(employerId, page.items), total };
  }

  /**
   * Reference fields' ids as names, one query for the page. Whoever reads the employer reads its
   * whole history, so the names of its groups, people and the users who worked on it go with it;
   * a contact person of another employer stays an id.
   */
  private async withReferenceNames(employerId: number, items: TimelineItem[]): Promise<TimelineItem[]> {
    const ids: Record<AuditReference, Set<number>> = {
      campusGroup: new Set(),
      user: new Set(),
      contactPerson: new Set(),
    };
    for (const item of items) {
      if (item.kind !== 'audit') continue;
      for (const change of item.changes) {
        if (!change.reference) continue;
        for (const id of [...referencedIds(change.from), ...referencedIds(change.to)]) ids[change.reference].add(id);
      }
    }
    if (!ids.campusGroup.size && !ids.user.size && !ids.contactPerson.size) return items;
    const found = await rows<{ reference: AuditReference; id: number; name: string }>(
      this.dataSource,
      REFERENCE_NAMES_SQL,
      [[...ids.campusGroup], [...ids.user], [...ids.contactPerson], employerId],
    );
    const names: Record<AuditReference, Map<number, string>> = {
      campusGroup: new Map(),
      user: new Map(),
      contactPerson: new Map(),
    };
    for (const row of found) names[row.reference].set(row.id, row.name);
    return items.map((item) =>
      item.kind === 'audit'
        ? {
            ...item,
            changes: item.changes.map((change) =>
              change.reference
                ? {
                    ...change,
                    from: namedValue(change.from, names[change.reference]),
                    to: namedValue(change.to, names[change.reference]),
                  }
                : change,
            ),
          }
        : item,
    );
  }

  /** Past the last item no row carries the total. */
  private async count(employerId: number): Promise<number> {
    const [{ total }] = await rows<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM (${timelineSql('$1')}) AS t`,
      [employerId],
    );
    return total;
  }
}
