import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Locale, Role } from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { SharedChanges } from '../cache/shared-changes';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { RowOf } from '../database/table';
import { affectedRows, oneRow } from '../database/typed-query';
import { camelFields } from '../database/record-fields';
import type { AuthUser } from './auth-user';
import type { sessionsTable } from './sessions.table';

// Writing last_seen_at on every request would turn each read into a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;
// A resolved session is kept this long in memory, so most requests skip the session query. Every
// change that ends a session or alters its user (logout, deactivation, role, groups, password,
// language) forgets it: in this process at once, in every other one when SharedChanges sees the
// session counter move (the same transaction's triggers move it), within a second.
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX_ENTRIES = 10_000;

interface CachedSession {
  auth: AuthUser;
  lastSeenAt: number;
  expiresAt: number;
  cachedAt: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session with the user it belongs to (the users table's columns, read here as identity). */
type SessionRow = Pick<RowOf<typeof sessionsTable>, 'token_hash' | 'last_seen_at' | 'expires_at'> & {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  campus_group_ids: number[];
};

/** Server-side sessions in PostgreSQL: revocable at once, idle and absolute expiry. */
@Injectable()
export class SessionsService {
  private readonly cache = new Map<string, CachedSession>();
  /** Bumped by every forget: a lookup that began before one must not cache what it read. */
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly shared: SharedChanges,
  ) {
    // Which session another process ended or changed is not said, only that one was: the cached
    // ones are read again, which is what their short life costs anyway.
    shared.on('sessions', () => this.forgetAll());
  }

  /** A fresh random token for every sign-in, so a planted session id is never promoted. */
  async create(userId: number, userAgent: string | undefined): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at, user_agent)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4)`,
      [hashToken(token), userId, this.config.sessionMaxHours, userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  async resolve(token: string): Promise<AuthUser | null> {
    const tokenHash = hashToken(token);
    const now = Date.now();
    const cached = this.cache.get(tokenHash);
    if (cached && this.shared.current && now - cached.cachedAt < SESSION_CACHE_MS && this.isLive(cached, now)) {
      if (now - cached.lastSeenAt <= TOUCH_INTERVAL_MS) return cached.auth;
    }
    this.cache.delete(tokenHash);
    return this.load(tokenHash);
  }

  private isLive(session: Pick<CachedSession, 'lastSeenAt' | 'expiresAt'>, now: number): boolean {
    return session.expiresAt > now && session.lastSeenAt + this.config.sessionIdleMinutes * 60_000 > now;
  }

  private async load(tokenHash: string): Promise<AuthUser | null> {
    const generation = this.generation;
    const row = await oneRow<SessionRow>(
      this.dataSource,
      `SELECT s.token_hash, s.last_seen_at, s.expires_at,
              u.id, u.email, u.display_name, u.role, u.locale, u.active,
              COALESCE(array_agg(m.campus_group_id ORDER BY m.campus_group_id)
                       FILTER (WHERE m.campus_group_id IS NOT NULL), '{}') AS campus_group_ids
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN user_campus_groups m ON m.user_id = u.id
        WHERE s.token_hash = $1
        GROUP BY s.token_hash, u.id`,
      [tokenHash],
    );
    if (!row) return null;
    const now = Date.now();
    let lastSeenAt = row.last_seen_at.getTime();
    const expiresAt = row.expires_at.getTime();
    if (!row.active || !this.isLive({ lastSeenAt, expiresAt }, now)) {
      await this.revoke(tokenHash);
      return null;
    }
    if (now - lastSeenAt > TOUCH_INTERVAL_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1`, [tokenHash]);
      lastSeenAt = now;
    }
    const auth: AuthUser = {
      ...camelFields(row, ['id', 'email', 'display_name', 'role', 'locale']),
      campusGroupIds: row.campus_group_ids.map(Number),
      sessionTokenHash: tokenHash,
    };
    if (generation === this.generation && this.shared.current) {
      if (this.cache.size >= SESSION_CACHE_MAX_ENTRIES) this.cache.clear();
      this.cache.set(tokenHash, { auth, lastSeenAt, expiresAt, cachedAt: now });
    }
    return auth;
  }

  async revoke(tokenHash: string): Promise<void> {
    this.forget((cachedHash) => cachedHash === tokenHash);
    await this.dataSource.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  }

  /**
   * Drops a user's cached sessions, so their next request reads role, groups and state afresh. Call
   * it after the transaction that changed the user has committed (a lookup racing the commit could
   * otherwise cache the old row again).
   */
  forgetUser(userId: number): void {
    this.forget((_, session) => session.auth.id === userId);
  }

  /** Drops every cached session (another process changed one; tests that move the clock by editing rows). */
  forgetAll(): void {
    this.forget(() => true);
  }

  private forget(matches: (tokenHash: string, session: CachedSession) => boolean): void {
    this.generation += 1;
    for (const [tokenHash, session] of this.cache) {
      if (matches(tokenHash, session)) this.cache.delete(tokenHash);
    }
  }

  /** Ends every session of a user at once (deactivation, password reset). */
  async revokeAllForUser(userId: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    this.forgetUser(userId);
    await manager.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  }

  /** Ends a user's other sessions, keeping the one they are using (their own password change). */
  async revokeOthers(user: Pick<AuthUser, 'id' | 'sessionTokenHash'>, manager: EntityManager): Promise<void> {
    this.forget((tokenHash, session) => session.auth.id === user.id && tokenHash !== user.sessionTokenHash);
    await manager.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, [
      user.id,
      user.sessionTokenHash,
    ]);
  }

  async deleteExpired(): Promise<number> {
    return affectedRows(
      this.dataSource,
      `DELETE FROM sessions
        WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1)`,
      [this.config.sessionIdleMinutes],
    );
  }
}
