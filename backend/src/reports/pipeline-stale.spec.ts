import { type OpportunityType, STALE_LIST_LIMIT, type StaleOpportunityDto } from '@tyoelama/shared';
import type { EntityManager } from 'typeorm';
import type { CampusScope } from '../auth';
import { SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';
import { OPEN_STAGES_SQL } from '../opportunities';
import { archiveAndMoveLastContacts, startWithScaleData } from '../../test/rollup-changes';
import type { Client, TestContext } from '../../test/test-app';
import { PipelineService } from './pipeline.service';

interface StaleCase {
  scope: CampusScope;
  days: number;
  campusGroupId?: number;
  type?: OpportunityType;
}

type StaleList = { count: number; items: StaleOpportunityDto[] };

/**
 * The query the stale list was before opportunities carried their employer's last contact and
 * archived state (migration OpportunityIdleSince): idle since the later of the stage change and the
 * employer's last contact, joined row by row. The oracle the copy must reproduce.
 */
async function staleByJoin(
  manager: EntityManager,
  { scope, days, campusGroupId, type }: StaleCase,
): Promise<StaleList> {
  const params = new SqlParams();
  const idleSince = 'greatest(o.stage_changed_at, e.last_contact_at)';
  const conditions = [
    employerVisibleSql(scope, 'o.employer_id', params),
    `o.stage IN ${OPEN_STAGES_SQL}`,
    'e.archived_at IS NULL',
    `${idleSince} < now() - make_interval(days => ${params.add(days)})`,
  ];
  if (campusGroupId) conditions.push(`o.campus_group_id = ${params.add(campusGroupId)}`);
  if (type) conditions.push(`o.type = ${params.add(type)}`);
  const rows: (StaleOpportunityDto & { total: number })[] = await manager.query(
    `SELECT o.id, o.title, o.stage, o.employer_id AS "employerId", e.name AS "employerName",
            floor(extract(epoch FROM now() - ${idleSince}) / 86400)::int AS "daysIdle", count(*) OVER ()::int AS total
       FROM opportunities o JOIN employers e ON e.id = o.employer_id
      WHERE ${conditions.join(' AND ')}
      ORDER BY ${idleSince}, o.id
      LIMIT ${STALE_LIST_LIMIT}`,
    params.values,
  );
  return { count: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...item }) => item) };
}

/**
 * The pipeline summary's stale list and count equal the join they replaced, on seeded data (bulk-loaded
 * without triggers, the copy filled once) and after every change that moves an opportunity's idleness
 * or whether it is listed: contact entries, archive and restore, stage moves out of the open stages
 * and back, an opportunity moved to another employer, created and deleted; through the API and by
 * plain SQL, several rows per statement.
 */
describe('pipeline stale list', () => {
  let context: TestContext;
  let admin: Client;
  let service: PipelineService;
  let groups: number[];

  function cases(): StaleCase[] {
    const all: CampusScope = { kind: 'all' };
    return [
      { scope: all, days: 30 },
      { scope: all, days: 1 },
      { scope: all, days: 365 },
      { scope: all, days: 30, campusGroupId: groups[1] },
      { scope: all, days: 30, type: 'apprenticeship' },
      { scope: all, days: 60, campusGroupId: groups[0], type: 'training_agreement' },
      { scope: { kind: 'groups', campusGroupIds: [groups[2]] }, days: 30 },
      { scope: { kind: 'groups', campusGroupIds: [groups[2], groups[3]] }, days: 30, type: 'recruitment' },
    ];
  }

  /**
   * Both in one snapshot and at one now(), as the summary reads them: the copy as the whole
   * college's list reads it (stale()) and as a campus member's summary does (with every figure).
   */
  async function listsBothWays(
    staleCase: StaleCase,
  ): Promise<{ copy: StaleList; copyWithFigures: StaleList; join: StaleList }> {
    const query = { campusGroupId: staleCase.campusGroupId?.toString(), type: staleCase.type };
    return context.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const summary = await service['figures'](
        manager,
        staleCase.scope,
        { ...query, staleDays: String(staleCase.days) },
        'tables',
      );
      return {
        copy: await service['stale'](manager, staleCase.scope, query, staleCase.days),
        copyWithFigures: { count: summary.stale.count, items: summary.stale.items },
        join: await staleByJoin(manager, staleCase),
      };
    });
  }

  async function expectSameAsJoin(): Promise<StaleList[]> {
    const lists: StaleList[] = [];
    for (const staleCase of cases()) {
      const { copy, copyWithFigures, join } = await listsBothWays(staleCase);
      expect({ staleCase, copy }).toEqual({ staleCase, copy: join });
      expect({ staleCase, copyWithFigures }).toEqual({ staleCase, copyWithFigures: join });
      lists.push(join);
    }
    // What the list reads is exact for every open opportunity, not only for those listed now.
    const [{ wrong }]: { wrong: number }[] = await context.dataSource.query(
      `SELECT count(*)::int AS wrong FROM opportunities o JOIN employers e ON e.id = o.employer_id
        WHERE o.stage IN ${OPEN_STAGES_SQL}
          AND (o.employer_last_contact_at, o.employer_archived) IS DISTINCT FROM (e.last_contact_at, e.archived_at IS NOT NULL)`,
    );
    expect(wrong).toBe(0);
    return lists;
  }

  /** The most idle opportunity of the whole college, which every change below moves. */
  async function mostIdle(): Promise<StaleOpportunityDto> {
    const { join } = await listsBothWays({ scope: { kind: 'all' }, days: 30 });
    return join.items[0];
  }

  async function versionOf(opportunityId: number): Promise<number> {
    const [{ version }] = await context.dataSource.query(`SELECT version FROM opportunities WHERE id = $1`, [
      opportunityId,
    ]);
    return version;
  }

  async function moveStage(opportunityId: number, change: { stage: string; lostReason?: string }): Promise<void> {
    const moved = await admin.patch(`/api/opportunities/${opportunityId}`, {
      version: await versionOf(opportunityId),
      ...change,
    });
    expect(moved.status).toBe(200);
  }

  async function logContact(employerId: number, occurredAt: Date): Promise<number> {
    const created = await admin.post('/api/contact-entries', {
      employerId,
      type: 'phone',
      occurredAt: occurredAt.toISOString(),
      summary: 'Hiljaisen listan testi',
      topics: [],
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

  beforeAll(async () => {
    ({ context, groups } = await startWithScaleData());
    service = context.app.get(PipelineService);
    admin = await context.signedIn('admin');
  }, 120_000);

  afterAll(() => context.close());

  it('equals the join on freshly seeded data, with lists longer and shorter than the limit', async () => {
    const lists = await expectSameAsJoin();
    expect(lists.some((list) => list.count > STALE_LIST_LIMIT)).toBe(true);
    expect(lists.some((list) => list.count > 0 && list.count < STALE_LIST_LIMIT)).toBe(true);
  });

  it('follows the employer’s last contact as contact entries are logged and deleted', async () => {
    // A contact today takes the most idle one off the list; an older one moves it down.
    const first = await mostIdle();
    await logContact(first.employerId, new Date());
    const second = await mostIdle();
    expect(second.id).not.toBe(first.id);
    await logContact(second.employerId, daysAgo(45));
    await expectSameAsJoin();
    // Deleting the entry moves the last contact back (the employer's activity is recounted).
    const third = await mostIdle();
    const entry = await logContact(third.employerId, daysAgo(2));
    await expectSameAsJoin();
    expect((await admin.delete(`/api/contact-entries/${entry}`)).status).toBe(204);
    expect((await mostIdle()).id).toBe(third.id);
    await expectSameAsJoin();
  });

  it('leaves out an archived employer’s opportunities and lists them again when it is restored', async () => {
    const idle = await mostIdle();
    const [{ version }] = await context.dataSource.query(`SELECT version FROM employers WHERE id = $1`, [
      idle.employerId,
    ]);
    const archived = await admin.post(`/api/employers/${idle.employerId}/archive`, { version });
    expect(archived.status).toBe(200);
    expect((await mostIdle()).id).not.toBe(idle.id);
    await expectSameAsJoin();
    const restored = await admin.post(`/api/employers/${idle.employerId}/restore`, { version: version + 1 });
    expect(restored.status).toBe(200);
    expect((await mostIdle()).id).toBe(idle.id);
    await expectSameAsJoin();
  });

  it('follows stage moves: within the open stages, to won or lost, and back to open after the employer moved on', async () => {
    const idle = await mostIdle();
    await moveStage(idle.id, { stage: 'negotiating' });
    await expectSameAsJoin();
    const closing = await mostIdle();
    await moveStage(closing.id, { stage: 'lost', lostReason: 'Ei tarvetta' });
    const won = await mostIdle();
    await moveStage(won.id, { stage: 'won' });
    await expectSameAsJoin();
    // While closed, its employer's last contact moves (a closed one's copy is left as it was) and the
    // employer is archived and restored; the reopened opportunity must read the employer as it is now.
    await context.dataSource.query(
      `UPDATE employers SET last_contact_at = now() - interval '40 days', archived_at = now() WHERE id = $1`,
      [closing.employerId],
    );
    await context.dataSource.query(`UPDATE employers SET archived_at = NULL WHERE id = $1`, [closing.employerId]);
    await context.dataSource.query(
      `UPDATE opportunities SET stage_changed_at = now() - interval '400 days' WHERE id = $1`,
      [closing.id],
    );
    await moveStage(closing.id, { stage: 'contacted' });
    await context.dataSource.query(`UPDATE employers SET last_contact_at = now() - interval '33 days' WHERE id = $1`, [
      won.employerId,
    ]);
    await context.dataSource.query(
      `UPDATE opportunities SET stage = 'identified', stage_changed_at = now() - interval '500 days' WHERE id = $1`,
      [won.id],
    );
    await expectSameAsJoin();
  });

  it('follows opportunities created, moved to another employer and deleted', async () => {
    const idle = await mostIdle();
    const created = await admin.post('/api/opportunities', {
      employerId: idle.employerId,
      title: 'Hiljainen uusi',
      type: 'recruitment',
    });
    expect(created.status).toBe(201);
    // Created long ago as far as idleness goes: only the employer's copy decides where it stands.
    await context.dataSource.query(
      `UPDATE opportunities SET stage_changed_at = now() - interval '3 years' WHERE id = $1`,
      [created.body.id],
    );
    await expectSameAsJoin();
    // Moved to employers with other last contacts, one of them archived: an open and a closed one per statement.
    const [archivedEmployer]: { id: number }[] = await context.dataSource.query(
      `SELECT id FROM employers WHERE archived_at IS NOT NULL ORDER BY id LIMIT 1`,
    );
    await context.dataSource.query(
      `UPDATE opportunities o
          SET employer_id = CASE WHEN o.id % 2 = 0 THEN $1
                                 ELSE (SELECT min(e.id) FROM employers e WHERE e.id > o.employer_id + 10) END
        WHERE (o.id % 13 = 0 OR o.id = $2) AND o.employer_id < (SELECT max(id) - 10 FROM employers)`,
      [archivedEmployer.id, created.body.id],
    );
    await context.dataSource.query(
      `INSERT INTO opportunities (employer_id, title, type, campus_group_id, stage, stage_changed_at)
       SELECT e.id, 'SQL:llä', 'other', l.campus_group_id, 'agreed', now() - interval '2 years'
         FROM employers e JOIN employer_campus_groups l ON l.employer_id = e.id
        WHERE e.id % 37 = 0`,
    );
    await expectSameAsJoin();
    expect((await admin.delete(`/api/opportunities/${(await mostIdle()).id}`)).status).toBe(204);
    await context.dataSource.query(`DELETE FROM opportunities WHERE id % 23 = 0`);
    await expectSameAsJoin();
  });

  it('stays equal after bulk changes of last contacts, archiving and stages', async () => {
    await archiveAndMoveLastContacts(context.dataSource);
    await context.dataSource.query(
      `UPDATE opportunities SET stage = CASE WHEN stage IN ${OPEN_STAGES_SQL} THEN 'won' ELSE 'agreed' END,
              stage_changed_at = now() - interval '100 days'
        WHERE id % 7 = 0`,
    );
    await context.dataSource.query(
      `UPDATE employers SET last_contact_at = now() - interval '35 days' WHERE id % 11 = 0`,
    );
    await expectSameAsJoin();
  });
});
