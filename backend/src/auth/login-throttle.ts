import { Injectable } from '@nestjs/common';

interface Window {
  failures: number;
  firstAt: number;
}

const WINDOW_MS = 15 * 60 * 1000;
// Per account: enough for typos, far too few for guessing. Per address: a shared office NAT stays usable.
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

/**
 * Counts failed sign-ins per email and per client address in a sliding 15-minute window.
 * In memory: the product is one process by design.
 */
@Injectable()
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  /** Seconds until another attempt is allowed, or 0 when it may go ahead. */
  retryAfterSeconds(email: string, address: string, now = Date.now()): number {
    const waits = [
      this.wait(`email:${email}`, MAX_FAILURES_PER_EMAIL, now),
      this.wait(`address:${address}`, MAX_FAILURES_PER_ADDRESS, now),
    ];
    return Math.max(...waits);
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    this.bump(`email:${email}`, now);
    this.bump(`address:${address}`, now);
    if (this.windows.size > 50_000) this.prune(now);
  }

  recordSuccess(email: string): void {
    this.windows.delete(`email:${email}`);
  }

  private wait(key: string, limit: number, now: number): number {
    const window = this.windows.get(key);
    if (!window || now - window.firstAt >= WINDOW_MS) return 0;
    return window.failures >= limit ? Math.ceil((window.firstAt + WINDOW_MS - now) / 1000) : 0;
  }

  private bump(key: string, now: number): void {
    const window = this.windows.get(key);
    if (!window || now - window.firstAt >= WINDOW_MS) this.windows.set(key, { failures: 1, firstAt: now });
    else window.failures += 1;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.firstAt >= WINDOW_MS) this.windows.delete(key);
  }
}
