import { helsinkiDate } from '@tyoelama/shared';
import { auditRows, insertContactPerson, insertEmployer } from '../../test/fixtures';
import { useFixture, useTestApp } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

const DAY = 24 * 60 * 60 * 1000;

describe('contact entries API', () => {
  const context = useTestApp();
  const given = useFixture(async () => {
    const north = await context.createCampusGroup('Pohjoinen');
    const south = await context.createCampusGroup('Etelä');
    const east = await context.createCampusGroup('Itä');
    const dataSource = context.dataSource;
    return {
      north,
      south,
      east,
      /** Owned by north, also worked with by south. */
      shared: await insertEmployer(dataSource, {
        name: 'Sairaala Oy',
        ownerCampusGroupId: north,
        campusGroupIds: [south],
      }),
      /** East's only. */
      eastOnly: await insertEmployer(dataSource, { name: 'Itäkauppa Oy', ownerCampusGroupId: east }),
    };
  });

  const entry = (employerId: number, overrides: Record<string, unknown> = {}) => ({
    employerId,
    type: 'phone',
    occurredAt: new Date(Date.now() - DAY).toISOString(),
    summary: 'Soitto työpaikkaohjaajasta',
    topics: ['training_agreement'],
    ...overrides,
  });

  const count = async (table: string): Promise<number> =>
    (await context.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  const employerActivity = async (id: number) =>
    (
      await context.dataSource.query(
        `SELECT last_contact_at, next_follow_up_due::text AS next_follow_up_due FROM employers WHERE id = $1`,
        [id],
      )
    )[0] as { last_contact_at: Date | null; next_follow_up_due: string | null };

  it('creates an entry and its follow-up in one request, updates the employer and audits both', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Konepaja Oy', ownerCampusGroupId: given.north });
    const person = await insertContactPerson(context.dataSource, employer, 'Maija Mehiläinen');
    const admin = await context.signedIn('admin');
    const occurredAt = '2025-01-15T09:30:00.000Z';
    const dueDate = helsinkiDate(new Date(Date.now() + 3 * DAY));

    const created = await admin.post(
      '/api/contact-entries',
      entry(employer, {
        occurredAt,
        contactPersonIds: [person, person],
        followUp: { title: 'Lähetä sopimus', dueDate },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      employerId: employer,
      employerName: 'Konepaja Oy',
      occurredAt,
      contactPersons: [{ id: person, name: 'Maija Mehiläinen' }],
      campusGroupId: given.north,
      campusGroupName: 'Pohjoinen',
      topics: ['training_agreement'],
      createdById: admin.me.id,
      version: 1,
    });
    expect(created.body.followUpIds).toHaveLength(1);

    const [followUp] = await context.dataSource.query(
      `SELECT contact_entry_id, assignee_id, created_by, due_date::text AS due_date FROM follow_ups WHERE id = $1`,
      [created.body.followUpIds[0]],
    );
    expect(followUp).toEqual({
      contact_entry_id: created.body.id,
      assignee_id: admin.me.id,
      created_by: admin.me.id,
      due_date: dueDate,
    });

    const activity = await employerActivity(employer);
    expect(activity.last_contact_at?.toISOString()).toBe(occurredAt);
    expect(activity.next_follow_up_due).toBe(dueDate);

    const [audit] = await auditRows(context.dataSource, 'contact_entry', created.body.id);
    expect(audit).toMatchObject({ actor_id: admin.me.id, action: 'create', employer_id: employer });
    expect(audit.changes.contactPersonIds).toEqual([null, [person]]);
    const followUpAudit = await auditRows(context.dataSource, 'follow_up', created.body.followUpIds[0]);
    expect(followUpAudit).toMatchObject([{ action: 'create', employer_id: employer }]);
  });

  it('answers a new entry as it reads back and audits every created field, the follow-up first', async () => {
    const employer = await insertEmployer(context.dataSource, {
      name: 'Yksi lause Oy',
      ownerCampusGroupId: given.north,
      campusGroupIds: [given.south],
    });
    const [ville, anna] = [
      await insertContactPerson(context.dataSource, employer, 'Ville Virta'),
      await insertContactPerson(context.dataSource, employer, 'Anna Aalto'),
    ];
    const manager = await context.signedIn('account_manager');
    const colleague = await context.createUser('account_manager');
    const occurredAt = '2025-03-02T08:15:30.123+02:00';
    const dueDate = helsinkiDate(new Date(Date.now() + 5 * DAY));

    const created = await manager.post(
      '/api/contact-entries',
      entry(employer, {
        occurredAt,
        campusGroupId: given.south,
        contactPersonIds: [ville, anna],
        notes: 'Hinnat mukaan',
        topics: ['recruitment', 'training_agreement'],
        followUp: { title: 'Tarjous', dueDate, assigneeId: colleague },
      }),
    );
    expect(created.status).toBe(201);
    const read = await manager.get(`/api/contact-entries/${created.body.id}`);
    expect(created.body).toEqual(read.body);
    expect(created.body).toMatchObject({
      employerName: 'Yksi lause Oy',
      occurredAt: '2025-03-02T06:15:30.123Z',
      contactPersons: [
        { id: anna, name: 'Anna Aalto' },
        { id: ville, name: 'Ville Virta' },
      ],
      campusGroupName: 'Etelä',
      createdByName: manager.me.displayName,
    });

    const audits: {
      entity_type: string;
      entity_id: number;
      actor_id: number;
      employer_id: number;
      changes: unknown;
    }[] = await context.dataSource.query(
      `SELECT entity_type, entity_id, actor_id, employer_id, changes FROM audit_events
          WHERE employer_id = $1 ORDER BY id`,
      [employer],
    );
    const [followUpId] = created.body.followUpIds;
    expect(audits).toEqual([
      {
        entity_type: 'follow_up',
        entity_id: followUpId,
        actor_id: manager.me.id,
        employer_id: employer,
        changes: {
          title: [null, 'Tarjous'],
          dueDate: [null, dueDate],
          assigneeId: [null, colleague],
          status: [null, 'open'],
          contactEntryId: [null, created.body.id],
        },
      },
      {
        entity_type: 'contact_entry',
        entity_id: created.body.id,
        actor_id: manager.me.id,
        employer_id: employer,
        changes: {
          type: [null, 'phone'],
          occurredAt: [null, '2025-03-02T06:15:30.123Z'],
          summary: [null, 'Soitto työpaikkaohjaajasta'],
          notes: [null, 'Hinnat mukaan'],
          contactPersonIds: [null, [ville, anna].sort((a, b) => a - b)],
          campusGroupId: [null, given.south],
          topics: [null, ['recruitment', 'training_agreement']],
        },
      },
    ]);
  });

  it('creates neither the entry nor the follow-up when the follow-up is invalid', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Rollback Oy', ownerCampusGroupId: given.north });
    const admin = await context.signedIn('account_manager');
    const leader = await context.createUser('leadership');
    const [entriesBefore, followUpsBefore, auditBefore] = [
      await count('contact_entries'),
      await count('follow_ups'),
      await count('audit_events'),
    ];

    const unknown = await admin.post(
      '/api/contact-entries',
      entry(employer, { followUp: { title: 'Soita', dueDate: '2026-12-01', assigneeId: 999999 } }),
    );
    expectFieldErrors(unknown, [
      { path: 'followUp.assigneeId', code: 'unknown_assignee', message: 'No such active user' },
    ]);
    const readOnly = await admin.post(
      '/api/contact-entries',
      entry(employer, { followUp: { title: 'Soita', dueDate: '2026-12-01', assigneeId: leader } }),
    );
    expect(readOnly.body.fieldErrors[0]).toMatchObject({ path: 'followUp.assigneeId', code: 'assignee_cannot_act' });
    const badDate = await admin.post(
      '/api/contact-entries',
      entry(employer, { followUp: { title: 'Soita', dueDate: '2026-13-01' } }),
    );
    expect(badDate.status).toBe(400);
    expect(badDate.body.fieldErrors[0].path).toBe('followUp.dueDate');

    expect(await count('contact_entries')).toBe(entriesBefore);
    expect(await count('follow_ups')).toBe(followUpsBefore);
    expect(await count('audit_events')).toBe(auditBefore);
    expect(await employerActivity(employer)).toEqual({ last_contact_at: null, next_follow_up_due: null });
  });

  it('answers invalid persons, groups and dates with field-level 400s that change nothing', async () => {
    const employer = await insertEmployer(context.dataSource, {
      name: 'Kenttävirhe Oy',
      ownerCampusGroupId: given.north,
    });
    const erased = await insertContactPerson(context.dataSource, employer, 'Poistettu Henkilö');
    await context.dataSource.query(`UPDATE contact_persons SET erased_at = now() WHERE id = $1`, [erased]);
    const foreign = await insertContactPerson(context.dataSource, given.eastOnly, 'Muun Yrityksen Henkilö');
    const admin = await context.signedIn('admin');
    const before = await count('contact_entries');

    const fieldOf = async (body: Record<string, unknown>) => {
      const response = await admin.post('/api/contact-entries', body);
      expect(response.status).toBe(400);
      return response.body.fieldErrors.map((e: { path: string; code: string }) => [e.path, e.code]);
    };
    expect(await fieldOf(entry(employer, { contactPersonIds: [foreign] }))).toEqual([
      ['contactPersonIds', 'unknown_contact_person'],
    ]);
    expect(await fieldOf(entry(employer, { contactPersonIds: [erased] }))).toEqual([
      ['contactPersonIds', 'unknown_contact_person'],
    ]);
    expect(await fieldOf(entry(employer, { campusGroupId: given.east }))).toEqual([
      ['campusGroupId', 'campus_group_not_allowed'],
    ]);
    expect(await fieldOf(entry(employer, { occurredAt: new Date(Date.now() + 2 * DAY).toISOString() }))).toEqual([
      ['occurredAt', 'too_far_in_future'],
    ]);
    const empty = await fieldOf({});
    expect(empty.map(([path]: [string]) => path).sort()).toEqual(['employerId', 'occurredAt', 'summary', 'type']);
    expect(await count('contact_entries')).toBe(before);

    // A few hours ahead is allowed: the contact is being logged for later today.
    const soon = await admin.post(
      '/api/contact-entries',
      entry(employer, { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(soon.status).toBe(201);
  });

  it('refuses contacts for an archived employer with 409', async () => {
    const employer = await insertEmployer(context.dataSource, {
      name: 'Arkistoitu Oy',
      ownerCampusGroupId: given.north,
    });
    await context.dataSource.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [employer]);
    const admin = await context.signedIn('admin');
    const response = await admin.post('/api/contact-entries', entry(employer));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('EMPLOYER_ARCHIVED');
  });

  it('lets staff log for any group linked to the employer, by default the owner', async () => {
    const manager = await context.signedIn('account_manager');
    const own = await manager.post('/api/contact-entries', entry(given.shared));
    expect(own.body.campusGroupId).toBe(given.north);
    const linked = await manager.post('/api/contact-entries', entry(given.shared, { campusGroupId: given.south }));
    expect(linked.status).toBe(201);
    expect(linked.body.campusGroupName).toBe('Etelä');
  });

  it('lets a campus member log for their own group, edit their own entry and nothing else', async () => {
    const member = await context.signedIn('campus_member', [given.east, given.south]);
    const colleague = await context.signedIn('campus_member', [given.south]);

    // Of the member's groups, south is the one linked to the shared employer.
    const created = await member.post(
      '/api/contact-entries',
      entry(given.shared, { followUp: { title: 'Ohjaajakoulutus', dueDate: '2026-12-01' } }),
    );
    expect(created.status).toBe(201);
    expect(created.body.campusGroupId).toBe(given.south);
    const [followUp] = await context.dataSource.query(`SELECT assignee_id FROM follow_ups WHERE id = $1`, [
      created.body.followUpIds[0],
    ]);
    expect(followUp.assignee_id).toBe(member.me.id);

    expect(
      (await member.post('/api/contact-entries', entry(given.shared, { campusGroupId: given.north }))).body
        .fieldErrors[0],
    ).toMatchObject({
      path: 'campusGroupId',
    });
    const assignOther = await member.post(
      '/api/contact-entries',
      entry(given.shared, { followUp: { title: 'X', dueDate: '2026-12-01', assigneeId: colleague.me.id } }),
    );
    expect(assignOther.body.fieldErrors[0]).toMatchObject({
      path: 'followUp.assigneeId',
      code: 'assignee_not_allowed',
    });

    const edited = await member.patch(`/api/contact-entries/${created.body.id}`, {
      version: 1,
      summary: 'Tarkennettu',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ summary: 'Tarkennettu', version: 2 });

    const colleagues = await colleague.patch(`/api/contact-entries/${created.body.id}`, {
      version: 2,
      summary: 'Minun',
    });
    expect(colleagues.status).toBe(403);
    expect((await colleague.delete(`/api/contact-entries/${created.body.id}`)).status).toBe(403);
    expect((await colleague.get(`/api/contact-entries/${created.body.id}`)).status).toBe(200);

    const outsider = await context.signedIn('campus_member', [given.north]);
    const foreignEntry = await (await context.signedIn('admin')).post('/api/contact-entries', entry(given.eastOnly));
    expect((await outsider.post('/api/contact-entries', entry(given.eastOnly))).status).toBe(404);
    expect((await outsider.get(`/api/contact-entries/${foreignEntry.body.id}`)).status).toBe(404);
    expect(
      (await outsider.patch(`/api/contact-entries/${foreignEntry.body.id}`, { version: 1, summary: 'x' })).status,
    ).toBe(404);
  });

  it('shows a campus member every entry of their employers, whichever campus logged it, and nothing else', async () => {
    const employer = await insertEmployer(context.dataSource, {
      name: 'Näkyvyys Oy',
      ownerCampusGroupId: given.north,
      campusGroupIds: [given.south],
    });
    const admin = await context.signedIn('admin');
    const byNorth = (await admin.post('/api/contact-entries', entry(employer, { campusGroupId: given.north }))).body.id;
    const bySouth = (await admin.post('/api/contact-entries', entry(employer, { campusGroupId: given.south }))).body.id;

    const southMember = await context.signedIn('campus_member', [given.south]);
    const list = await southMember.get(`/api/contact-entries?employerId=${employer}`);
    expect(list.body.items.map((e: { id: number }) => e.id).sort()).toEqual([byNorth, bySouth].sort());
    expect(list.body.total).toBe(2);

    const eastMember = await context.signedIn('campus_member', [given.east]);
    const hidden = await eastMember.get(`/api/contact-entries?employerId=${employer}`);
    expect(hidden.body).toEqual({ items: [], total: 0, nextCursor: null });
    const all = await eastMember.get('/api/contact-entries');
    expect(all.body.items.every((e: { employerId: number }) => e.employerId === given.eastOnly)).toBe(true);

    const nobody = await context.signedIn('campus_member', []);
    expect((await nobody.get('/api/contact-entries')).body).toEqual({ items: [], total: 0, nextCursor: null });
  });

  it('lets leadership read entries but refuses every write with 403', async () => {
    const admin = await context.signedIn('admin');
    const created = await admin.post('/api/contact-entries', entry(given.shared));
    const leader = await context.signedIn('leadership');
    expect((await leader.get(`/api/contact-entries/${created.body.id}`)).status).toBe(200);
    expect((await leader.get(`/api/contact-entries?employerId=${given.shared}`)).body.total).toBeGreaterThan(0);
    expect((await leader.post('/api/contact-entries', entry(given.shared))).status).toBe(403);
    expect((await leader.patch(`/api/contact-entries/${created.body.id}`, { version: 1, summary: 'x' })).status).toBe(
      403,
    );
    expect((await leader.delete(`/api/contact-entries/${created.body.id}`)).status).toBe(403);
  });

  it('lists newest first and pages through every entry with a cursor', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Sivutus Oy', ownerCampusGroupId: given.north });
    const admin = await context.signedIn('admin');
    const times = [
      '2025-01-01T08:00:00.000Z',
      '2025-01-03T08:00:00.000Z',
      '2025-01-02T08:00:00.000Z',
      '2025-01-03T08:00:00.000Z',
    ];
    const ids: number[] = [];
    for (const occurredAt of times)
      ids.push((await admin.post('/api/contact-entries', entry(employer, { occurredAt }))).body.id);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/contact-entries?employerId=${employer}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await admin.get(query);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(4);
      seen.push(...page.body.items.map((e: { id: number }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    // Same time: the later id first.
    expect(seen).toEqual([ids[3], ids[1], ids[2], ids[0]]);
    expect((await admin.get('/api/contact-entries?cursor=nonsense')).status).toBe(400);
  });

  it('updates with a version check, audits the changed fields and refreshes the last contact', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Versio Oy', ownerCampusGroupId: given.north });
    const first = await insertContactPerson(context.dataSource, employer, 'Eka Henkilö');
    const second = await insertContactPerson(context.dataSource, employer, 'Toka Henkilö');
    const admin = await context.signedIn('admin');
    const created = await admin.post(
      '/api/contact-entries',
      entry(employer, { occurredAt: '2025-02-01T10:00:00.000Z', contactPersonIds: [first] }),
    );
    const id = created.body.id;

    const updated = await admin.patch(`/api/contact-entries/${id}`, {
      version: 1,
      occurredAt: '2025-02-03T10:00:00.000Z',
      contactPersonIds: [first, second],
      notes: 'Muistiinpano',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.contactPersons.map((p: { id: number }) => p.id)).toEqual([first, second]);
    expect((await employerActivity(employer)).last_contact_at?.toISOString()).toBe('2025-02-03T10:00:00.000Z');

    const stale = await admin.patch(`/api/contact-entries/${id}`, { version: 1, summary: 'Myöhässä' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(stale.body.current).toMatchObject({ id, version: 2, notes: 'Muistiinpano' });

    const invalid = await admin.patch(`/api/contact-entries/${id}`, { version: 2, campusGroupId: given.east });
    expect(invalid.status).toBe(400);
    expect((await admin.get(`/api/contact-entries/${id}`)).body.version).toBe(2);

    const audits = await auditRows(context.dataSource, 'contact_entry', id);
    expect(audits[1]).toEqual({
      actor_id: admin.me.id,
      action: 'update',
      employer_id: employer,
      changes: {
        occurredAt: ['2025-02-01T10:00:00.000Z', '2025-02-03T10:00:00.000Z'],
        contactPersonIds: [[first], [first, second]],
        notes: [null, 'Muistiinpano'],
      },
    });
  });

  it('lets staff delete an entry, keeping its follow-up and auditing the deletion', async () => {
    const employer = await insertEmployer(context.dataSource, { name: 'Poisto Oy', ownerCampusGroupId: given.north });
    const admin = await context.signedIn('admin');
    const older = await admin.post('/api/contact-entries', entry(employer, { occurredAt: '2025-03-01T10:00:00.000Z' }));
    const newer = await admin.post(
      '/api/contact-entries',
      entry(employer, { occurredAt: '2025-03-05T10:00:00.000Z', followUp: { title: 'Jatko', dueDate: '2026-12-24' } }),
    );
    const memberOfGroup = await context.signedIn('campus_member', [given.north]);
    expect((await memberOfGroup.delete(`/api/contact-entries/${newer.body.id}`)).status).toBe(403);

    const deleted = await admin.delete(`/api/contact-entries/${newer.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await admin.get(`/api/contact-entries/${newer.body.id}`)).status).toBe(404);
    const [followUp] = await context.dataSource.query(`SELECT contact_entry_id FROM follow_ups WHERE id = $1`, [
      newer.body.followUpIds[0],
    ]);
    expect(followUp.contact_entry_id).toBeNull();
    expect((await employerActivity(employer)).last_contact_at?.toISOString()).toBe(older.body.occurredAt);
    const audits = await auditRows(context.dataSource, 'contact_entry', newer.body.id);
    expect(audits.at(-1)).toMatchObject({
      action: 'delete',
      employer_id: employer,
      changes: { summary: ['Soitto työpaikkaohjaajasta', null] },
    });
    expect((await admin.delete(`/api/contact-entries/${newer.body.id}`)).status).toBe(404);

    const restored = await admin.post(`/api/contact-entries/${newer.body.id}/restore`);
    expect(restored.body.followUpIds).toEqual(newer.body.followUpIds);
    expect((await employerActivity(employer)).last_contact_at?.toISOString()).toBe(newer.body.occurredAt);
  });

  describe('delete and undo', () => {
    const trashed = async (id: number) =>
      (await context.dataSource.query(`SELECT count(*)::int AS n FROM contact_entries_deleted WHERE id = $1`, [id]))[0]
        .n as number;

    it('takes a deleted entry out of every list, timeline, report and export, and restores it whole', async () => {
      const group = await context.createCampusGroup('Kumoa');
      const employer = await insertEmployer(context.dataSource, { name: 'Kumoa Oy', ownerCampusGroupId: group });
      const person = await insertContactPerson(context.dataSource, employer, 'Kalle Kumoaja');
      const manager = await context.signedIn('account_manager');
      const occurredAt = '2025-04-02T08:00:00.000Z';
      const created = await manager.post(
        '/api/contact-entries',
        entry(employer, {
          occurredAt,
          summary: 'Poistettava käynti',
          contactPersonIds: [person],
          followUp: { title: 'Jatka', dueDate: '2026-12-20' },
        }),
      );
      const id = created.body.id as number;
      const activity = async () =>
        (
          await manager.get(
            `/api/dashboard/activity?campusGroupId=${group}&from=2025-04-01&to=2025-04-30&granularity=month`,
          )
        ).body.buckets[0].total as number;
      const visible = async () => ({
        list: (await manager.get(`/api/contact-entries?employerId=${employer}`)).body.items.map(
          (item: { id: number }) => item.id,
        ),
        timeline: (await manager.get(`/api/employers/${employer}/timeline`)).body.items
          .filter((item: { kind: string }) => item.kind === 'contact_entry')
          .map((item: { contactEntryId: number }) => item.contactEntryId),
        exported: (await manager.get(`/api/exports/contact-entries.csv?employerId=${employer}`)).text.includes(
          'Poistettava käynti',
        ),
        activity: await activity(),
      });
      expect(await visible()).toEqual({ list: [id], timeline: [id], exported: true, activity: 1 });

      expect((await manager.delete(`/api/contact-entries/${id}`)).status).toBe(204);
      expect((await manager.get(`/api/contact-entries/${id}`)).status).toBe(404);
      expect(await visible()).toEqual({ list: [], timeline: [], exported: false, activity: 0 });
      expect((await employerActivity(employer)).last_contact_at).toBeNull();
      expect(await trashed(id)).toBe(1);

      const restored = await manager.post(`/api/contact-entries/${id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body).toEqual(created.body);
      expect(await visible()).toEqual({ list: [id], timeline: [id], exported: true, activity: 1 });
      expect((await employerActivity(employer)).last_contact_at?.toISOString()).toBe(occurredAt);
      expect(await trashed(id)).toBe(0);

      const audits = await auditRows(context.dataSource, 'contact_entry', id);
      expect(audits.map((audit) => audit.action)).toEqual(['create', 'delete', 'restore']);
      expect(audits[1]).toMatchObject({
        actor_id: manager.me.id,
        employer_id: employer,
        changes: { summary: ['Poistettava käynti', null], contactPersonIds: [[person], null] },
      });
      expect(audits[2]).toMatchObject({
        actor_id: manager.me.id,
        employer_id: employer,
        changes: { summary: [null, 'Poistettava käynti'], contactPersonIds: [null, [person]] },
      });

      // Only a recent deletion can be undone, and only once.
      expect((await manager.post(`/api/contact-entries/${id}/restore`)).status).toBe(404);
      await manager.delete(`/api/contact-entries/${id}`);
      await context.dataSource.query(
        `UPDATE contact_entries_deleted SET deleted_at = now() - interval '1 hour' WHERE id = $1`,
        [id],
      );
      expect((await manager.post(`/api/contact-entries/${id}/restore`)).status).toBe(404);
    });

    it('keeps a person removed meanwhile off the restored entry', async () => {
      const employer = await insertEmployer(context.dataSource, {
        name: 'Henkilö Oy',
        ownerCampusGroupId: given.north,
      });
      const staying = await insertContactPerson(context.dataSource, employer, 'Jää Paikalle');
      const leaving = await insertContactPerson(context.dataSource, employer, 'Lähtee Pois');
      const admin = await context.signedIn('admin');
      const created = await admin.post(
        '/api/contact-entries',
        entry(employer, { contactPersonIds: [staying, leaving] }),
      );
      await admin.delete(`/api/contact-entries/${created.body.id}`);
      await context.dataSource.query(`DELETE FROM contact_persons WHERE id = $1`, [leaving]);

      const restored = await admin.post(`/api/contact-entries/${created.body.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body.contactPersons).toEqual([{ id: staying, name: 'Jää Paikalle' }]);
    });

    it('lets a campus member delete and restore only their own entries; leadership neither', async () => {
      const member = await context.signedIn('campus_member', [given.north]);
      const colleague = await context.signedIn('campus_member', [given.north]);
      const outsider = await context.signedIn('campus_member', [given.east]);
      const leader = await context.signedIn('leadership');
      const manager = await context.signedIn('account_manager');
      const own = await member.post('/api/contact-entries', entry(given.shared));
      const staffs = await manager.post('/api/contact-entries', entry(given.shared));

      expect((await colleague.delete(`/api/contact-entries/${own.body.id}`)).status).toBe(403);
      expect((await outsider.delete(`/api/contact-entries/${own.body.id}`)).status).toBe(404);
      expect((await leader.delete(`/api/contact-entries/${own.body.id}`)).status).toBe(403);
      expect((await member.delete(`/api/contact-entries/${staffs.body.id}`)).status).toBe(403);
      expect(await trashed(own.body.id)).toBe(0);

      expect((await member.delete(`/api/contact-entries/${own.body.id}`)).status).toBe(204);
      expect((await colleague.post(`/api/contact-entries/${own.body.id}/restore`)).status).toBe(403);
      expect((await outsider.post(`/api/contact-entries/${own.body.id}/restore`)).status).toBe(404);
      expect((await leader.post(`/api/contact-entries/${own.body.id}/restore`)).status).toBe(403);
      expect((await member.post(`/api/contact-entries/${own.body.id}/restore`)).status).toBe(200);

      // Staff delete and restore anyone's entry.
      expect((await manager.delete(`/api/contact-entries/${own.body.id}`)).status).toBe(204);
      expect((await manager.post(`/api/contact-entries/${own.body.id}/restore`)).status).toBe(200);
      expect((await member.get(`/api/contact-entries/${own.body.id}`)).body.createdById).toBe(member.me.id);
    });
  });
});
