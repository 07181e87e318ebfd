import { useTestApp } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

describe('users API', () => {
  const context = useTestApp();

  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `person.${Math.random().toString(36).slice(2)}@example.fi`,
    displayName: 'Pekka Puupää',
    role: 'account_manager',
    password: 'a-long-enough-password',
    ...overrides,
  });

  it('lets an admin create a user who can then sign in, and audits it', async () => {
    const groupId = await context.createCampusGroup('Hervannan Campus-ryhmä');
    const admin = await context.signedIn('admin');
    const created = await admin.post(
      '/api/users',
      newUser({ email: 'Uusi.Kayttaja@example.fi', campusGroupIds: [groupId] }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'uusi.kayttaja@example.fi',
      role: 'account_manager',
      campusGroupIds: [groupId],
      active: true,
      version: 1,
    });
    expect(created.body).not.toHaveProperty('passwordHash');

    const [audit] = await context.dataSource.query(
      `SELECT actor_id, action, changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1`,
      [created.body.id],
    );
    expect(audit).toMatchObject({ actor_id: admin.me.id, action: 'create' });
    expect(audit.changes.email).toEqual([null, 'uusi.kayttaja@example.fi']);
    expect(JSON.stringify(audit.changes)).not.toContain('a-long-enough-password');

    const login = await (await context.client()).login('uusi.kayttaja@example.fi', 'a-long-enough-password');
    expect(login.status).toBe(200);
  });

  it('answers bad input with field errors and creates nothing', async () => {
    const admin = await context.signedIn('admin');
    const [{ before }] = await context.dataSource.query(`SELECT count(*)::int AS before FROM users`);
    const response = await admin.post('/api/users', {
      email: 'bad',
      displayName: '',
      role: 'superuser',
      password: 'short',
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['displayName', 'email', 'isAdmin', 'password', 'role'].sort(),
    );
    const [{ after }] = await context.dataSource.query(`SELECT count(*)::int AS after FROM users`);
    expect(after).toBe(before);
  });

  it('refuses an unknown campus group at the field', async () => {
    const admin = await context.signedIn('admin');
    const response = await admin.post('/api/users', newUser({ campusGroupIds: [999999] }));
    expectFieldErrors(response, [
      { path: 'campusGroupIds', code: 'unknown_campus_group', message: 'Unknown campus group' },
    ]);
  });

  it('answers a taken email, in any case, with 409 EMAIL_TAKEN', async () => {
    const admin = await context.signedIn('admin');
    expect((await admin.post('/api/users', newUser({ email: 'dup@example.fi' }))).status).toBe(201);
    const duplicate = await admin.post('/api/users', newUser({ email: 'DUP@example.fi' }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('EMAIL_TAKEN');
    expect(duplicate.body.fieldErrors[0].path).toBe('email');
  });

  it.each(['account_manager', 'campus_member', 'leadership'] as const)('refuses user writes by %s', async (role) => {
    const client = await context.signedIn(role);
    expect((await client.post('/api/users', newUser())).status).toBe(403);
    expect((await client.patch(`/api/users/${client.me.id}`, { version: 1, role: 'admin' })).status).toBe(403);
    expect(
      (await client.post(`/api/users/${client.me.id}/password`, { password: 'another-long-password' })).status,
    ).toBe(403);
  });

  it('shows a campus member only the people of their own groups', async () => {
    const own = await context.createCampusGroup('Oma ryhmä');
    const other = await context.createCampusGroup('Muu ryhmä');
    const colleague = await context.createUser('account_manager', [own]);
    const stranger = await context.createUser('account_manager', [other]);
    const member = await context.signedIn('campus_member', [own]);

    const list = await member.get('/api/users?limit=200');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((u: { id: number }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([member.me.id, colleague]));
    expect(ids).not.toContain(stranger);
    expect(list.body.total).toBe(ids.length);
    expect((await member.get(`/api/users/${stranger}`)).status).toBe(404);
    expect((await member.get(`/api/users/${colleague}`)).status).toBe(200);
  });

  it('pages through users with a keyset cursor and filters them', async () => {
    const admin = await context.signedIn('admin');
    for (let index = 0; index < 5; index += 1) {
      await admin.post('/api/users', newUser({ displayName: `Sivutus ${index}`, role: 'leadership' }));
    }
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await admin.get(`/api/users?q=sivutus&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(5);
      seen.push(...page.body.items.map((u: { id: number }) => u.id));
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(5);
    expect((await admin.get('/api/users?role=leadership&q=sivutus')).body.total).toBe(5);
    expect((await admin.get('/api/users?cursor=garbage')).status).toBe(400);
    expect((await admin.get('/api/users?limit=5000')).status).toBe(400);
    expect((await admin.get('/api/users?role=root')).status).toBe(400);
  });

  it('updates with the current version and refuses a stale one with 409 and the current record', async () => {
    const admin = await context.signedIn('admin');
    const created = (await admin.post('/api/users', newUser())).body;
    const first = await admin.patch(`/api/users/${created.id}`, { version: 1, displayName: 'Ensimmäinen' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);

    const stale = await admin.patch(`/api/users/${created.id}`, { version: 1, displayName: 'Toinen' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(stale.body.current).toMatchObject({ displayName: 'Ensimmäinen', version: 2 });

    const audits = await context.dataSource.query(
      `SELECT changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update'`,
      [created.id],
    );
    expect(audits).toEqual([{ changes: { displayName: ['Pekka Puupää', 'Ensimmäinen'] } }]);
  });

  it('lets exactly one of two parallel saves of one version win', async () => {
    const admin = await context.signedIn('admin');
    const created = (await admin.post('/api/users', newUser())).body;
    const results = await Promise.all(
      ['A', 'B', 'C'].map((name) => admin.patch(`/api/users/${created.id}`, { version: 1, displayName: name })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('deactivates instead of deleting and ends the user’s sessions at once', async () => {
    const admin = await context.signedIn('admin');
    const target = await context.signedIn('account_manager');
    const response = await admin.patch(`/api/users/${target.me.id}`, { version: 1, active: false });
    expect(response.status).toBe(200);
    expect(response.body.active).toBe(false);
    expect((await target.get('/api/auth/me')).status).toBe(401);
  });

  it('applies a changed role and campus groups to the user’s very next request', async () => {
    const admin = await context.signedIn('admin');
    const groupA = await context.createCampusGroup('Sessio A');
    const groupB = await context.createCampusGroup('Sessio B');
    const target = await context.signedIn('campus_member', [groupA]);
    expect((await target.get('/api/auth/me')).body.campusGroupIds).toEqual([groupA]);

    const moved = await admin.patch(`/api/users/${target.me.id}`, { version: 1, campusGroupIds: [groupB] });
    expect(moved.status).toBe(200);
    expect((await target.get('/api/auth/me')).body.campusGroupIds).toEqual([groupB]);

    expect((await admin.patch(`/api/users/${target.me.id}`, { version: 2, role: 'leadership' })).status).toBe(200);
    const me = await target.get('/api/auth/me');
    expect(me.body.role).toBe('leadership');
  });

  it('keeps at least one active admin', async () => {
    await context.dataSource.query(`UPDATE users SET active = false WHERE role = 'admin'`);
    const admin = await context.signedIn('admin');
    const response = await admin.patch(`/api/users/${admin.me.id}`, { version: 1, role: 'leadership' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('LAST_ADMIN');
  });

  it('lets an admin set a new password, which signs the user out everywhere', async () => {
    const admin = await context.signedIn('admin');
    const target = await context.signedIn('leadership');
    expect((await admin.post(`/api/users/${target.me.id}/password`, { password: 'short' })).status).toBe(400);
    expect((await admin.post(`/api/users/${target.me.id}/password`, { password: 'brand-new-password' })).status).toBe(
      204,
    );
    expect((await target.get('/api/auth/me')).status).toBe(401);
    expect((await (await context.client()).login(target.me.email, 'brand-new-password')).status).toBe(200);
    expect((await admin.post('/api/users/999999/password', { password: 'brand-new-password' })).status).toBe(404);
  });

  it('refuses common, repetitive and personal passwords with a field error, whoever sets them, and changes nothing', async () => {
    const admin = await context.signedIn('admin');
    const [{ before }] = await context.dataSource.query(`SELECT count(*)::int AS before FROM users`);
    const refusals: [Record<string, unknown>, string][] = [
      [{ password: 'password1234' }, 'password_too_common'],
      [{ password: 'PASSWORD1234' }, 'password_too_common'],
      [{ password: 'aaaaaaaaaaaa' }, 'password_repetitive'],
      [{ email: 'tiina.tammi@example.fi', password: 'tiina.tammi@example.fi' }, 'password_personal'],
      [{ email: 'tiina.tammi@example.fi', password: 'Tiina.Tammi-2026' }, 'password_personal'],
      [{ displayName: 'Ossi Oravanpää', password: 'oravanpää-on-paras' }, 'password_personal'],
    ];
    for (const [overrides, code] of refusals) {
      const response = await admin.post('/api/users', newUser(overrides));
      expect({ overrides, status: response.status, fieldErrors: response.body.fieldErrors }).toEqual({
        overrides,
        status: 400,
        fieldErrors: [{ path: 'password', code, message: expect.any(String) }],
      });
    }
    const [{ after }] = await context.dataSource.query(`SELECT count(*)::int AS after FROM users`);
    expect(after).toBe(before);

    const target = await context.signedIn('leadership', [], 'veera.vaahtera@example.fi');
    for (const [password, code] of [
      ['password1234', 'password_too_common'],
      ['123456789012', 'password_repetitive'],
      ['veera-vaahtera-1', 'password_personal'],
    ]) {
      const response = await admin.post(`/api/users/${target.me.id}/password`, { password });
      expect([response.status, response.body.fieldErrors?.[0]?.code]).toEqual([400, code]);
    }
    // Still signed in with the old password: nothing was changed.
    expect((await target.get('/api/auth/me')).status).toBe(200);
    expect((await (await context.client()).login(target.me.email)).status).toBe(200);
  });

  it('answers non-numeric and unknown ids with 404', async () => {
    const admin = await context.signedIn('admin');
    expect((await admin.get('/api/users/abc')).status).toBe(404);
    expect((await admin.get('/api/users/1e3')).status).toBe(404);
    expect((await admin.get('/api/users/999999')).status).toBe(404);
  });
});
