import type { TimelineItem } from '@tyoelama/shared';
import type { DataSource } from 'typeorm';
import { insertEmployer } from '../../test/fixtures';
import { type Client, type SignedIn, useFixture, useTestApp } from '../../test/test-app';

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
  const context = useTestApp();
  const ids: Record<string, number> = {};
  const given = useFixture(async () => {
    const north = await context.createCampusGroup('Pohjoinen');
    const south = await context.createCampusGroup('Etelä');
    const employer = await insertEmployer(context.dataSource, { name: 'Aikajana Oy', ownerCampusGroupId: north });
    const otherEmployer = await insertEmployer(context.dataSource, { name: 'Vieras Oy', ownerCampusGroupId: north });
    const admin = await context.signedIn('admin');
    await seedHistory(admin, north, employer, 'own');
    await seedHistory(admin, north, otherEmployer, 'other');
    return { north, south, employer, otherEmployer, admin };
  });

  /** Every kind of timeline source for one employer, plus audit rows that only duplicate them. */
  async function seedHistory(admin: SignedIn, groupId: number, employerId: number, prefix: string): Promise<void> {
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
      groupId,
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
    const response = await given.admin.get(`/api/employers/${given.employer}/timeline`);
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
      actorName: given.admin.me.displayName,
      contactEntryId: ids.ownEntry,
      type: 'meeting',
      summary: 'own: tapaaminen',
      topics: ['apprenticeship', 'recruitment'],
      campusGroupName: 'Pohjoinen',
      createdById: given.admin.me.id,
    });
    expect(byKey[`follow_up_created:${ids.ownFollowUp}`]).toMatchObject({
      kind: 'follow_up_created',
      followUpId: ids.ownFollowUp,
      title: 'own: lähetä tarjous',
      dueDate: '2026-12-01',
      assigneeName: given.admin.me.displayName,
      actorName: given.admin.me.displayName,
    });
    expect(byKey[`follow_up_done:${ids.ownFollowUp}`]).toMatchObject({
      kind: 'follow_up_done',
      actorName: given.admin.me.displayName,
    });
    expect(byKey[`follow_up_cancelled:${ids.ownCancelled}`]).toMatchObject({
      kind: 'follow_up_cancelled',
      title: 'own: peruttava',
      actorName: given.admin.me.displayName,
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
    const whole = (await given.admin.get(`/api/employers/${given.employer}/timeline?limit=200`)).body;
    const paged = await fullTimeline(given.admin, given.employer, 2);
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

    const other = await fullTimeline(given.admin, given.otherEmployer, 3);
    const ownKeys = new Set(paged.items.map((item) => item.key));
    expect(other.items.filter((item) => ownKeys.has(item.key))).toEqual([]);
    expect(JSON.stringify(other.items)).not.toContain('own:');
  });

  it('gives each changed field old → new, with campus groups, users and contact persons by name', async () => {
    const manager = await context.signedIn('account_manager');
    const edited = await insertEmployer(context.dataSource, { name: 'Muutos Oy', ownerCampusGroupId: given.north });
    const person = await context.dataSource.query(
      `INSERT INTO contact_persons (employer_id, name) VALUES ($1, 'Liisa Ohjaaja') RETURNING id`,
      [edited],
    );
    const before = (await given.admin.get(`/api/employers/${edited}`)).body;
    const saved = await given.admin.patch(`/api/employers/${edited}`, {
      version: before.version,
      status: 'partner',
      campusGroupIds: [given.south],
      accountManagerId: manager.me.id,
      sizeClass: '10-49',
    });
    expect(saved.status).toBe(200);
    await insertAudit(context.dataSource, {
      actorId: given.admin.me.id,
      employerId: edited,
      at: '2025-01-01T10:00:00Z',
      entityType: 'contact_entry',
      entityId: 1,
      action: 'update',
      changes: { contactPersonIds: [[], [person[0].id, 999999]], campusGroupId: [999999, given.north] },
    });

    const items = (await given.admin.get(`/api/employers/${edited}/timeline`)).body.items as TimelineItem[];
    const [update, entry] = items.filter((item) => item.kind === 'audit');
    expect(update.kind === 'audit' && update.changes).toEqual([
      { field: 'accountManagerId', from: null, to: manager.me.displayName, reference: 'user' },
      { field: 'campusGroupIds', from: [], to: ['Etelä'], reference: 'campusGroup' },
      { field: 'sizeClass', from: null, to: '10-49' },
      { field: 'status', from: 'prospect', to: 'partner' },
    ]);
    expect(entry.kind === 'audit' && entry.changes).toEqual([
      { field: 'campusGroupId', from: '#999999', to: 'Pohjoinen', reference: 'campusGroup' },
      { field: 'contactPersonIds', from: [], to: ['Liisa Ohjaaja', '#999999'], reference: 'contactPerson' },
    ]);
    // A campus member of the employer's groups reads the same history.
    const member = await context.signedIn('campus_member', [given.south]);
    const seen = (await member.get(`/api/employers/${edited}/timeline`)).body.items as TimelineItem[];
    expect(seen.find((item) => item.key === update.key)).toEqual(update);
  });

  it('shows the timeline to its groups and leadership, 404 to other groups and for unknown employers', async () => {
    const member = await context.signedIn('campus_member', [given.north]);
    const leader = await context.signedIn('leadership');
    const outsider = await context.signedIn('campus_member', [given.south]);
    expect((await member.get(`/api/employers/${given.employer}/timeline`)).body.total).toBeGreaterThan(0);
    expect((await leader.get(`/api/employers/${given.employer}/timeline`)).status).toBe(200);
    const hidden = await outsider.get(`/api/employers/${given.employer}/timeline`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await given.admin.get('/api/employers/999999/timeline')).status).toBe(404);
    expect((await given.admin.get(`/api/employers/${given.employer}/timeline?cursor=x`)).status).toBe(400);
    expect((await given.admin.get(`/api/employers/${given.employer}/timeline?limit=0`)).status).toBe(400);

    // Nor do the outsider's lists leak this employer's entries or follow-ups.
    expect((await outsider.get(`/api/contact-entries?employerId=${given.employer}`)).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
    expect((await outsider.get(`/api/follow-ups?employerId=${given.employer}`)).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
  });
});
