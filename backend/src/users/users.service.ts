import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  USER_AUDITED_FIELDS,
  createUserSchema,
  type Locale,
  type Page,
  type SetPasswordRequest,
  updateUserSchema,
  type UserDto,
  type UserListQuery,
} from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod/mini';
import { type AuditChanges, AuditService, AuditTrail } from '../audit';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { SessionsService } from '../auth';
import { ApiException } from '../http/api-exception';
import { APP_CONFIG, type AppConfig, FIRST_ADMIN_DISPLAY_NAME, generatePassword } from '../config/config';
import { translateConstraintErrors } from '../database/constraint-errors';
import { expectVersion } from '../database/versioned-update';
import { hashPassword } from '../passwords';
import { assertPasswordAllowed } from '../passwords';
import {
  countActiveAdmins,
  findForLogin,
  findUser,
  insertUser,
  listUsers,
  recordLogin,
  setMemberships,
  storeLocale,
  storePasswordHash,
  updateUser,
  USER_CONSTRAINT_ERRORS,
} from './users.table';

const userAudit = new AuditTrail<UserDto>('user', USER_AUDITED_FIELDS);

/** A password change is audited without any trace of the password. */
const PASSWORD_CHANGED: AuditChanges = { password: ['***', '***'] };

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(caller: AuthUser, query: UserListQuery): Promise<Page<UserDto>> {
    return listUsers(this.dataSource, readScope(caller, 'users'), caller.id, query);
  }

  async get(caller: AuthUser, id: number): Promise<UserDto> {
    const user = await findUser(this.dataSource, id);
    const scope = readScope(caller, 'users');
    const visible =
      scope.kind === 'all' ||
      user?.id === caller.id ||
      user?.campusGroupIds.some((g) => scope.campusGroupIds.includes(g));
    if (!user || !visible) throw ApiException.notFound('User');
    return user;
  }

  async create(actor: AuthUser | null, input: z.output<typeof createUserSchema>): Promise<UserDto> {
    assertPasswordAllowed('password', input.password, input);
    const passwordHash = await hashPassword(input.password);
    return this.writeTransaction(async (manager) => {
      const id = await insertUser(manager, { ...input, passwordHash });
      await setMemberships(manager, id, input.campusGroupIds);
      const created = (await findUser(manager, id))!;
      await this.audit.record(manager, userAudit.created(actor?.id ?? null, created));
      return created;
    });
  }

  async update(caller: AuthUser, id: number, input: z.output<typeof updateUserSchema>): Promise<UserDto> {
    return this.changingSessionUser(id, () =>
      this.writeTransaction(async (manager) => {
        const before = expectVersion(await findUser(manager, id), input.version, 'User');

        const demotesAdmin =
          before.role === 'admin' &&
          before.active &&
          ((input.role && input.role !== 'admin') || input.active === false);
        if (demotesAdmin && (await countActiveAdmins(manager, id)) === 0) {
          throw new ApiException(409, 'LAST_ADMIN', 'The last active admin cannot be demoted or deactivated');
        }
        await updateUser(manager, id, input, () => findUser(this.dataSource, id));
        if (input.campusGroupIds !== undefined) await setMemberships(manager, id, input.campusGroupIds);
        const after = (await findUser(manager, id))!;
        if (before.active && !after.active) await this.sessions.revokeAllForUser(id, manager);
        await this.audit.record(manager, userAudit.updated(caller.id, before, after));
        return after;
      }),
    );
  }

  async setPassword(caller: AuthUser, id: number, input: SetPasswordRequest): Promise<void> {
    const target = await findUser(this.dataSource, id);
    if (!target) throw ApiException.notFound('User');
    assertPasswordAllowed('password', input.password, target);
    const passwordHash = await hashPassword(input.password);
    await this.changingSessionUser(id, () =>
      this.dataSource.transaction(async (manager) => {
        if (!(await storePasswordHash(manager, id, passwordHash))) throw ApiException.notFound('User');
        // Whoever knew the old password is signed out everywhere.
        await this.sessions.revokeAllForUser(id, manager);
        await this.audit.record(manager, userAudit.event(caller.id, 'set_password', { id }, PASSWORD_CHANGED));
      }),
    );
  }

  /** A user's own change: their other sessions end, the one they changed it in goes on. */
  async changeOwnPassword(user: AuthUser, passwordHash: string): Promise<void> {
    await this.changingSessionUser(user.id, () =>
      this.dataSource.transaction(async (manager) => {
        if (!(await storePasswordHash(manager, user.id, passwordHash))) throw ApiException.notFound('User');
        await this.sessions.revokeOthers(user, manager);
        await this.audit.record(
          manager,
          userAudit.event(user.id, 'change_password', { id: user.id }, PASSWORD_CHANGED),
        );
      }),
    );
  }

  async setLocale(userId: number, locale: Locale): Promise<void> {
    await this.changingSessionUser(userId, () =>
      this.dataSource.transaction(async (manager) => {
        const before = await storeLocale(manager, userId, locale);
        if (before !== locale) {
          await this.audit.record(
            manager,
            userAudit.event(userId, 'update', { id: userId }, { locale: [before, locale] }),
          );
        }
      }),
    );
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

  /** A transaction whose constraint errors become the API's 409/400s (the pre-checks can lose a race). */
  private writeTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return translateConstraintErrors(() => this.dataSource.transaction(work), USER_CONSTRAINT_ERRORS);
  }

  findForLogin(email: string): Promise<{ id: number; passwordHash: string; active: boolean } | null> {
    return findForLogin(this.dataSource, email);
  }

  recordLogin(userId: number): Promise<void> {
    return recordLogin(this.dataSource, userId);
  }

  /**
   * The first admin: created at start when no active admin exists, from ADMIN_EMAIL and
   * ADMIN_PASSWORD, or with a generated password printed once.
   */
  async ensureFirstAdmin(print: (message: string) => void = console.log): Promise<void> {
    if ((await countActiveAdmins(this.dataSource)) > 0) return;
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
          ' Sign in and change it under Change password (/settings/password),',
          ' or set ADMIN_PASSWORD.',
          '==================================================================',
          '',
        ].join('\n'),
      );
    }
  }
}
