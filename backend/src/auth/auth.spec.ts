import { startTestApp, TEST_PASSWORD, type TestContext } from '../test/test-app';
import { SessionsService } from './sessions.service';

describe('auth API', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await startTestApp();
  });
  afterAll(() => context.close());

  it('signs in with an httpOnly SameSite=Lax session cookie and answers /me', async () => {
    const groupId = await context.createCampusGroup('Auth group');
    await context.createUser('campus_member', [groupId], 'maija@example.fi');
    const client = await context.client();

    const login = await client.login('MAIJA@example.fi');
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      id: expect.any(Number),
      email: 'maija@example.fi',
      displayName: expect.any(String),
      role: 'campus_member',
      campusGroupIds: [groupId],
      locale: 'fi',
    });
    const sessionCookie = ([] as string[]).concat(login.headers['set-cookie']).find((c) => c.startsWith('crm_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure/);

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('maija@example.fi');
  });

  it('answers 401 with the error envelope when signed out', async () => {
    const client = await context.client();
    const response = await client.get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Sign in required',
      code: 'UNAUTHENTICATED',
    });
  });

  it('gives the same answer for a wrong email and a wrong password', async () => {
    await context.createUser('leadership', [], 'known@example.fi');
    const client = await context.client();
    const wrongPassword = await client.login('known@example.fi', 'not the password');
    const wrongEmail = await client.login('unknown@example.fi', 'not the password');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a deactivated user with the same answer', async () => {
    const id = await context.createUser('leadership', [], 'gone@example.fi');
    await context.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [id]);
    const response = await (await context.client()).login('gone@example.fi');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('gives field-level 400s for malformed credentials', async () => {
    const response = await (await context.client()).post('/api/auth/login', { email: 'nope', password: '' });
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors).toEqual([
      { path: 'email', code: 'invalid_email', message: 'Invalid email' },
      { path: 'password', code: 'required', message: 'Required' },
    ]);
  });

  it('throttles repeated failures for an account with 429 and Retry-After', async () => {
    await context.createUser('leadership', [], 'target@example.fi');
    const client = await context.client();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await client.login('target@example.fi', 'guess-' + attempt)).status).toBe(401);
    }
    const blocked = await client.login('target@example.fi', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('issues a new session at every sign-in and ends the old one', async () => {
    await context.createUser('leadership', [], 'fixation@example.fi');
    const client = await context.client();
    const first = await client.login('fixation@example.fi');
    const firstCookie = ([] as string[]).concat(first.headers['set-cookie']).find((c) => c.startsWith('crm_session='))!;
    const second = await client.login('fixation@example.fi');
    const secondCookie = ([] as string[]).concat(second.headers['set-cookie']).find((c) => c.startsWith('crm_session='))!;
    expect(secondCookie.split(';')[0]).not.toBe(firstCookie.split(';')[0]);

    const replay = await (await context.client()).agent.get('/api/auth/me').set('Cookie', firstCookie.split(';')[0]);
    expect(replay.status).toBe(401);
  });

  it('revokes the session at logout', async () => {
    const client = await context.signedIn('leadership');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('expires an idle session', async () => {
    const client = await context.signedIn('leadership');
    await context.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $1 + 1) WHERE user_id = $2`,
      [context.config.sessionIdleMinutes, client.me.id],
    );
    // The rows say the idle time has passed; in real time the in-memory session cache would be long gone too.
    context.app.get(SessionsService).forgetAll();
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const [{ count }] = await context.dataSource.query(`SELECT count(*)::int AS count FROM sessions WHERE user_id = $1`, [
      client.me.id,
    ]);
    expect(count).toBe(0);
  });

  it('refuses unsafe requests whose X-XSRF-TOKEN does not match the cookie', async () => {
    const client = await context.signedIn('leadership');
    const missing = await client.agent.post('/api/auth/logout');
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await client.agent.post('/api/auth/logout').set('X-XSRF-TOKEN', 'forged');
    expect(wrong.status).toBe(403);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('stores the language choice per user', async () => {
    const client = await context.signedIn('account_manager');
    const response = await client.patch('/api/auth/me', { locale: 'en' });
    expect(response.status).toBe(200);
    expect(response.body.locale).toBe('en');
    expect((await client.get('/api/auth/me')).body.locale).toBe('en');
    expect((await client.patch('/api/auth/me', { locale: 'sv' })).status).toBe(400);
  });
});
