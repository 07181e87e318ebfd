import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  USER_AUDITED_FIELDS,
  createUserSchema,
  type Locale,
  type Page,
  type Role,
  type SetPasswordRequest,
  updateUserSchema,
  type UserDto,
  type UserListQuery,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { createdFields, diffFields, AuditService } from '../audit';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { hashPassword } from '../passwords';
import { assertPasswordAllowed } from '../passwords';
import { SessionsService } from '../auth';
import { ApiException } from '../http/api-exception';
import { foreignKeyViolation, uniqueViolation } from '../database/database-errors';
import { decodeCursor, encodeCursor, pageSize } from '../database/keyset';
import { likePattern, searchCondition, SqlParams } from '../database/sql';
import { APP_CONFIG, type AppConfig, FIRST_ADMIN_DISPLAY_NAME, generatePassword } from '../config/config';

interface UserRow {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  campus_group_ids: number[];
}

const USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.locale, u.active, u.last_login_at,
  u.created_at, u.updated_at, u.version,
  COALESCE((SELECT array_agg(m.campus_group_id ORDER BY m.campus_group_id)
              FROM user_campus_groups m WHERE m.user_id = u.id), '{}') AS campus_group_ids`;


function toDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    active: row.active,
    campusGroupIds: row.campus_group_ids.map(Number),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: AuthUser, query: UserListQuery): Promise<Page<UserDto>> {
    const limit = pageSize(query.limit);
    const params = new SqlParams();
    const where: string[] = [];
    const scope = readScope(caller, 'users');
    if (scope.kind === 'groups') {
      // Campus members see the people of their own groups, and themselves.
      where.push(`(u.id = ${params.add(caller.id)} OR EXISTS (SELECT 1 FROM user_campus_groups s
        WHERE s.user_id = u.id AND s.campus_group_id = ANY(${params.add(scope.campusGroupIds)})))`);
    }
    if (query.q) {
      const q = query.q;
      where.push(
        searchCondition(q, () => {
          const pattern = params.add(likePattern(q));
          return `(unaccent(u.display_name) ILIKE unaccent(${pattern}) OR u.email ILIKE ${pattern})`;
        }),
      );
    }
    if (query.role) where.push(`u.role = ${params.add(query.role)}`);
    if (query.active) where.push(`u.active = ${params.add(query.active === 'true')}`);
    if (query.campusGroupId) {
      where.push(`EXISTS (SELECT 1 FROM user_campus_groups f
        WHERE f.user_id = u.id AND f.campus_group_id = ${params.add(Number(query.campusGroupId))})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM users u ${filter}`, params.values);

    const cursor = decodeCursor(query.cursor, ['text', 'id']);
    const pageWhere = [...where];
    if (cursor) {
      pageWhere.push(`(lower(u.display_name), u.id) > (${params.add(cursor[0])}, ${params.add(cursor[1])})`);
    }
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users u
        ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY lower(u.display_name), u.id
        LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const items = rows.slice(0, limit).map(toDto);
    const last = items.at(-1);
    return {
      items,
      total,
      nextCursor: rows.length > limit && last ? encodeCursor([last.displayName.toLowerCase(), last.id]) : null,
    };
  }

  async get(caller: AuthUser, id: number): Promise<UserDto> {
    const user = await this.find(this.dataSource.manager, id);
    const scope = readScope(caller, 'users');
    const visible =
      scope.kind === 'all' || user?.id === caller.id || user?.campusGroupIds.some((g) => scope.campusGroupIds.includes(g));
    if (!user || !visible) throw ApiException.notFound('User');
    return user;
  }

  async create(actorId: number | null, input: z.output<typeof createUserSchema>): Promise<UserDto> {
    assertPasswordAllowed('password', input.password, input);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await this.translateErrors(() =>
        manager.query(
          `INSERT INTO users (email, display_name, role, password_hash, locale) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [input.email, input.displayName, input.role, passwordHash, input.locale],
        ),
      );
      await this.setMemberships(manager, id, input.campusGroupIds);
      const created = (await this.find(manager, id))!;
      await this.audit.record(manager, {
        actorId,
        action: 'create',
        entityType: 'user',
        entityId: id,
        changes: createdFields(created, USER_AUDITED_FIELDS),
      });
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: z.output<typeof updateUserSchema>): Promise<UserDto> {
    return this.changingSessionUser(id, () => this.updateInTransaction(caller, id, input));
  }

  private async updateInTransaction(
    caller: AuthUser,
    id: number,
    input: z.output<typeof updateUserSchema>,
  ): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (!before) throw ApiException.notFound('User');
      if (before.version !== input.version) throw ApiException.staleVersion(before);

      const demotesAdmin =
        before.role === 'admin' && before.active && ((input.role && input.role !== 'admin') || input.active === false);
      if (demotesAdmin) await this.assertAnotherActiveAdmin(manager, id);

      const params = new SqlParams();
      const sets = ['version = version + 1', 'updated_at = now()'];
      if (input.email !== undefined) sets.push(`email = ${params.add(input.email)}`);
      if (input.displayName !== undefined) sets.push(`display_name = ${params.add(input.displayName)}`);
      if (input.role !== undefined) sets.push(`role = ${params.add(input.role)}`);
      if (input.locale !== undefined) sets.push(`locale = ${params.add(input.locale)}`);
      if (input.active !== undefined) sets.push(`active = ${params.add(input.active)}`);
      // The version condition is what makes a concurrent save lose with 409 instead of overwriting.
      const updated: unknown[] = await this.translateErrors(() =>
        manager.query(
          `UPDATE users SET ${sets.join(', ')} WHERE id = ${params.add(id)} AND version = ${params.add(input.version)} RETURNING id`,
          params.values,
        ),
      );
      if ((updated[0] as unknown[]).length === 0) {
        throw ApiException.staleVersion(await this.find(this.dataSource.manager, id));
      }
      if (input.campusGroupIds !== undefined) await this.setMemberships(manager, id, input.campusGroupIds);
      const after = (await this.find(manager, id))!;
      if (before.active && !after.active) await this.sessions.revokeAllForUser(id, manager);
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'update',
        entityType: 'user',
        entityId: id,
        changes: diffFields(before, after, USER_AUDITED_FIELDS),
      });
      return after;
    });
  }

  async setPassword(caller: AuthUser, id: number, input: SetPasswordRequest): Promise<void> {
    const target = await this.find(this.dataSource.manager, id);
    if (!target) throw ApiException.notFound('User');
    assertPasswordAllowed('password', input.password, target);
    const passwordHash = await hashPassword(input.password);
    await this.changingSessionUser(id, () => this.dataSource.transaction(async (manager) => {
      await this.storePasswordHash(manager, id, passwordHash);
      // Whoever knew the old password is signed out everywhere.
      await this.sessions.revokeAllForUser(id, manager);
      await this.audit.record(manager, {
        actorId: caller.id,
        action: 'set_password',
        entityType: 'user',
        entityId: id,
        changes: { password: ['***', '***'] },
      });
    }));
  }

  /** A user's own change: their other sessions end, the one they changed it in goes on. */
  async changeOwnPassword(user: AuthUser, passwordHash: string): Promise<void> {
    await this.changingSessionUser(user.id, () => this.dataSource.transaction(async (manager) => {
      await this.storePasswordHash(manager, user.id, passwordHash);
      await this.sessions.revokeOthers(user, manager);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'change_password',
        entityType: 'user',
        entityId: user.id,
        changes: { password: ['***', '***'] },
      });
    }));
  }

  private async storePasswordHash(manager: EntityManager, id: number, passwordHash: string): Promise<void> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE users SET password_hash = $1, updated_at = now(), version = version + 1 WHERE id = $2`,
      [passwordHash, id],
    );
    if (result[1] === 0) throw ApiException.notFound('User');
  }

  async setLocale(userId: number, locale: Locale): Promise<void> {
    await this.changingSessionUser(userId, () => this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE users u SET locale = $1 FROM (SELECT locale FROM users WHERE id = $2 FOR UPDATE) old
          WHERE u.id = $2 RETURNING old.locale AS before`,
        [locale, userId],
      );
      const before = (rows as { before: Locale }[])[0]?.before;
      if (before !== locale) {
        await this.audit.record(manager, {
          actorId: userId,
          action: 'update',
          entityType: 'user',
          entityId: userId,
          changes: { locale: [before ?? null, locale] },
        });
      }
    }));
  }

  /**
   * Runs a change of what a session carries (role, groups, state, password, language) and then,
   * after its commit, makes the user's sessions read it afresh.
   */
  private async changingSessionUser<T>(userId: number, change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      this.sessions.forgetUser(userId);
    }
  }

  async findForLogin(email: string): Promise<{ id: number; passwordHash: string; active: boolean } | null> {
    const rows: { id: number; password_hash: string; active: boolean }[] = await this.dataSource.query(
      `SELECT id, password_hash, active FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    const row = rows[0];
    return row ? { id: row.id, passwordHash: row.password_hash, active: row.active } : null;
  }

  async recordLogin(userId: number): Promise<void> {
    await this.dataSource.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [userId]);
  }

  /**
   * The first admin: created at start when no active admin exists, from ADMIN_EMAIL and
   * ADMIN_PASSWORD, or with a generated password printed once.
   */
  async ensureFirstAdmin(print: (message: string) => void = console.log): Promise<void> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND active`,
    );
    if (count > 0) return;
    const existing = await this.findForLogin(this.config.adminEmail);
    if (existing) {
      this.logger.error(
        `No active admin exists and ${this.config.adminEmail} is already taken by another user; set ADMIN_EMAIL to a free address`,
      );
      return;
    }
    const password = this.config.adminPassword ?? generatePassword();
    // No actor: the system itself creates the first admin.
    await this.create(null, {
      email: this.config.adminEmail,
      displayName: FIRST_ADMIN_DISPLAY_NAME,
      role: 'admin',
      password,
      campusGroupIds: [],
      locale: 'fi',
    });
    if (this.config.adminPassword) {
      print(`Created the first admin ${this.config.adminEmail} with the password from ADMIN_PASSWORD.`);
    } else {
      print(
        [
          '',
          '==================================================================',
          ' First admin created. This password is shown only once:',
          `   email:    ${this.config.adminEmail}`,
          `   password: ${password}`,
          ' Sign in and change it under Users, or set ADMIN_PASSWORD.',
          '==================================================================',
          '',
        ].join('\n'),
      );
    }
  }

  private async find(manager: EntityManager, id: number): Promise<UserDto | null> {
    const rows: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  private async setMemberships(manager: EntityManager, userId: number, campusGroupIds: number[]): Promise<void> {
    await manager.query(`DELETE FROM user_campus_groups WHERE user_id = $1`, [userId]);
    if (campusGroupIds.length === 0) return;
    await this.translateErrors(() =>
      manager.query(
        `INSERT INTO user_campus_groups (user_id, campus_group_id)
         SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
        [userId, [...new Set(campusGroupIds)]],
      ),
    );
  }

  private async assertAnotherActiveAdmin(manager: EntityManager, exceptId: number): Promise<void> {
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND active AND id <> $1`,
      [exceptId],
    );
    if (count === 0) {
      throw new ApiException(409, 'LAST_ADMIN', 'The last active admin cannot be demoted or deactivated');
    }
  }

  private async translateErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (uniqueViolation(error) === 'uq_users_email_lower') {
        throw new ApiException(409, 'EMAIL_TAKEN', 'A user with this email already exists', {
          fieldErrors: [{ path: 'email', code: 'email_taken', message: 'Already in use' }],
        });
      }
      if (foreignKeyViolation(error) === 'user_campus_groups_campus_group_id_fkey') {
        throw ApiException.field('campusGroupIds', 'unknown_campus_group', 'Unknown campus group');
      }
      throw error;
    }
  }
}
