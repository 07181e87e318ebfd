import { addDays, helsinkiDate } from '@tyoelama/shared';
import { auditRows, insertEmployer } from '../../test/fixtures';
import { useFixture, useTestApp } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

describe('follow-ups API', () => {
  const context = useTestApp();
  const given = useFixture(async () => ({
    north: await context.createCampusGroup('Pohjoinen'),
    south: await context.createCampusGroup('Etelä'),
    admin: await context.signedIn('admin'),
  }));

  const create = async (employerId: number, overrides: Record<string, unknown> = {}) => {
    const response = await given.admin.post('/api/follow-ups', {
      employerId,
      title: 'Soita takaisin',
      dueDate: '2026-12-01',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body as { id: number; version: number; dueDate: string };
  };

  const nextDue = async (employerId: number): Promise<string | null> =>
    (
      await context.dataSource.query(`SELECT next_follow_up_due::text AS due FROM employers WHERE id = $1`, [
        employerId,
      ])
    )[0].due;

  it('lets staff create a standalone follow-up assigned to themselves by default, audited', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Luonti Oy', ownerCampusGroupId: given.north });
    const manager = await context.signedIn('account_manager');
    const response = await manager.post('/api/follow-ups', {
      employerId: employer,
      title: ' Varaa käynti ',
      notes: '',
      dueDate: '2026-11-24',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      employerId: employer,
      employerName: 'Luonti Oy',
      title: 'Varaa käynti',
      notes: null,
      dueDate: '2026-11-24',
      assigneeId: manager.me.id,
      status: 'open',
      completedAt: null,
      createdById: manager.me.id,
      contactEntryId: null,
      version: 1,
    });
    expect(await nextDue(employer)).toBe('2026-11-24');
    expect(await auditRows(context.dataSource, 'follow_up', response.body.id)).toMatchObject([
      { actor_id: manager.me.id, action: 'create', employer_id: employer, changes: { title: [null, 'Varaa käynti'] } },
    ]);
  });

  it('refuses a contact entry of another employer, an archived employer and bad input, changing nothing', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Virhe Oy', ownerCampusGroupId: given.north });
    const other = await insertEmployer(context.dataSource, { name: 'Toinen Oy', ownerCampusGroupId: given.north });
    const otherEntry = await given.admin.post('/api/contact-entries', {
      employerId: other,
      type: 'email',
      occurredAt: '2026-01-10T10:00:00.000Z',
      summary: 'Sähköposti',
    });
    const [{ before }] = await context.dataSource.query(`SELECT count(*)::int AS before FROM follow_ups`);

    const wrongEntry = await given.admin.post('/api/follow-ups', {
      employerId: employer,
      title: 'X',
      dueDate: '2026-12-01',
      contactEntryId: otherEntry.body.id,
    });
    expectFieldErrors(wrongEntry, [
      {
        path: 'contactEntryId',
        code: 'not_of_employer',
        message: 'The contact entry does not belong to this employer',
      },
    ]);
    const badInput = await given.admin.post('/api/follow-ups', {
      employerId: employer,
      title: '',
      dueDate: '1.12.2026',
    });
    expect(badInput.body.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['dueDate', 'title']);
    const inactive = await context.createUser('account_manager');
    await context.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [inactive]);
    const inactiveAssignee = await given.admin.post('/api/follow-ups', {
      employerId: employer,
      title: 'X',
      dueDate: '2026-12-01',
      assigneeId: inactive,
    });
    expect(inactiveAssignee.body.fieldErrors[0]).toMatchObject({ path: 'assigneeId', code: 'unknown_assignee' });
    expect(
      (await given.admin.post('/api/follow-ups', { employerId: 999999, title: 'X', dueDate: '2026-12-01' })).status,
    ).toBe(404);

    await context.dataSource.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [employer]);
    const archived = await given.admin.post('/api/follow-ups', {
      employerId: employer,
      title: 'X',
      dueDate: '2026-12-01',
    });
    expect(archived.status).toBe(409);
    expect(archived.body.code).toBe('EMPLOYER_ARCHIVED');

    const [{ after }] = await context.dataSource.query(`SELECT count(*)::int AS after FROM follow_ups`);
    expect(after).toBe(before);
  });

  it('lets neither campus members nor leadership create standalone follow-ups', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Kielto Oy', ownerCampusGroupId: given.north });
    const member = await context.signedIn('campus_member', [given.north]);
    const leader = await context.signedIn('leadership');
    const body = { employerId: employer, title: 'X', dueDate: '2026-12-01' };
    expect((await member.post('/api/follow-ups', body)).status).toBe(403);
    expect((await leader.post('/api/follow-ups', body)).status).toBe(403);
  });

  it('filters overdue, today and this week by the Helsinki date, with the overdue flag', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Eräpäivä Oy', ownerCampusGroupId: given.north });
    const today = helsinkiDate();
    const made: Record<string, { id: number; version: number }> = {};
    for (const [name, offset] of [
      ['overdue', -2],
      ['doneYesterday', -1],
      ['cancelledYesterday', -1],
      ['today', 0],
      ['doneToday', 0],
      ['inThree', 3],
      ['inSix', 6],
      ['inSeven', 7],
    ] as const) {
      made[name] = await create(employer, { title: name, dueDate: addDays(today, offset) });
    }
    await given.admin.post(`/api/follow-ups/${made.doneYesterday.id}/complete`, { version: 1 });
    await given.admin.post(`/api/follow-ups/${made.doneToday.id}/complete`, { version: 1 });
    await given.admin.post(`/api/follow-ups/${made.cancelledYesterday.id}/cancel`, { version: 1 });

    const titles = async (due: string) => {
      const response = await given.admin.get(`/api/follow-ups?employerId=${employer}&due=${due}`);
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(response.body.items.length);
      return response.body.items.map((f: { title: string }) => f.title);
    };
    expect(await titles('overdue')).toEqual(['overdue']);
    expect(await titles('today')).toEqual(['today', 'doneToday']);
    expect(await titles('week')).toEqual(['today', 'inThree', 'inSix']);

    const all = await given.admin.get(`/api/follow-ups?employerId=${employer}`);
    const flags = Object.fromEntries(
      all.body.items.map((f: { title: string; overdue: boolean }) => [f.title, f.overdue]),
    );
    expect(flags).toEqual({
      overdue: true,
      doneYesterday: false,
      cancelledYesterday: false,
      today: false,
      doneToday: false,
      inThree: false,
      inSix: false,
      inSeven: false,
    });
    expect(await nextDue(employer)).toBe(addDays(today, -2));
  });

  it('filters by assignee and status, ordered by due date, paging through all with a cursor', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Lista Oy', ownerCampusGroupId: given.north });
    const manager = await context.signedIn('account_manager');
    const dates = ['2026-12-05', '2026-12-01', '2026-12-03', '2026-12-01', '2026-12-04'];
    const ids: number[] = [];
    for (const dueDate of dates) ids.push((await create(employer, { dueDate, assigneeId: manager.me.id })).id);
    await create(employer, { dueDate: '2026-11-01' });
    const done = await create(employer, { dueDate: '2026-11-02', assigneeId: manager.me.id });
    await manager.post(`/api/follow-ups/${done.id}/complete`, { version: 1 });

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/follow-ups?assignee=me&status=open&employerId=${employer}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await manager.get(path);
      expect(page.body.total).toBe(5);
      seen.push(...page.body.items.map((f: { id: number }) => f.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[1], ids[3], ids[2], ids[4], ids[0]]);

    const byId = await given.admin.get(`/api/follow-ups?assignee=${manager.me.id}&status=done`);
    expect(byId.body.items.map((f: { id: number }) => f.id)).toEqual([done.id]);
    expect((await given.admin.get('/api/follow-ups?assignee=someone')).status).toBe(400);
    expect((await given.admin.get('/api/follow-ups?due=tomorrow')).status).toBe(400);
  });

  it('completes, reopens and cancels, refusing invalid transitions with 409', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Tila Oy', ownerCampusGroupId: given.north });
    const later = await create(employer, { dueDate: '2026-12-20' });
    const first = await create(employer, { dueDate: '2026-12-10' });
    expect(await nextDue(employer)).toBe('2026-12-10');

    const completed = await given.admin.post(`/api/follow-ups/${first.id}/complete`, { version: 1 });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'done', version: 2, completedByName: expect.any(String) });
    expect(completed.body.completedAt).not.toBeNull();
    expect(await nextDue(employer)).toBe('2026-12-20');

    const again = await given.admin.post(`/api/follow-ups/${first.id}/complete`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FOLLOW_UP_ACTION_NOT_ALLOWED');
    expect((await given.admin.post(`/api/follow-ups/${first.id}/cancel`, { version: 2 })).status).toBe(409);

    const reopened = await given.admin.post(`/api/follow-ups/${first.id}/reopen`, { version: 2 });
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null, completedByName: null, version: 3 });
    expect(await nextDue(employer)).toBe('2026-12-10');
    expect((await given.admin.post(`/api/follow-ups/${first.id}/reopen`, { version: 3 })).status).toBe(409);

    const cancelled = await given.admin.post(`/api/follow-ups/${first.id}/cancel`, { version: 3 });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', completedAt: null, version: 4 });
    const completeCancelled = await given.admin.post(`/api/follow-ups/${first.id}/complete`, { version: 4 });
    expect(completeCancelled.status).toBe(409);
    expect(completeCancelled.body.code).toBe('FOLLOW_UP_ACTION_NOT_ALLOWED');
    expect((await given.admin.post(`/api/follow-ups/${first.id}/reopen`, { version: 4 })).body.status).toBe('open');

    expect((await given.admin.post(`/api/follow-ups/${later.id}/complete`, {})).status).toBe(400);
    const audits = await auditRows(context.dataSource, 'follow_up', first.id);
    expect(audits.map((a) => [a.action, a.employer_id, a.changes.status])).toEqual([
      ['create', employer, [null, 'open']],
      ['complete', employer, ['open', 'done']],
      ['reopen', employer, ['done', 'open']],
      ['cancel', employer, ['open', 'cancelled']],
      ['reopen', employer, ['cancelled', 'open']],
    ]);
  });

  it('refuses a stale edit or action with 409 and the current follow-up', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Vanha Oy', ownerCampusGroupId: given.north });
    const followUp = await create(employer);
    const edited = await given.admin.patch(`/api/follow-ups/${followUp.id}`, {
      version: 1,
      title: 'Uusi otsikko',
      dueDate: '2026-12-02',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Uusi otsikko', dueDate: '2026-12-02', version: 2 });

    const stale = await given.admin.patch(`/api/follow-ups/${followUp.id}`, { version: 1, title: 'Vanha' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(stale.body.current).toMatchObject({ id: followUp.id, title: 'Uusi otsikko', version: 2 });
    const staleAction = await given.admin.post(`/api/follow-ups/${followUp.id}/complete`, { version: 1 });
    expect(staleAction.status).toBe(409);
    expect(staleAction.body.current.status).toBe('open');

    const invalid = await given.admin.patch(`/api/follow-ups/${followUp.id}`, { version: 2, dueDate: '2026-02-30' });
    expect(invalid.status).toBe(400);
    expect((await given.admin.get(`/api/follow-ups/${followUp.id}`)).body).toMatchObject({
      version: 2,
      dueDate: '2026-12-02',
    });

    const [, update] = await auditRows(context.dataSource, 'follow_up', followUp.id);
    expect(update).toEqual({
      actor_id: given.admin.me.id,
      action: 'update',
      employer_id: employer,
      changes: { title: ['Soita takaisin', 'Uusi otsikko'], dueDate: ['2026-12-01', '2026-12-02'] },
    });
  });

  it('lets a campus member act only on follow-ups assigned to them, and hides other groups', async () => {
    const employer = await insertEmployer(context.dataSource, {
      name: 'Kampus Oy',
      ownerCampusGroupId: given.north,
      campusGroupIds: [given.south],
    });
    const elsewhere = await insertEmployer(context.dataSource, { name: 'Muualla Oy', ownerCampusGroupId: given.north });
    const member = await context.signedIn('campus_member', [given.south]);
    const colleague = await context.signedIn('campus_member', [given.south]);
    const mine = await create(employer, { assigneeId: member.me.id });
    const theirs = await create(employer, { assigneeId: colleague.me.id });
    const hidden = await create(elsewhere);

    expect((await member.post(`/api/follow-ups/${mine.id}/complete`, { version: 1 })).body.status).toBe('done');
    const edited = await member.patch(`/api/follow-ups/${mine.id}`, { version: 2, notes: 'Hoidettu puhelimessa' });
    expect(edited.status).toBe(200);
    const handOver = await member.patch(`/api/follow-ups/${mine.id}`, { version: 3, assigneeId: colleague.me.id });
    expect(handOver.status).toBe(400);
    expect(handOver.body.fieldErrors[0]).toMatchObject({ path: 'assigneeId', code: 'assignee_not_allowed' });

    expect((await member.get(`/api/follow-ups/${theirs.id}`)).status).toBe(200);
    expect((await member.post(`/api/follow-ups/${theirs.id}/complete`, { version: 1 })).status).toBe(403);
    expect((await member.patch(`/api/follow-ups/${theirs.id}`, { version: 1, title: 'x' })).status).toBe(403);
    expect((await member.get(`/api/follow-ups/${hidden.id}`)).status).toBe(404);
    expect((await member.post(`/api/follow-ups/${hidden.id}/cancel`, { version: 1 })).status).toBe(404);

    const list = await member.get('/api/follow-ups');
    expect(list.body.items.map((f: { id: number }) => f.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await member.get(`/api/follow-ups?employerId=${elsewhere}`)).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });

    // A staff member may hand a follow-up only to someone who can see the employer.
    const outsider = await context.createUser('campus_member', [await context.createCampusGroup('Länsi')]);
    const toOutsider = await given.admin.patch(`/api/follow-ups/${theirs.id}`, { version: 1, assigneeId: outsider });
    expect(toOutsider.body.fieldErrors[0]).toMatchObject({ path: 'assigneeId', code: 'assignee_cannot_act' });
  });

  it('refuses each bad field of an edit with a field-level 400, changing nothing', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Kenttä Oy', ownerCampusGroupId: given.north });
    const followUp = await create(employer);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(301) }, 'title'],
      [{ notes: 'x'.repeat(2001) }, 'notes'],
      [{ dueDate: '1.12.2026' }, 'dueDate'],
      [{ dueDate: null }, 'dueDate'],
      [{ assigneeId: 0 }, 'assigneeId'],
      [{ assigneeId: 'someone' }, 'assigneeId'],
      [{ version: undefined }, 'version'],
      [{ status: 'done' }, 'status'],
    ];
    for (const [change, path] of cases) {
      const response = await given.admin.patch(`/api/follow-ups/${followUp.id}`, { version: 1, ...change });
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    expect((await given.admin.get(`/api/follow-ups/${followUp.id}`)).body).toMatchObject({
      version: 1,
      title: 'Soita takaisin',
      dueDate: '2026-12-01',
    });
    expect(await auditRows(context.dataSource, 'follow_up', followUp.id)).toHaveLength(1);
  });

  it('reassigns only to active users who may work on the employer, audited', async () => {
    const employer = await insertEmployer(context.dataSource, {
      name: 'Siirto Oy',
      ownerCampusGroupId: given.north,
      campusGroupIds: [given.south],
    });
    const manager = await context.signedIn('account_manager');
    const southMember = await context.signedIn('campus_member', [given.south]);
    const westMember = await context.createUser('campus_member', [await context.createCampusGroup('Länsi 2')]);
    const leader = await context.createUser('leadership');
    const followUp = await create(employer, { assigneeId: manager.me.id });

    for (const [assigneeId, code] of [
      [westMember, 'assignee_cannot_act'],
      [leader, 'assignee_cannot_act'],
      [999999, 'unknown_assignee'],
    ] as const) {
      const refused = await manager.patch(`/api/follow-ups/${followUp.id}`, { version: 1, assigneeId });
      expectFieldErrors(refused, [expect.objectContaining({ path: 'assigneeId', code })]);
    }

    const handed = await manager.patch(`/api/follow-ups/${followUp.id}`, {
      version: 1,
      assigneeId: southMember.me.id,
      dueDate: '2026-12-15',
    });
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ assigneeId: southMember.me.id, assigneeName: southMember.me.displayName });
    // The new assignee may now complete it, and sees it as theirs.
    expect((await southMember.get('/api/follow-ups?assignee=me')).body.items.map((f: { id: number }) => f.id)).toEqual([
      followUp.id,
    ]);
    expect((await southMember.post(`/api/follow-ups/${followUp.id}/complete`, { version: 2 })).status).toBe(200);

    const [, reassigned] = await auditRows(context.dataSource, 'follow_up', followUp.id);
    expect(reassigned).toEqual({
      actor_id: manager.me.id,
      action: 'update',
      employer_id: employer,
      changes: { assigneeId: [manager.me.id, southMember.me.id], dueDate: ['2026-12-01', '2026-12-15'] },
    });
  });

  it('lists whom a follow-up of an employer may be handed to, for staff only', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Valinta Oy', ownerCampusGroupId: given.south });
    const hiddenFromMember = await insertEmployer(context.dataSource, {
      name: 'Piilo Oy',
      ownerCampusGroupId: given.north,
    });
    const manager = await context.signedIn('account_manager');
    const southMember = await context.signedIn('campus_member', [given.south]);
    const northMember = await context.createUser('campus_member', [given.north]);
    const leader = await context.signedIn('leadership');
    const inactive = await context.createUser('account_manager');
    await context.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [inactive]);

    const response = await manager.get(`/api/employers/${employer}/follow-up-assignees`);
    expect(response.status).toBe(200);
    const ids = response.body.map((user: { id: number }) => user.id);
    expect(ids).toEqual(expect.arrayContaining([given.admin.me.id, manager.me.id, southMember.me.id]));
    expect(ids).not.toContain(northMember);
    expect(ids).not.toContain(leader.me.id);
    expect(ids).not.toContain(inactive);
    expect(response.body.find((user: { id: number }) => user.id === southMember.me.id)).toEqual({
      id: southMember.me.id,
      displayName: southMember.me.displayName,
      role: 'campus_member',
    });

    expect((await southMember.get(`/api/employers/${employer}/follow-up-assignees`)).status).toBe(403);
    expect((await southMember.get(`/api/employers/${hiddenFromMember}/follow-up-assignees`)).status).toBe(403);
    expect((await leader.get(`/api/employers/${employer}/follow-up-assignees`)).status).toBe(403);
    expect((await given.admin.get('/api/employers/999999/follow-up-assignees')).status).toBe(404);
    expect((await given.admin.get('/api/employers/abc/follow-up-assignees')).status).toBe(404);
  });

  it('lets an account manager create, edit, reschedule and complete any follow-up', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Arki Oy', ownerCampusGroupId: given.north });
    const manager = await context.signedIn('account_manager');
    const othersFollowUp = await create(employer);
    const edited = await manager.patch(`/api/follow-ups/${othersFollowUp.id}`, {
      version: 1,
      title: 'Soita huomenna',
      notes: 'Kysy ohjaajasta',
    });
    expect(edited.body).toMatchObject({ title: 'Soita huomenna', notes: 'Kysy ohjaajasta', version: 2 });
    const cleared = await manager.patch(`/api/follow-ups/${othersFollowUp.id}`, { version: 2, notes: '' });
    expect(cleared.body).toMatchObject({ notes: null, version: 3 });
    const moved = await manager.patch(`/api/follow-ups/${othersFollowUp.id}`, { version: 3, dueDate: '2027-01-04' });
    expect(moved.body.dueDate).toBe('2027-01-04');
    expect(await nextDue(employer)).toBe('2027-01-04');
    expect((await manager.post(`/api/follow-ups/${othersFollowUp.id}/complete`, { version: 4 })).status).toBe(200);
    const actions = (await auditRows(context.dataSource, 'follow_up', othersFollowUp.id)).map((a) => [
      a.action,
      a.actor_id,
      Object.keys(a.changes).sort(),
    ]);
    expect(actions).toEqual([
      ['create', given.admin.me.id, ['assigneeId', 'dueDate', 'status', 'title']],
      ['update', manager.me.id, ['notes', 'title']],
      ['update', manager.me.id, ['notes']],
      ['update', manager.me.id, ['dueDate']],
      ['complete', manager.me.id, ['status']],
    ]);
  });

  it('lets leadership read follow-ups but change none', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Johto Oy', ownerCampusGroupId: given.north });
    const followUp = await create(employer);
    const leader = await context.signedIn('leadership');
    expect((await leader.get(`/api/follow-ups/${followUp.id}`)).status).toBe(200);
    expect((await leader.get(`/api/follow-ups?employerId=${employer}`)).body.total).toBe(1);
    expect((await leader.patch(`/api/follow-ups/${followUp.id}`, { version: 1, title: 'x' })).status).toBe(403);
    expect((await leader.post(`/api/follow-ups/${followUp.id}/complete`, { version: 1 })).status).toBe(403);
  });
});
