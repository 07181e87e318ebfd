import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../config/clock';

type Scope = 'pair' | 'address' | 'account';

interface Policy {
  /** Failures allowed before any wait; the next one waits 2 s, then 4 s, 8 s, … */
  freeFailures: number;
  maxDelaySeconds: number;
  /** A counter with no new failure for this long starts again from zero (and its row is deleted). */
  forgetAfterSeconds: number;
}

// No hard per-account lockout: a stranger could use one to keep a colleague out. Instead:
// - pair (account + address): the guesser at one address slows down, the owner elsewhere does not;
// - address (any account): one address trying many accounts is spraying;
// - account (any address): a spread-out attack on one account only slows addresses that have
//   themselves failed on it, and never for long, so its owner still gets in.
const POLICIES: Record<Scope, Policy> = {
  pair: { freeFailures: 4, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 60 * 60 },
  address: { freeFailures: 29, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 60 * 60 },
  account: { freeFailures: 19, maxDelaySeconds: 60, forgetAfterSeconds: 60 * 60 },
};

// Each failure inserts at most three rows; deleting up to this many expired ones with it keeps the table small.
const CLEANUP_BATCH = 100;

/** Seconds to wait after `failures` failures: none up to the free ones, then doubling up to the cap. */
export function delaySeconds(scope: Scope, failures: number): number {
  const policy = POLICIES[scope];
  if (failures <= policy.freeFailures) return 0;
  return Math.min(2 ** (failures - policy.freeFailures), policy.maxDelaySeconds);
}

interface CounterRow {
  scope: Scope;
  failures: number;
  last_failure_at: Date;
}

/**
 * Counts failed sign-ins (and wrong current passwords) in PostgreSQL, shared by every app instance
 * and kept over restarts. Emails arrive normalised (trimmed, lower-case), so every spelling of one
 * account shares its counters; keys are stored as hashes only.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Seconds until this address may try this account again, or 0 when it may go ahead. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    const now = this.clock.now();
    const keys = this.keys(email, address);
    const rows: CounterRow[] = await this.dataSource.query(
      `SELECT scope, failures, last_failure_at FROM login_throttle
        WHERE (scope, key_hash) IN (('pair', $1), ('address', $2), ('account', $3)) AND expires_at > $4`,
      [keys.pair, keys.address, keys.account, now],
    );
    const pairHasFailed = rows.some((row) => row.scope === 'pair');
    let wait = 0;
    for (const row of rows) {
      if (row.scope === 'account' && !pairHasFailed) continue;
      const until = row.last_failure_at.getTime() + delaySeconds(row.scope, row.failures) * 1000;
      wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
    }
    return wait;
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    const keys = this.keys(email, address);
    const scopes = Object.keys(POLICIES) as Scope[];
    const forgetAt = scopes.map((scope) => new Date(now.getTime() + POLICIES[scope].forgetAfterSeconds * 1000));
    // One statement per failure: concurrent failures all count, whichever instance sees them.
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (scope, key_hash, failures, last_failure_at, expires_at)
       SELECT scope, key_hash, 1, $3, expires_at
         FROM unnest($1::varchar[], $2::char(64)[], $4::timestamptz[]) AS input(scope, key_hash, expires_at)
       ON CONFLICT (scope, key_hash) DO UPDATE
         SET failures = CASE WHEN t.expires_at <= EXCLUDED.last_failure_at THEN 1 ELSE t.failures + 1 END,
             last_failure_at = EXCLUDED.last_failure_at,
             expires_at = EXCLUDED.expires_at`,
      [scopes, scopes.map((scope) => keys[scope]), now, forgetAt],
    );
    await this.dataSource.query(
      `DELETE FROM login_throttle WHERE ctid IN (
         SELECT ctid FROM login_throttle WHERE expires_at <= $1 LIMIT ${CLEANUP_BATCH})`,
      [now],
    );
  }

  /** The right password from this address: its own record is cleared, the address's and the account's are not. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE scope = 'pair' AND key_hash = $1`, [
      this.keys(email, address).pair,
    ]);
  }

  private keys(email: string, address: string): Record<Scope, string> {
    const hash = (value: string) => createHash('sha256').update(value).digest('hex');
    return { pair: hash(`${email}\n${address}`), address: hash(address), account: hash(email) };
  }
}
