import {
  OPPORTUNITY_STAGES,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityStageTotalDto,
  type StageChangeDto,
} from '@tyoelama/shared';
import { auditRows, insertEmployer } from '../../test/fixtures';
import { type Client, useFixture, useTestApp } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

describe('opportunities API', () => {
  const context = useTestApp();
  const given = useFixture(async () => {
    const hervanta = await context.createCampusGroup('Hervannan Campus-ryhmä', 'Hervanta');
    const pirkkala = await context.createCampusGroup('Pirkkalan Campus-ryhmä', 'Pirkkala');
    const elsewhere = await context.createCampusGroup('Ikaalisten Campus-ryhmä', 'Ikaalinen');
    const employer = await insertEmployer(context.dataSource, {
      name: 'Hervannan Kone Oy',
      ownerCampusGroupId: hervanta,
    });
    const shared = await insertEmployer(context.dataSource, {
      name: 'Tampereen Hoiva Oy',
      ownerCampusGroupId: pirkkala,
      campusGroupIds: [hervanta],
    });
    return { hervanta, pirkkala, elsewhere, employer, shared, manager: await context.signedIn('account_manager') };
  });

  /** A campus group of its own with one employer, for checks of who sees what. */
  async function groupWithEmployer(
    name: string,
    campus: string,
    employerName: string,
  ): Promise<{ group: number; employer: number }> {
    const group = await context.createCampusGroup(name, campus);
    return {
      group,
      employer: await insertEmployer(context.dataSource, { name: employerName, ownerCampusGroupId: group }),
    };
  }

  async function create(body: Record<string, unknown>, client: Client = given.manager): Promise<OpportunityDto> {
    const response = await client.post('/api/opportunities', {
      employerId: given.employer,
      title: 'Koulutussopimuspaikat',
      type: 'training_agreement',
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as OpportunityDto;
  }

  it('creates an opportunity with defaults from the employer and the caller, with a first stage change and an audit row', async () => {
    const response = await given.manager.post('/api/opportunities', {
      employerId: given.employer,
      title: ' Koulutussopimuspaikat kevät 2027 ',
      type: 'training_agreement',
      expectedPlaces: 4,
      expectedStart: '2027-01-15',
    });
    expect(response.status).toBe(201);
    const created = response.body as OpportunityDto;
    expect(created).toMatchObject({
      employerId: given.employer,
      employerName: 'Hervannan Kone Oy',
      title: 'Koulutussopimuspaikat kevät 2027',
      type: 'training_agreement',
      expectedPlaces: 4,
      expectedStart: '2027-01-15',
      campusGroupId: given.hervanta,
      campusGroupName: 'Hervannan Campus-ryhmä',
      ownerId: given.manager.me.id,
      ownerName: given.manager.me.displayName,
      stage: 'identified',
      lostReason: null,
      notes: null,
      version: 1,
    });
    expect((await given.manager.get(`/api/opportunities/${created.id}`)).body).toEqual(created);

    const changes = (await given.manager.get(`/api/opportunities/${created.id}/stage-changes`))
      .body as StageChangeDto[];
    expect(changes).toEqual([
      {
        id: expect.any(Number),
        opportunityId: created.id,
        fromStage: null,
        toStage: 'identified',
        changedAt: created.stageChangedAt,
        changedByName: given.manager.me.displayName,
        lostReason: null,
      },
    ]);
    const audits = await auditRows(context.dataSource, 'opportunity', created.id);
    expect(audits).toEqual([
      {
        actor_id: given.manager.me.id,
        action: 'create',
        employer_id: given.employer,
        changes: {
          title: [null, 'Koulutussopimuspaikat kevät 2027'],
          type: [null, 'training_agreement'],
          expectedPlaces: [null, 4],
          expectedStart: [null, '2027-01-15'],
          campusGroupId: [null, given.hervanta],
          ownerId: [null, given.manager.me.id],
          stage: [null, 'identified'],
        },
      },
    ]);
  });

  it('records every stage move with its time and mover, oldest first', async () => {
    const created = await create({ title: 'Oppisopimus', type: 'apprenticeship' });
    const contacted = await given.manager.patch(`/api/opportunities/${created.id}`, { version: 1, stage: 'contacted' });
    expect(contacted.status).toBe(200);
    expect(contacted.body).toMatchObject({ stage: 'contacted', version: 2 });
    expect(Date.parse(contacted.body.stageChangedAt)).toBeGreaterThan(Date.parse(created.stageChangedAt));

    const retitled = await given.manager.patch(`/api/opportunities/${created.id}`, {
      version: 2,
      title: 'Oppisopimus, 2 paikkaa',
    });
    expect(retitled.body.stageChangedAt).toBe(contacted.body.stageChangedAt);

    const negotiating = await given.manager.patch(`/api/opportunities/${created.id}`, {
      version: 3,
      stage: 'negotiating',
    });
    expect(negotiating.body).toMatchObject({ stage: 'negotiating', version: 4 });

    const changes = (await given.manager.get(`/api/opportunities/${created.id}/stage-changes`))
      .body as StageChangeDto[];
    expect(changes.map((c) => [c.fromStage, c.toStage])).toEqual([
      [null, 'identified'],
      ['identified', 'contacted'],
      ['contacted', 'negotiating'],
    ]);
    expect(changes.map((c) => c.changedAt)).toEqual([
      created.stageChangedAt,
      contacted.body.stageChangedAt,
      negotiating.body.stageChangedAt,
    ]);
    expect(changes.every((c) => c.changedByName === given.manager.me.displayName)).toBe(true);

    const audits = await auditRows(context.dataSource, 'opportunity', created.id);
    expect(audits.map((a) => [a.action, a.changes, a.employer_id])).toEqual([
      ['create', expect.any(Object), given.employer],
      ['update', { stage: ['identified', 'contacted'] }, given.employer],
      ['update', { title: ['Oppisopimus', 'Oppisopimus, 2 paikkaa'] }, given.employer],
      ['update', { stage: ['contacted', 'negotiating'] }, given.employer],
    ]);
  });

  it('refuses to lose an opportunity without a reason with a field 400 that changes nothing', async () => {
    const created = await create({ stage: 'negotiating' });
    const noReason = await given.manager.patch(`/api/opportunities/${created.id}`, { version: 1, stage: 'lost' });
    expectFieldErrors(noReason, [
      { path: 'lostReason', code: 'lost_reason_required', message: 'A lost opportunity needs a reason' },
    ]);
    const onCreate = await given.manager.post('/api/opportunities', {
      employerId: given.employer,
      title: 'X',
      type: 'other',
      stage: 'lost',
    });
    expect(onCreate.status).toBe(400);
    expect(onCreate.body.fieldErrors[0].path).toBe('lostReason');

    const lost = await given.manager.patch(`/api/opportunities/${created.id}`, {
      version: 1,
      stage: 'lost',
      lostReason: 'Ei ohjaajaa',
    });
    expect(lost.body).toMatchObject({ stage: 'lost', lostReason: 'Ei ohjaajaa', version: 2 });
    // Clearing the stored reason while the row stays lost is refused against the row, not only the body.
    const cleared = await given.manager.patch(`/api/opportunities/${created.id}`, {
      version: 2,
      lostReason: null,
      notes: 'x',
    });
    expectFieldErrors(cleared, [
      { path: 'lostReason', code: 'lost_reason_required', message: 'A lost opportunity needs a reason' },
    ]);
    const unchanged = (await given.manager.get(`/api/opportunities/${created.id}`)).body as OpportunityDto;
    expect(unchanged).toMatchObject({ stage: 'lost', lostReason: 'Ei ohjaajaa', notes: null, version: 2 });
    const changes = (await given.manager.get(`/api/opportunities/${created.id}/stage-changes`))
      .body as StageChangeDto[];
    expect(changes.map((c) => [c.toStage, c.lostReason])).toEqual([
      ['negotiating', null],
      ['lost', 'Ei ohjaajaa'],
    ]);
  });

  it('reopens a lost opportunity and clears its lost reason', async () => {
    const created = await create({ stage: 'lost', lostReason: 'Budjetti' });
    expect(created.lostReason).toBe('Budjetti');
    const reopened = await given.manager.patch(`/api/opportunities/${created.id}`, { version: 1, stage: 'contacted' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ stage: 'contacted', lostReason: null });
    const changes = (await given.manager.get(`/api/opportunities/${created.id}/stage-changes`))
      .body as StageChangeDto[];
    expect(changes.map((c) => [c.fromStage, c.toStage, c.lostReason])).toEqual([
      [null, 'lost', 'Budjetti'],
      ['lost', 'contacted', null],
    ]);
    const audits = await auditRows(context.dataSource, 'opportunity', created.id);
    expect(audits.at(-1)!.changes).toEqual({ stage: ['lost', 'contacted'], lostReason: ['Budjetti', null] });
  });

  it('refuses a stale update with 409 and the current opportunity', async () => {
    const created = await create({});
    await given.manager.patch(`/api/opportunities/${created.id}`, { version: 1, expectedPlaces: 3 });
    const stale = await given.manager.patch(`/api/opportunities/${created.id}`, { version: 1, stage: 'contacted' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(stale.body.current).toMatchObject({ id: created.id, expectedPlaces: 3, stage: 'identified', version: 2 });
    const changes = (await given.manager.get(`/api/opportunities/${created.id}/stage-changes`))
      .body as StageChangeDto[];
    expect(changes).toHaveLength(1);
  });

  it('checks the employer, campus group and owner of a new opportunity', async () => {
    const admin = await context.signedIn('admin');
    const linked = await create({ employerId: given.shared, campusGroupId: given.hervanta }, admin);
    expect(linked).toMatchObject({ campusGroupId: given.hervanta, ownerId: admin.me.id });
    const defaulted = await create({ employerId: given.shared }, admin);
    expect(defaulted.campusGroupId).toBe(given.pirkkala);

    const member = await context.createUser('campus_member', [given.hervanta]);
    const otherManager = await context.createUser('account_manager');
    const base = { employerId: given.employer, title: 'X', type: 'other' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ employerId: 999999 }, 'employerId', 'unknown_employer'],
      [{ campusGroupId: given.pirkkala }, 'campusGroupId', 'campus_group_not_linked'],
      [{ ownerId: member }, 'ownerId', 'invalid_owner'],
      [{ ownerId: 999999 }, 'ownerId', 'invalid_owner'],
    ];
    for (const [body, path, code] of cases) {
      const response = await given.manager.post('/api/opportunities', { ...base, ...body });
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
        [path, code],
      ]);
    }
    expect((await create({ ownerId: otherManager })).ownerId).toBe(otherManager);

    const archived = await insertEmployer(context.dataSource, {
      name: 'Arkistoitu Oy',
      ownerCampusGroupId: given.hervanta,
    });
    await context.dataSource.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [archived]);
    const onArchived = await given.manager.post('/api/opportunities', { ...base, employerId: archived });
    expect(onArchived.status).toBe(409);
    expect(onArchived.body.code).toBe('EMPLOYER_ARCHIVED');

    const moved = await given.manager.patch(`/api/opportunities/${linked.id}`, {
      version: 1,
      campusGroupId: given.elsewhere,
    });
    expect(moved.status).toBe(400);
    expect(moved.body.fieldErrors[0]).toMatchObject({ path: 'campusGroupId', code: 'campus_group_not_linked' });
    const [{ count }] = await context.dataSource.query(
      `SELECT count(*)::int AS count FROM opportunities WHERE employer_id = $1`,
      [archived],
    );
    expect(count).toBe(0);
  });

  it('deletes an opportunity with its stage history and an audit row', async () => {
    const created = await create({ title: 'Poistettava', expectedPlaces: 2 });
    const deleted = await given.manager.delete(`/api/opportunities/${created.id}`);
    expect(deleted.status).toBe(204);
    expect((await given.manager.get(`/api/opportunities/${created.id}`)).status).toBe(404);
    expect((await given.manager.delete(`/api/opportunities/${created.id}`)).status).toBe(404);
    const [{ count }] = await context.dataSource.query(
      `SELECT count(*)::int AS count FROM opportunity_stage_changes WHERE opportunity_id = $1`,
      [created.id],
    );
    expect(count).toBe(0);
    const audits = await auditRows(context.dataSource, 'opportunity', created.id);
    expect(audits.at(-1)).toMatchObject({
      actor_id: given.manager.me.id,
      action: 'delete',
      employer_id: given.employer,
      changes: { title: ['Poistettava', null], expectedPlaces: [2, null], stage: ['identified', null] },
    });
  });

  it('shows a campus member the opportunities of their groups and hides the others as 404', async () => {
    const { group, employer: ownEmployer } = await groupWithEmployer('Scoping own', 'Sastamala', 'Sastamalan Sähkö Oy');
    const { group: other, employer: otherEmployer } = await groupWithEmployer(
      'Scoping other',
      'Orivesi',
      'Oriveden Auto Oy',
    );
    const visible = await create({ employerId: ownEmployer });
    const hidden = await create({ employerId: otherEmployer });

    const member = await context.signedIn('campus_member', [group]);
    const list = await member.get('/api/opportunities');
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: OpportunityDto) => o.id)).toEqual([visible.id]);
    expect(list.body.total).toBe(1);
    expect((await member.get(`/api/opportunities/${visible.id}`)).status).toBe(200);
    expect((await member.get(`/api/opportunities/${visible.id}/stage-changes`)).status).toBe(200);
    expect((await member.get(`/api/opportunities/${hidden.id}`)).status).toBe(404);
    expect((await member.get(`/api/opportunities/${hidden.id}/stage-changes`)).status).toBe(404);
    expect((await member.patch(`/api/opportunities/${visible.id}`, { version: 1, stage: 'contacted' })).status).toBe(
      403,
    );
    expect(
      (await member.post('/api/opportunities', { employerId: ownEmployer, title: 'X', type: 'other' })).status,
    ).toBe(403);

    const outsider = await context.signedIn('campus_member', [other]);
    const outsiderList = await outsider.get(`/api/opportunities?employerId=${ownEmployer}`);
    expect(outsiderList.body).toEqual({ items: [], total: 0, nextCursor: null });
    expect((await outsider.get(`/api/opportunities/${visible.id}`)).status).toBe(404);

    const ungrouped = await context.signedIn('campus_member', []);
    expect((await ungrouped.get('/api/opportunities')).body.total).toBe(0);
  });

  it("counts every stage and its expected places under the filters, only within a campus member's groups", async () => {
    const { group, employer: ownEmployer } = await groupWithEmployer(
      'Totals own',
      'Kangasala',
      'Kangasalan Kaluste Oy',
    );
    const { group: other, employer: otherEmployer } = await groupWithEmployer(
      'Totals other',
      'Lempäälä',
      'Lempäälän Liike Oy',
    );
    await create({ employerId: ownEmployer, expectedPlaces: 2 });
    await create({ employerId: ownEmployer, expectedPlaces: null, type: 'recruitment' });
    await create({ employerId: ownEmployer, expectedPlaces: 5, stage: 'lost', lostReason: 'Ei tilaa' });
    await create({ employerId: otherEmployer, expectedPlaces: 7 });

    const member = await context.signedIn('campus_member', [group]);
    const own = await member.get('/api/opportunities/stage-totals');
    expect(own.status).toBe(200);
    // Every stage in board order, the empty ones as zeros: [stage, count, places].
    const expected: Partial<Record<OpportunityStage, [number, number]>> = { identified: [2, 2], lost: [1, 5] };
    expect((own.body as OpportunityStageTotalDto[]).map((total) => [total.stage, total.count, total.places])).toEqual(
      OPPORTUNITY_STAGES.map((stage) => [stage, ...(expected[stage] ?? [0, 0])]),
    );
    const recruitment = await member.get('/api/opportunities/stage-totals?type=recruitment');
    expect(recruitment.body[0]).toEqual({ stage: 'identified', count: 1, places: 0 });

    const otherOnly = await given.manager.get(`/api/opportunities/stage-totals?campusGroupId=${other}`);
    expect(otherOnly.body[0]).toEqual({ stage: 'identified', count: 1, places: 7 });
    expect((await member.get(`/api/opportunities/stage-totals?campusGroupId=${other}`)).body[0].count).toBe(0);
    expect((await member.get('/api/opportunities/stage-totals?stage=won')).status).toBe(400);
  });

  it('lets leadership read everything but write nothing', async () => {
    const created = await create({});
    const leader = await context.signedIn('leadership');
    expect((await leader.get(`/api/opportunities/${created.id}`)).status).toBe(200);
    expect((await leader.get('/api/opportunities')).body.total).toBeGreaterThan(0);
    expect(
      (await leader.post('/api/opportunities', { employerId: given.employer, title: 'X', type: 'other' })).status,
    ).toBe(403);
    expect((await leader.patch(`/api/opportunities/${created.id}`, { version: 1, stage: 'contacted' })).status).toBe(
      403,
    );
    expect((await leader.delete(`/api/opportunities/${created.id}`)).status).toBe(403);
    expect((await given.manager.get(`/api/opportunities/${created.id}`)).body.version).toBe(1);
  });

  it('filters by text, employer, stage, type, group, owner and openness, and pages newest stage move first', async () => {
    const group = await context.createCampusGroup('Filter group', 'Valkeakoski');
    const filterEmployer = await insertEmployer(context.dataSource, {
      name: 'Valkeakosken Ravintola Ky',
      ownerCampusGroupId: group,
    });
    const owner = await context.signedIn('account_manager');
    const made: OpportunityDto[] = [];
    const stages = ['identified', 'contacted', 'negotiating', 'agreed', 'won', 'identified', 'contacted'] as const;
    for (const [index, stage] of stages.entries()) {
      made.push(
        await create(
          {
            employerId: filterEmployer,
            title: `Kesätyö ${index}`,
            type: index % 2 ? 'recruitment' : 'training_agreement',
            stage,
          },
          owner,
        ),
      );
    }
    const lost = await create(
      {
        employerId: filterEmployer,
        title: 'Työpaikkaohjaajakoulutus',
        type: 'co_development',
        stage: 'lost',
        lostReason: 'Ei aikaa',
      },
      owner,
    );
    const ids = (body: { items: OpportunityDto[] }) => body.items.map((o) => o.id);
    const byGroup = `campusGroupId=${group}`;

    const all = (await owner.get(`/api/opportunities?${byGroup}`)).body;
    expect(all.total).toBe(8);
    expect(ids(all)).toEqual([lost, ...made].map((o) => o.id).sort((a, b) => b - a));

    expect(
      ids((await owner.get(`/api/opportunities?q=valkeakosken%20RAVINTOLA&employerId=${filterEmployer}`)).body),
    ).toHaveLength(8);
    expect(ids((await owner.get(`/api/opportunities?${byGroup}&q=tyopaikkaohjaaja`)).body)).toEqual([lost.id]);
    expect(ids((await owner.get(`/api/opportunities?${byGroup}&q=100%25`)).body)).toEqual([]);
    const contacted = (await owner.get(`/api/opportunities?${byGroup}&stage=contacted`)).body;
    expect(contacted.total).toBe(2);
    expect(ids(contacted)).toEqual([made[6].id, made[1].id]);
    expect((await owner.get(`/api/opportunities?${byGroup}&type=recruitment`)).body.total).toBe(3);
    expect((await owner.get(`/api/opportunities?${byGroup}&open=true`)).body.total).toBe(6);
    expect((await owner.get(`/api/opportunities?${byGroup}&open=false`)).body.total).toBe(2);
    expect((await owner.get(`/api/opportunities?ownerId=${owner.me.id}`)).body.total).toBe(8);
    expect((await owner.get(`/api/opportunities?employerId=${filterEmployer}&stage=won`)).body.total).toBe(1);

    // An older opportunity moved now comes first: the board shows the latest moves on top.
    await owner.patch(`/api/opportunities/${made[0].id}`, { version: 1, stage: 'contacted' });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/opportunities?${byGroup}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await owner.get(query)).body as {
        items: OpportunityDto[];
        total: number;
        nextCursor: string | null;
      };
      expect(page.total).toBe(8);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen[0]).toBe(made[0].id);
    expect([...seen].sort()).toEqual([lost, ...made].map((o) => o.id).sort());

    expect((await owner.get('/api/opportunities?limit=200')).status).toBe(200);
    const tooMany = await owner.get('/api/opportunities?limit=201');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fieldErrors[0].path).toBe('limit');
    expect((await owner.get('/api/opportunities?stage=sold')).status).toBe(400);
    expect((await owner.get('/api/opportunities?cursor=garbage')).body.fieldErrors[0].path).toBe('cursor');
  });

  it('answers malformed bodies with field-level 400s', async () => {
    const empty = await given.manager.post('/api/opportunities', {});
    expect(empty.status).toBe(400);
    expect(empty.body.fieldErrors.map((e: { path: string }) => e.path)).toEqual(['employerId', 'title', 'type']);
    const missingVersion = await given.manager.patch('/api/opportunities/1', { stage: 'contacted' });
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.fieldErrors[0].path).toBe('version');
    expect((await given.manager.patch('/api/opportunities/999999', { version: 1 })).status).toBe(404);
  });
});
