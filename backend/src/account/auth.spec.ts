import { Clock } from '../config/clock';
import { TEST_PASSWORD, useTestApp } from '../../test/test-app';
import { SessionsService } from '../auth';
import { expectFieldErrors } from '../../test/responses';

describe('auth API', () => {
  const context = useTestApp();

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
    const sessionCookie = ([] as string[])
      .concat(login.headers['set-cookie'])
      .find((c) => c.startsWith('crm_session='))!;
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
    expectFieldErrors(response, [
      { path: 'email', code: 'invalid_email', message: 'Invalid email' },
      { path: 'password', code: 'required', message: 'Required' },
    ]);
  });

  it('throttles repeated failures for an account from one address with 429 and Retry-After', async () => {
    await context.createUser('leadership', [], 'target@example.fi');
    const clock = jest.spyOn(context.app.get(Clock), 'now').mockReturnValue(new Date());
    try {
      const client = await context.client();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await client.login('target@example.fi', 'guess-' + attempt)).status).toBe(401);
      }
      const blocked = await client.login('target@example.fi', TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(blocked.headers['retry-after']).toBe('2');
    } finally {
      clock.mockRestore();
    }
  });

  it('issues a new session at every sign-in and ends the old one', async () => {
    await context.createUser('leadership', [], 'fixation@example.fi');
    const client = await context.client();
    const first = await client.login('fixation@example.fi');
    const firstCookie = ([] as string[]).concat(first.headers['set-cookie']).find((c) => c.startsWith('crm_session='))!;
    const second = await client.login('fixation@example.fi');
    const secondCookie = ([] as string[])
      .concat(second.headers['set-cookie'])
      .find((c) => c.startsWith('crm_session='))!;
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
    const [{ count }] = await context.dataSource.query(
      `SELECT count(*)::int AS count FROM sessions WHERE user_id = $1`,
      [client.me.id],
    );
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

  describe('changing one’s own password', () => {
    const NEW_PASSWORD = 'vihreä-kivi-kahvikuppi';

    it('keeps this session, ends the others, and audits the change in the same transaction', async () => {
      const client = await context.signedIn('campus_member', [], 'vaihtaja@example.fi');
      const otherDevice = await context.client();
      expect((await otherDevice.login('vaihtaja@example.fi')).status).toBe(200);

      const response = await client.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(204);
      expect((await client.get('/api/auth/me')).status).toBe(200);
      expect((await otherDevice.get('/api/auth/me')).status).toBe(401);
      expect((await (await context.client()).login('vaihtaja@example.fi', TEST_PASSWORD)).status).toBe(401);
      expect((await (await context.client()).login('vaihtaja@example.fi', NEW_PASSWORD)).status).toBe(200);

      const audits: { actor_id: number; action: string; changes: unknown }[] = await context.dataSource.query(
        `SELECT actor_id, action, changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1`,
        [client.me.id],
      );
      expect(audits).toEqual([
        { actor_id: client.me.id, action: 'change_password', changes: { password: ['***', '***'] } },
      ]);
    });

    it('refuses weak new passwords with field errors and changes nothing', async () => {
      const client = await context.signedIn('leadership', [], 'heikki.heikompi@example.fi');
      const refusals: [Record<string, unknown>, string, string][] = [
        [{ newPassword: 'password1234' }, 'newPassword', 'password_too_common'],
        [{ newPassword: 'zzzzzzzzzzzzzz' }, 'newPassword', 'password_repetitive'],
        [{ newPassword: 'heikompi-salasana' }, 'newPassword', 'password_personal'],
        [{ newPassword: TEST_PASSWORD }, 'newPassword', 'password_unchanged'],
        [{ newPassword: 'short' }, 'newPassword', 'too_short'],
        [{ currentPassword: undefined }, 'currentPassword', 'required'],
      ];
      for (const [overrides, path, code] of refusals) {
        const response = await client.post('/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: NEW_PASSWORD,
          ...overrides,
        });
        expect({ overrides, status: response.status, errors: response.body.fieldErrors }).toEqual({
          overrides,
          status: 400,
          errors: [{ path, code, message: expect.any(String), ...(code === 'too_short' ? { limit: 12 } : {}) }],
        });
      }
      expect((await (await context.client()).login('heikki.heikompi@example.fi')).status).toBe(200);
    });

    it('answers a wrong current password with a field error that counts toward the sign-in throttle', async () => {
      // Time stands still while the failures are made, so the wait is exactly the first step's.
      const start = Date.now();
      const clock = jest.spyOn(context.app.get(Clock), 'now').mockReturnValue(new Date(start));
      try {
        const client = await context.signedIn('account_manager', [], 'arvaaja@example.fi');
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const wrong = await client.post('/api/auth/password', {
            currentPassword: `guess-${attempt}`,
            newPassword: NEW_PASSWORD,
          });
          expect([wrong.status, wrong.body.fieldErrors]).toEqual([
            400,
            [{ path: 'currentPassword', code: 'current_password_wrong', message: expect.any(String) }],
          ]);
        }
        const blocked = await client.post('/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: NEW_PASSWORD,
        });
        expect([blocked.status, blocked.body.code, blocked.headers['retry-after']]).toEqual([
          429,
          'TOO_MANY_ATTEMPTS',
          '2',
        ]);
        expect(blocked.body.detail).toEqual({ retryAfterSeconds: 2 });
        // The same counter as signing in from this address: guessing here does not start a fresh one there.
        expect((await (await context.client()).login('arvaaja@example.fi')).status).toBe(429);
        clock.mockReturnValue(new Date(start + 2_000));
        expect(
          (await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }))
            .status,
        ).toBe(204);
      } finally {
        clock.mockRestore();
      }
    });

    it('needs a session', async () => {
      const response = await (
        await context.client()
      ).post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(response.status).toBe(401);
    });
  });
});
