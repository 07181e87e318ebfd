import { useTestApp } from '../../test/test-app';

describe('campus groups API', () => {
  const context = useTestApp();

  it('lets an admin create, read and rename a campus group, with audit rows', async () => {
    const admin = await context.signedIn('admin');
    const created = await admin.post('/api/campus-groups', { name: ' Tekniikka ', campus: 'Hervanta' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Tekniikka', campus: 'Hervanta', memberCount: 0, version: 1 });

    const member = await context.createUser('campus_member', [created.body.id]);
    const detail = await admin.get(`/api/campus-groups/${created.body.id}`);
    expect(detail.body.members.map((m: { id: number }) => m.id)).toEqual([member]);
    expect(detail.body.memberCount).toBe(1);

    const renamed = await admin.patch(`/api/campus-groups/${created.body.id}`, {
      version: 1,
      name: 'Tekniikka ja ICT',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Tekniikka ja ICT', campus: 'Hervanta', version: 2 });

    const audits = await context.dataSource.query(
      `SELECT action, changes FROM audit_events WHERE entity_type = 'campus_group' AND entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(audits).toEqual([
      { action: 'create', changes: { name: [null, 'Tekniikka'], campus: [null, 'Hervanta'] } },
      { action: 'update', changes: { name: ['Tekniikka', 'Tekniikka ja ICT'] } },
    ]);
  });

  it('refuses a duplicate name regardless of case with 409', async () => {
    const admin = await context.signedIn('admin');
    expect((await admin.post('/api/campus-groups', { name: 'Sote-ala', campus: 'Pirkkala' })).status).toBe(201);
    const duplicate = await admin.post('/api/campus-groups', { name: 'SOTE-ALA', campus: 'Sastamala' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('CAMPUS_GROUP_NAME_TAKEN');
    expect(duplicate.body.fieldErrors).toEqual([{ path: 'name', code: 'name_taken', message: 'Already in use' }]);
  });

  it('answers empty and malformed input with field-level 400s', async () => {
    const admin = await context.signedIn('admin');
    const empty = await admin.post('/api/campus-groups', {});
    expect(empty.status).toBe(400);
    expect(empty.body.fieldErrors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['name', 'required'],
      ['campus', 'required'],
    ]);
    const tooLong = await admin.post('/api/campus-groups', { name: 'x'.repeat(121), campus: 'A' });
    expect(tooLong.body.fieldErrors).toEqual([
      { path: 'name', code: 'too_long', message: 'Must be at most 120 characters', limit: 120 },
    ]);
    const missingVersion = await admin.patch('/api/campus-groups/1', { name: 'X' });
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.fieldErrors[0].path).toBe('version');
  });

  it('refuses a stale rename with 409 and the current group', async () => {
    const admin = await context.signedIn('admin');
    const { id } = (await admin.post('/api/campus-groups', { name: 'Kauppa', campus: 'Keskusta' })).body;
    await admin.patch(`/api/campus-groups/${id}`, { version: 1, campus: 'Ratina' });
    const stale = await admin.patch(`/api/campus-groups/${id}`, { version: 1, name: 'Kauppa ja palvelut' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ name: 'Kauppa', campus: 'Ratina', version: 2 });
  });

  it('refuses a rename to a taken name with 409 and changes nothing', async () => {
    const admin = await context.signedIn('admin');
    await admin.post('/api/campus-groups', { name: 'Rakennusala', campus: 'Hervanta' });
    const { id } = (await admin.post('/api/campus-groups', { name: 'Talotekniikka', campus: 'Hervanta' })).body;
    const taken = await admin.patch(`/api/campus-groups/${id}`, { version: 1, name: 'RAKENNUSALA' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('CAMPUS_GROUP_NAME_TAKEN');
    expect((await admin.get(`/api/campus-groups/${id}`)).body).toMatchObject({ name: 'Talotekniikka', version: 1 });
    const audits = await context.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_type = 'campus_group' AND entity_id = $1`,
      [id],
    );
    expect(audits).toEqual([{ action: 'create' }]);
  });

  it('answers a rename of an unknown group with 404', async () => {
    const admin = await context.signedIn('admin');
    expect((await admin.patch('/api/campus-groups/999999', { version: 1, name: 'Ei ole' })).status).toBe(404);
  });

  it('pages through the groups by name, case-insensitively, with a keyset cursor and the total', async () => {
    const admin = await context.signedIn('admin');
    const names = ['Sivu e', 'sivu B', 'Sivu a', 'SIVU d', 'sivu C'];
    for (const name of names) await admin.post('/api/campus-groups', { name, campus: 'Sivukampus' });
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await admin.get(`/api/campus-groups?q=sivu&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(5);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((group: { name: string }) => group.name));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(['Sivu a', 'sivu B', 'sivu C', 'SIVU d', 'Sivu e']);
    expect((await admin.get('/api/campus-groups?cursor=garbage')).status).toBe(400);
  });

  it('shows a campus member only their own groups and hides the others as 404', async () => {
    const own = await context.createCampusGroup('Member own');
    const other = await context.createCampusGroup('Member other');
    const member = await context.signedIn('campus_member', [own]);
    const list = await member.get('/api/campus-groups');
    expect(list.body.items.map((g: { id: number }) => g.id)).toEqual([own]);
    expect(list.body.total).toBe(1);
    expect((await member.get(`/api/campus-groups/${own}`)).status).toBe(200);
    expect((await member.get(`/api/campus-groups/${other}`)).status).toBe(404);
    expect((await member.post('/api/campus-groups', { name: 'Nope', campus: 'X' })).status).toBe(403);
  });

  it('lets account managers and leadership read every group but not write', async () => {
    await context.createCampusGroup('Readable');
    for (const role of ['account_manager', 'leadership'] as const) {
      const client = await context.signedIn(role);
      const list = await client.get('/api/campus-groups?q=readable');
      expect(list.body.total).toBe(1);
      expect((await client.post('/api/campus-groups', { name: `By ${role}`, campus: 'X' })).status).toBe(403);
    }
  });
});
