import type { TimelineItem } from '@tyoelama/shared';
import type { DataSource } from 'typeorm';
import { insertEmployer } from '../../test/fixtures';
import { type Client, startTestApp, type TestContext } from '../../test/test-app';

async function insertOpportunityWithStages(
  dataSource: DataSource,
  employerId: number,
  campusGroupId: number,
  actorId: number,
  title: string,
): Promise<number> {
  const [{ id }] = await dataSource.query(
    `INSERT INTO opportunities (employer_id, title, type, campus_group_id, stage) VALUES ($1, $2, 'apprenticeship', $3, 'contacted')
     RETURNING id`,
    [employerId, title, campusGroupId],
  );
  await dataSource.query(
    `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_at, changed_by)
     VALUES ($1, NULL, 'identified', '2025-01-05T10:00:00Z', $2), ($1, 'identified', 'contacted', '2025-01-06T10:00:00Z', $2)`,
    [id, actorId],
  );
  return id;
}

async function insertAudit(
  dataSource: DataSource,
  values: {
    actorId: number;
    entityType: string;
    entityId: number;
    action: string;
    changes: object;
    employerId: number;
    at: string;
  },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      values.actorId,
      values.action,
      values.entityType,
      values.entityId,
      JSON.stringify(values.changes),
      values.employerId,
      values.at,
    ],
  );
}

describe('employer timeline API', () => {
  let context: TestContext;
  let north: number;
  let south: number;
  let employer: number;
  let otherEmployer: number;
  let admin: Client & { me: { id: number; displayName: string } };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    context = await startTestApp();
    north = await context.createCampusGroup('Pohjoinen');
    south = await context.createCampusGroup('Etelä');
    employer = await insertEmployer(context.dataSource, { name: 'Aikajana Oy', ownerCampusGroupId: north });
    otherEmployer = await insertEmployer(context.dataSource, { name: 'Vieras Oy', ownerCampusGroupId: north });
    admin = await context.signedIn('admin');
    await seedHistory(employer, 'own');
    await seedHistory(otherEmployer, 'other');
  });
  afterAll(() => context.close());

  /** Every kind of timeline source for one employer, plus audit rows that only duplicate them. */
  async function seedHistory(employerId: number, prefix: string): Promise<void> {
    const first = await admin.post('/api/contact-entries', {
      employerId,
      type: 'meeting',
      occurredAt: '2025-01-10T09:00:00.000Z',
      summary: `${prefix}: tapaaminen`,
      topics: ['apprenticeship', 'recruitment'],
      followUp: { title: `${prefix}: lähetä tarjous`, dueDate: '2026-12-01' },
    });
    expect(first.status).toBe(201);
    ids[`${prefix}Entry`] = first.body.id;
    ids[`${prefix}FollowUp`] = first.body.followUpIds[0];
    const second = await admin.post('/api/contact-entries', {
      employerId,
      type: 'phone',
      occurredAt: '2025-01-12T09:00:00.000Z',
      summary: `${prefix}: soitto`,
    });
    ids[`${prefix}Second`] = second.body.id;
    expect(
      (await admin.patch(`/api/contact-entries/${second.body.id}`, { version: 1, notes: 'Lisätieto' })).status,
    ).toBe(200);
    expect((await admin.post(`/api/follow-ups/${first.body.followUpIds[0]}/complete`, { version: 1 })).status).toBe(
      200,
    );
    const standalone = await admin.post('/api/follow-ups', {
      employerId,
      title: `${prefix}: peruttava`,
      dueDate: '2026-12-05',
    });
    ids[`${prefix}Cancelled`] = standalone.body.id;
    expect((await admin.post(`/api/follow-ups/${standalone.body.id}/cancel`, { version: 1 })).status).toBe(200);

    const opportunity = await insertOpportunityWithStages(
      context.dataSource,
      employerId,
      north,
      admin.me.id,
      `${prefix}: oppisopimus`,
    );
    ids[`${prefix}Opportunity`] = opportunity;
    const audit = { actorId: admin.me.id, employerId, at: '2025-01-06T10:00:00Z' };
    // A stage-only update is already shown as the stage change; a title edit is not.
    await insertAudit(context.dataSource, {
      ...audit,
      entityType: 'opportunity',
      entityId: opportunity,
      action: 'update',
      changes: { stage: ['identified', 'contacted'] },
    });
    await insertAudit(context.dataSource, {
      ...audit,
      at: '2025-01-07T10:00:00Z',
      entityType: 'opportunity',
      entityId: opportunity,
      action: 'update',
      changes: { title: ['Vanha', `${prefix}: oppisopimus`], stage: ['contacted', 'negotiating'] },
    });
    await insertAudit(context.dataSource, {
      ...audit,
      at: '2025-01-02T10:00:00Z',
      entityType: 'employer',
      entityId: employerId,
      action: 'update',
      changes: { website: [null, 'https://example.fi'], municipality: [null, 'Tampere'] },
    });
    await insertAudit(context.dataSource, {
      ...audit,
      at: '2025-01-03T10:00:00Z',
      entityType: 'employer',
      entityId: employerId,
      action: 'archive',
      changes: { archivedAt: [null, '2025-01-03T10:00:00Z'] },
    });
  }

  async function fullTimeline(
    client: Client,
    employerId: number,
    limit: number,
  ): Promise<{ items: TimelineItem[]; totals: number[] }> {
    const items: TimelineItem[] = [];
    const totals: number[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/employers/${employerId}/timeline?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...response.body.items);
      totals.push(response.body.total);
      cursor = response.body.nextCursor;
    } while (cursor);
    return { items, totals };
  }

  it('merges entries, follow-ups, stage changes and audit events, newest first', async () => {
    const response = await admin.get(`/api/employers/${employer}/timeline`);
    expect(response.status).toBe(200);
    const items = response.body.items as TimelineItem[];
    expect(response.body.total).toBe(items.length);
    expect(response.body.nextCursor).toBeNull();

    const at = items.map((item) => Date.parse(item.at));
    expect(at).toEqual([...at].sort((a, b) => b - a));
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);

    const byKey = Object.fromEntries(items.map((item) => [item.key, item]));
    expect(byKey[`contact_entry:${ids.ownEntry}`]).toEqual({
      key: `contact_entry:${ids.ownEntry}`,
      kind: 'contact_entry',
      at: '2025-01-10T09:00:00.000Z',
      actorName: admin.me.displayName,
      contactEntryId: ids.ownEntry,
      type: 'meeting',
      summary: 'own: tapaaminen',
      topics: ['apprenticeship', 'recruitment'],
      campusGroupName: 'Pohjoinen',
    });
    expect(byKey[`follow_up_created:${ids.ownFollowUp}`]).toMatchObject({
      kind: 'follow_up_created',
      followUpId: ids.ownFollowUp,
      title: 'own: lähetä tarjous',
      dueDate: '2026-12-01',
      assigneeName: admin.me.displayName,
      actorName: admin.me.displayName,
    });
    expect(byKey[`follow_up_done:${ids.ownFollowUp}`]).toMatchObject({
      kind: 'follow_up_done',
      actorName: admin.me.displayName,
    });
    expect(byKey[`follow_up_cancelled:${ids.ownCancelled}`]).toMatchObject({
      kind: 'follow_up_cancelled',
      title: 'own: peruttava',
      actorName: admin.me.displayName,
    });
    const stages = items.filter((item) => item.kind === 'stage_change');
    expect(
      stages.map((item) => item.kind === 'stage_change' && [item.fromStage, item.toStage, item.opportunityTitle]),
    ).toEqual([
      ['identified', 'contacted', 'own: oppisopimus'],
      [null, 'identified', 'own: oppisopimus'],
    ]);

    // Audit rows that only repeat the items above are left out; edits and archiving stay.
    const audits = items.flatMap((item) =>
      item.kind === 'audit' ? [[item.entityType, item.action, item.changedFields]] : [],
    );
    expect(audits).toEqual([
      ['contact_entry', 'update', ['notes']],
      ['opportunity', 'update', ['stage', 'title']],
      ['employer', 'archive', ['archivedAt']],
      ['employer', 'update', ['municipality', 'website']],
    ]);
    expect(items).toHaveLength(4 + 2 + 1 + 1 + 2 + 2);
  });

  it('pages through every item with a small limit in the same order, never showing another employer', async () => {
    const whole = (await admin.get(`/api/employers/${employer}/timeline?limit=200`)).body;
    const paged = await fullTimeline(admin, employer, 2);
    expect(paged.items.map((item) => item.key)).toEqual(whole.items.map((item: TimelineItem) => item.key));
    expect(new Set(paged.totals)).toEqual(new Set([whole.total]));

    const foreign = new Set([
      `contact_entry:${ids.otherEntry}`,
      `contact_entry:${ids.otherSecond}`,
      `follow_up_created:${ids.otherFollowUp}`,
      `follow_up_cancelled:${ids.otherCancelled}`,
    ]);
    expect(paged.items.filter((item) => foreign.has(item.key))).toEqual([]);
    expect(JSON.stringify(paged.items)).not.toContain('other:');
    expect(paged.items.every((item) => item.kind !== 'stage_change' || item.opportunityId === ids.ownOpportunity)).toBe(
      true,
    );

    const other = await fullTimeline(admin, otherEmployer, 3);
    const ownKeys = new Set(paged.items.map((item) => item.key));
    expect(other.items.filter((item) => ownKeys.has(item.key))).toEqual([]);
    expect(JSON.stringify(other.items)).not.toContain('own:');
  });

  it('shows the timeline to its groups and leadership, 404 to other groups and for unknown employers', async () => {
    const member = await context.signedIn('campus_member', [north]);
    const leader = await context.signedIn('leadership');
    const outsider = await context.signedIn('campus_member', [south]);
    expect((await member.get(`/api/employers/${employer}/timeline`)).body.total).toBeGreaterThan(0);
    expect((await leader.get(`/api/employers/${employer}/timeline`)).status).toBe(200);
    const hidden = await outsider.get(`/api/employers/${employer}/timeline`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await admin.get('/api/employers/999999/timeline')).status).toBe(404);
    expect((await admin.get(`/api/employers/${employer}/timeline?cursor=x`)).status).toBe(400);
    expect((await admin.get(`/api/employers/${employer}/timeline?limit=0`)).status).toBe(400);

    // Nor do the outsider's lists leak this employer's entries or follow-ups.
    expect((await outsider.get(`/api/contact-entries?employerId=${employer}`)).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
    expect((await outsider.get(`/api/follow-ups?employerId=${employer}`)).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
  });
});
