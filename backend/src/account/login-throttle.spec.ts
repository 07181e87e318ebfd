import { Clock } from '../config/clock';
import { useTestApp } from '../../test/test-app';
import { LoginThrottle } from './login-throttle';

jest.setTimeout(60_000);

describe('LoginThrottle (in PostgreSQL)', () => {
  const context = useTestApp();
  let throttle: LoginThrottle;
  let now: number;

  beforeAll(async () => {
    throttle = context.app.get(LoginThrottle);
    jest.spyOn(context.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  beforeEach(async () => {
    now = Date.parse('2026-11-24T08:00:00Z');
    await context.dataSource.query(`DELETE FROM login_throttle`);
  });

  const fail = async (times: number, email: string, address: string) => {
    for (let attempt = 0; attempt < times; attempt += 1) await throttle.recordFailure(email, address);
  };

  it('lets one address fail five times on an account, then doubles the wait up to 15 minutes', async () => {
    const waits: number[] = [];
    for (let failures = 1; failures <= 14; failures += 1) {
      await throttle.recordFailure('a@b.fi', '10.0.0.1');
      waits.push(await throttle.retryAfterSeconds('a@b.fi', '10.0.0.1'));
    }
    expect(waits).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
    now += 899_000;
    expect(await throttle.retryAfterSeconds('a@b.fi', '10.0.0.1')).toBe(1);
    now += 1_000;
    expect(await throttle.retryAfterSeconds('a@b.fi', '10.0.0.1')).toBe(0);
  });

  it('does not keep the owner out when a stranger fails 50 times on their account from another address', async () => {
    await fail(50, 'owner@b.fi', '203.0.113.9');
    expect(await throttle.retryAfterSeconds('owner@b.fi', '203.0.113.9')).toBe(900);
    expect(await throttle.retryAfterSeconds('owner@b.fi', '10.0.0.7')).toBe(0);
    // The account-wide count only slows addresses that have failed on it themselves, and briefly.
    await throttle.recordFailure('owner@b.fi', '10.0.0.7');
    expect(await throttle.retryAfterSeconds('owner@b.fi', '10.0.0.7')).toBe(60);
    await throttle.recordSuccess('owner@b.fi', '10.0.0.7');
    expect(await throttle.retryAfterSeconds('owner@b.fi', '10.0.0.7')).toBe(0);
    expect(await throttle.retryAfterSeconds('owner@b.fi', '203.0.113.9')).toBe(900);
  });

  it('slows one address that tries many accounts (spraying), and only that address', async () => {
    for (let account = 0; account < 30; account += 1) await throttle.recordFailure(`user${account}@b.fi`, '10.0.0.9');
    expect(await throttle.retryAfterSeconds('fresh@b.fi', '10.0.0.9')).toBe(2);
    expect(await throttle.retryAfterSeconds('fresh@b.fi', '10.0.0.10')).toBe(0);
  });

  it('keeps the counts in the database, where another app instance sees them', async () => {
    await fail(5, 'shared@b.fi', '10.0.0.2');
    const otherInstance = new LoginThrottle(context.dataSource, context.app.get(Clock));
    expect(await otherInstance.retryAfterSeconds('shared@b.fi', '10.0.0.2')).toBe(2);
    const rows: { scope: string; key_hash: string; failures: number }[] = await context.dataSource.query(
      `SELECT scope, key_hash, failures FROM login_throttle ORDER BY scope`,
    );
    expect(rows.map((row) => [row.scope, row.failures])).toEqual([
      ['account', 5],
      ['address', 5],
      ['pair', 5],
    ]);
    // Only hashes: neither the email nor the address is stored.
    expect(JSON.stringify(rows)).not.toMatch(/shared|10\.0\.0\.2/);
  });

  it('forgets a quiet counter and deletes expired rows as new failures come in', async () => {
    await fail(5, 'quiet@b.fi', '10.0.0.3');
    now += 60 * 60 * 1000;
    // The address and account counts are forgotten after an hour; the pair's wait has long passed.
    expect(await throttle.retryAfterSeconds('quiet@b.fi', '10.0.0.3')).toBe(0);
    now += 24 * 60 * 60 * 1000;
    await throttle.recordFailure('other@b.fi', '10.0.0.4');
    const rows: { count: number }[] = await context.dataSource.query(
      `SELECT count(*)::int AS count FROM login_throttle`,
    );
    expect(rows[0].count).toBe(3);
    // A counter past its expiry starts again from one.
    await fail(4, 'quiet@b.fi', '10.0.0.3');
    expect(await throttle.retryAfterSeconds('quiet@b.fi', '10.0.0.3')).toBe(0);
  });
});
