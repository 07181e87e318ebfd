import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Me, Role } from '@tyoelama/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app-factory';
import { type AppConfig, loadConfig } from '../src/config/config';
import { hashPassword } from '../src/passwords/password';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'test-password-123';

/** A supertest agent that keeps cookies and sends the XSRF header like Angular does. */
export class Client {
  private xsrf = '';

  constructor(readonly agent: request.Agent) {}

  /** Fetches the XSRF cookie, as the browser gets it with the first page. */
  async init(): Promise<this> {
    const response = await this.agent.get('/api/health');
    this.readXsrf(response);
    return this;
  }

  get(path: string) {
    return this.agent.get(path);
  }

  post(path: string, body?: unknown) {
    return this.unsafe(this.agent.post(path), body);
  }

  patch(path: string, body?: unknown) {
    return this.unsafe(this.agent.patch(path), body);
  }

  delete(path: string) {
    return this.unsafe(this.agent.delete(path));
  }

  /** A POST the caller builds itself (a multipart upload: fields, files), with the XSRF header set. */
  upload(path: string): request.Test {
    return this.agent.post(path).set('X-XSRF-TOKEN', this.xsrf);
  }

  async login(email: string, password = TEST_PASSWORD): Promise<request.Response> {
    return this.post('/api/auth/login', { email, password });
  }

  /** A request that changes data: it carries the XSRF header, and its answer may renew the cookie. */
  private async unsafe(test: request.Test, body?: unknown): Promise<request.Response> {
    test.set('X-XSRF-TOKEN', this.xsrf);
    const response = await (body === undefined ? test : test.send(body as object));
    this.readXsrf(response);
    return response;
  }

  private readXsrf(response: request.Response): void {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = cookies.find((value) => value.startsWith('XSRF-TOKEN='));
    if (cookie) this.xsrf = cookie.split(';')[0].slice('XSRF-TOKEN='.length);
  }
}

/** A client signed in as a user created for the test: `me` is what sign-in answered. */
export type SignedIn = Client & { me: Me };

export interface TestContext {
  app: INestApplication;
  /** The app's own pool, signed in as the least-privilege app role. */
  dataSource: DataSource;
  database: Omit<TestDatabase, 'drop'>;
  config: AppConfig;
  /** A new signed-out client with its XSRF cookie. */
  client(): Promise<Client>;
  /** A signed-in client for a user created with the given role and campus groups. */
  signedIn(role: Role, campusGroupIds?: number[], email?: string): Promise<SignedIn>;
  createUser(role: Role, campusGroupIds?: number[], email?: string): Promise<number>;
  createCampusGroup(name: string, campus?: string): Promise<number>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;
let userCounter = 0;

/** The real app on its own fresh, migrated database. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  // The YTJ refresh loop stays off: a test drives the job step by step (RegisterRefreshService.step).
  const config = { ...loadConfig({ LOG_LEVEL: 'error', REGISTER_REFRESH_POLL_MS: '0' }), ...overrides };
  const app = await createApp(config, database.url);
  await app.init();
  const dataSource = app.get(DataSource);
  passwordHash ??= hashPassword(TEST_PASSWORD);

  const context: TestContext = {
    app,
    dataSource,
    database: { name: database.name, url: database.url, ownerUrl: database.ownerUrl },
    config,
    client: async () => new Client(request.agent(app.getHttpServer())).init(),
    async createUser(role, campusGroupIds = [], email) {
      userCounter += 1;
      const address = email ?? `${role}.${userCounter}.${Date.now()}@example.fi`;
      const [{ id }] = await dataSource.query(
        `INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [address, `Test ${role} ${userCounter}`, role, await passwordHash],
      );
      for (const groupId of campusGroupIds) {
        await dataSource.query(`INSERT INTO user_campus_groups (user_id, campus_group_id) VALUES ($1, $2)`, [
          id,
          groupId,
        ]);
      }
      return id;
    },
    async signedIn(role, campusGroupIds = [], email) {
      const id = await context.createUser(role, campusGroupIds, email);
      const [{ email: address }] = await dataSource.query(`SELECT email FROM users WHERE id = $1`, [id]);
      const client = await context.client();
      const response = await client.login(address);
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return Object.assign(client, { me: response.body as Me });
    },
    async createCampusGroup(name, campus = 'Pääkampus') {
      const [{ id }] = await dataSource.query(`INSERT INTO campus_groups (name, campus) VALUES ($1, $2) RETURNING id`, [
        name,
        campus,
      ]);
      return id;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
  return context;
}

/**
 * The real app for the enclosing describe block: started before its tests, ahead of the block's own
 * beforeAll hooks (declared after this call), and closed after them. The returned context stands in
 * for the started one, so use it in hooks and tests only, not while jest collects the tests.
 * `overrides` may be a function, for settings a beforeAll declared before this call works out.
 */
export function useTestApp(overrides: Partial<AppConfig> | (() => Partial<AppConfig>) = {}): TestContext {
  let started: TestContext | undefined;
  beforeAll(async () => {
    started = await startTestApp(typeof overrides === 'function' ? overrides() : overrides);
  });
  afterAll(() => started?.close());
  return new Proxy({} as TestContext, {
    get(_target, key) {
      if (!started) throw new Error('The test app runs in hooks and tests only: it is not started yet');
      return Reflect.get(started, key);
    },
  });
}

/**
 * What a describe block's tests share, arranged once before them (after the app has started) and
 * read as `given.name` in hooks and tests. The names and their types come from what `arrange`
 * returns, so no `let` is declared in one place and assigned in another; like `useTestApp`, the
 * result is a stand-in that is readable only once the hooks have run.
 */
export function useFixture<T extends object>(arrange: () => Promise<T>): T {
  let arranged: T | undefined;
  beforeAll(async () => {
    arranged = await arrange();
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!arranged) throw new Error('The fixture is arranged in a beforeAll hook: read it in hooks and tests only');
      return Reflect.get(arranged, key);
    },
  });
}
