import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('blocks an email after five failures for the rest of the window', () => {
    const throttle = new LoginThrottle();
    const start = 1_000_000;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(throttle.retryAfterSeconds('a@b.fi', '10.0.0.1', start)).toBe(0);
      throttle.recordFailure('a@b.fi', '10.0.0.1', start);
    }
    expect(throttle.retryAfterSeconds('a@b.fi', '10.0.0.2', start + 60_000)).toBe(14 * 60);
    expect(throttle.retryAfterSeconds('other@b.fi', '10.0.0.1', start)).toBe(0);
    expect(throttle.retryAfterSeconds('a@b.fi', '10.0.0.1', start + 15 * 60_000)).toBe(0);
  });

  it('blocks an address that tries many accounts', () => {
    const throttle = new LoginThrottle();
    for (let attempt = 0; attempt < 30; attempt += 1) throttle.recordFailure(`user${attempt}@b.fi`, '10.0.0.9', 0);
    expect(throttle.retryAfterSeconds('new@b.fi', '10.0.0.9', 0)).toBeGreaterThan(0);
  });

  it('forgets an email’s failures after a successful sign-in', () => {
    const throttle = new LoginThrottle();
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('a@b.fi', '10.0.0.1', 0);
    throttle.recordSuccess('a@b.fi');
    throttle.recordFailure('a@b.fi', '10.0.0.1', 0);
    expect(throttle.retryAfterSeconds('a@b.fi', '10.0.0.3', 0)).toBe(0);
  });
});
