import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { Clock } from '../../src/config/clock';
import { routeTable } from '../route-table';
import { type SignedIn, startTestApp, TEST_PASSWORD, type TestContext, useTestApp } from '../test-app';

// ASVS 5.0 V6 (authentication) and V7 (sessions), extending auth/auth.spec.ts: what that file covers
// (new session at sign-in, logout, idle expiry, CSRF on logout, the throttle of one address on one
// account, same answer for wrong email and wrong password) is not repeated here.

// Generous for a loaded 2-core machine; the work itself takes a fraction of this.
jest.setTimeout(120_000);

const sessionCookieOf = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('crm_session='));

describe('auth hardening', () => {
  const context = useTestApp();

  /** `GET /api/auth/me` with nothing but the given session cookie, as someone who copied it would send it. */
  const meWithSession = (token: string) =>
    request(context.app.getHttpServer()).get('/api/auth/me').set('Cookie', `crm_session=${token}`);

  it('ignores a session id planted before sign-in (no fixation) and issues a fresh one', async () => {
    await context.createUser('leadership', [], 'planted@example.fi');
    const planted = 'attacker-chosen-session-id';
    const login = await bareLogin(context, 'planted@example.fi', TEST_PASSWORD, {}, `crm_session=${planted}; `);
    expect(login.status).toBe(200);
    const issued = sessionCookieOf(login)!.split(';')[0].slice('crm_session='.length);
    expect(issued).not.toBe(planted);
    // 256 bits of randomness, and the database keeps only a hash of it.
    expect(Buffer.from(decodeURIComponent(issued), 'base64url').length).toBeGreaterThanOrEqual(32);
    const stored: { token_hash: string }[] = await context.dataSource.query(
      `SELECT s.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'planted@example.fi'`,
    );
    expect(JSON.stringify(stored)).not.toContain(issued);
    expect((await meWithSession(planted)).status).toBe(401);
  });

  it('ends every session of a user at once when an admin deactivates them', async () => {
    const admin = await context.signedIn('admin');
    const target = await context.signedIn('account_manager');
    const secondDevice = await context.client();
    expect((await secondDevice.login(target.me.email)).status).toBe(200);
    expect((await target.get('/api/employers')).status).toBe(200);

    const current = await admin.get(`/api/users/${target.me.id}`);
    const update = await admin.patch(`/api/users/${target.me.id}`, { version: current.body.version, active: false });
    expect(update.status).toBe(200);
    expect((await target.get('/api/employers')).status).toBe(401);
    expect((await secondDevice.get('/api/auth/me')).status).toBe(401);
    expect((await target.post('/api/contact-entries', {})).status).toBe(401);
  });

  it('ends the session at logout on the server, so a copied cookie stops working at once', async () => {
    const client = await context.signedIn('leadership');
    const cookie = await sessionCookie(client);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await meWithSession(cookie)).status).toBe(401);
  });

  it('refuses every unsafe route without the X-XSRF-TOKEN header with 403, even for a signed-in admin', async () => {
    const admin = await context.signedIn('admin');
    const unsafe = routeTable(context.app).filter((route) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(route.method));
    expect(unsafe.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of unsafe) {
      const path = route.path.replace(/:[A-Za-z]+/g, '1');
      const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
      const missing = await admin.agent[method](path).send({});
      const forged = await admin.agent[method](path).set('X-XSRF-TOKEN', 'forged-token').send({});
      for (const [label, response] of [
        ['missing', missing],
        ['forged', forged],
      ] as const) {
        if (response.status !== 403 || response.body.code !== 'CSRF_TOKEN_INVALID') {
          failures.push(`${route.method} ${route.path} with a ${label} token → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    console.log(`CSRF: ${unsafe.length} unsafe routes refused without and with a forged token`);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });

  it('throttles per account and address whatever the case or spacing of the email, and per address across accounts', async () => {
    // Its own app behind a trusted proxy, so each request can come from an address of its own.
    const throttled = await startTestApp({ trustProxy: true });
    const clock = jest.spyOn(throttled.app.get(Clock), 'now').mockReturnValue(new Date());
    try {
      await throttled.createUser('leadership', [], 'casing@example.fi');
      await throttled.createUser('leadership', [], 'sprayed@example.fi');
      const login = loginFrom(throttled);
      const variants = [
        'casing@example.fi',
        'CASING@example.fi',
        ' Casing@Example.fi ',
        'casing@EXAMPLE.FI',
        'CaSiNg@example.fi',
      ];
      for (const email of variants) expect((await login('198.51.100.1', email, 'wrong-password')).status).toBe(401);
      const paired = await login('198.51.100.1', 'casing@example.fi', TEST_PASSWORD);
      expect([paired.status, paired.headers['retry-after']]).toEqual([429, '2']);
      // No account lockout: the owner at another address is not held up by those failures.
      expect((await login('192.0.2.1', 'Casing@example.fi', TEST_PASSWORD)).status).toBe(200);

      // Password spraying: one address, many accounts, one common password each.
      for (let attempt = 0; attempt < 30; attempt += 1) {
        expect((await login('198.51.100.2', `spray-${attempt}@example.fi`, 'Summer2026!')).status).toBe(401);
      }
      const blocked = await login('198.51.100.2', 'sprayed@example.fi', TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual(expect.objectContaining({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' }));
      expect(blocked.headers['retry-after']).toBe('2');
      expect((await login('192.0.2.2', 'sprayed@example.fi', TEST_PASSWORD)).status).toBe(200);
    } finally {
      clock.mockRestore();
      await throttled.close();
    }
  });

  it('does not let a stranger lock a colleague out: 50 failures from one address leave the owner’s own address free', async () => {
    const throttled = await startTestApp({ trustProxy: true });
    let now = Date.now();
    const clock = jest.spyOn(throttled.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    try {
      await throttled.createUser('account_manager', [], 'colleague@example.fi');
      const login = loginFrom(throttled);
      const waits: number[] = [];
      let failures = 0;
      while (failures < 50) {
        const response = await login('203.0.113.66', 'colleague@example.fi', `guess-${failures}-password`);
        if (response.status === 429) {
          // The stranger waits it out (on the test's clock), so every one of the 50 guesses is really tried.
          waits.push(Number(response.headers['retry-after']));
          now += waits.at(-1)! * 1000;
          continue;
        }
        expect(response.status).toBe(401);
        failures += 1;
      }
      // Free tries for typos, then waits that double up to the 15-minute cap.
      expect(waits.slice(0, 4)).toEqual([2, 4, 8, 16]);
      expect(Math.max(...waits)).toBe(900);
      expect((await login('203.0.113.66', 'colleague@example.fi', TEST_PASSWORD)).status).toBe(429);
      // …while the colleague at their own address signs in at once.
      expect((await login('192.0.2.77', 'colleague@example.fi', TEST_PASSWORD)).status).toBe(200);
    } finally {
      clock.mockRestore();
      await throttled.close();
    }
  });

  it('does not reveal which accounts exist: same body, and timing of the same order of magnitude', async () => {
    await context.createUser('leadership', [], 'timing@example.fi');
    const samples = { known: [] as number[], unknown: [] as number[] };
    const bodies = new Set<string>();
    // A fresh app keeps the throttle out of the way: it counts per account and per address.
    const fresh = await startTestApp();
    try {
      await fresh.createUser('leadership', [], 'timing@example.fi');
      for (let round = 0; round < 4; round += 1) {
        for (const [kind, email] of [
          ['known', 'timing@example.fi'],
          ['unknown', `nobody-${round}@example.fi`],
        ] as const) {
          const client = await fresh.client();
          const started = performance.now();
          const response = await client.login(email, `wrong-${round}-password`);
          samples[kind].push(performance.now() - started);
          expect(response.status).toBe(401);
          bodies.add(JSON.stringify(response.body));
        }
      }
    } finally {
      await fresh.close();
    }
    expect(bodies.size).toBe(1);
    // The fastest of each: other test files share the CPU and only ever add time to a sample.
    const fastest = (values: number[]) => Math.min(...values);
    const ratio = fastest(samples.known) / fastest(samples.unknown);
    console.log(
      `login timing: known ${fastest(samples.known).toFixed(1)} ms, unknown ${fastest(samples.unknown).toFixed(1)} ms`,
    );
    // An unknown email still pays for one password hash verification, so neither is 3× the other.
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('marks cookies Secure behind a TLS proxy (TRUST_PROXY and X-Forwarded-Proto https)', async () => {
    const proxied = await startTestApp({ trustProxy: true });
    try {
      await proxied.createUser('leadership', [], 'proxy@example.fi');
      const response = await bareLogin(proxied, 'proxy@example.fi', TEST_PASSWORD, { 'X-Forwarded-Proto': 'https' });
      expect(response.status).toBe(200);
      const cookies = ([] as string[]).concat(response.headers['set-cookie']);
      const session = cookies.find((cookie) => cookie.startsWith('crm_session='))!;
      const xsrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))!;
      expect(session).toMatch(/; HttpOnly/);
      expect(session).toMatch(/; Secure/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(session).toMatch(/Path=\//);
      // A session cookie: no Expires/Max-Age, it ends with the browser and the server-side limits.
      expect(session).not.toMatch(/Expires=|Max-Age=/);
      expect(xsrf).toMatch(/; Secure/);
      expect(xsrf).not.toMatch(/HttpOnly/);

      // Without TRUST_PROXY the header is ignored: nobody can talk the app into thinking it is on TLS.
      await context.createUser('leadership', [], 'noproxy@example.fi');
      const direct = await bareLogin(context, 'noproxy@example.fi', TEST_PASSWORD, { 'X-Forwarded-Proto': 'https' });
      expect(sessionCookieOf(direct)).not.toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('never returns password hashes or session tokens from the API', async () => {
    const admin = await context.signedIn('admin');
    const users = await admin.get('/api/users?limit=100');
    const one = await admin.get(`/api/users/${admin.me.id}`);
    for (const text of [users.text, one.text, (await admin.get('/api/auth/me')).text]) {
      expect(text).not.toMatch(/argon2|password|token_hash|passwordHash/i);
    }
  });
});

/** Signs in from a given client address (the app must trust one proxy hop). */
function loginFrom(context: TestContext) {
  return (address: string, email: string, password: string) =>
    bareLogin(context, email, password, { 'X-Forwarded-For': address });
}

/**
 * Sign-in from a client with no cookie jar: the XSRF cookie and header are set by hand, with the
 * given extra headers and cookies (`name=value; ` each).
 */
function bareLogin(
  context: TestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  cookies = '',
) {
  return request(context.app.getHttpServer())
    .post('/api/auth/login')
    .set({ ...headers, Cookie: `${cookies}XSRF-TOKEN=t`, 'X-XSRF-TOKEN': 't' })
    .send({ email, password });
}

async function sessionCookie(client: SignedIn): Promise<string> {
  const { CookieAccessInfo } = await import('cookiejar');
  const agent = client.agent as unknown as {
    jar: { getCookie(name: string, access: unknown): { value: string } | undefined };
  };
  return agent.jar.getCookie('crm_session', CookieAccessInfo.All)!.value;
}
