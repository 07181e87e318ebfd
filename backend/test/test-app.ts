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
    return this.track(
      this.agent
        .post(path)
        .set('X-XSRF-TOKEN', this.xsrf)
        .send(body as object),
    );
  }

  patch(path: string, body?: unknown) {
    return this.track(
      this.agent
        .patch(path)
        .set('X-XSRF-TOKEN', this.xsrf)
        .send(body as object),
    );
  }

  delete(path: string) {
    return this.track(this.agent.delete(path).set('X-XSRF-TOKEN', this.xsrf));
  }

  async login(email: string, password = TEST_PASSWORD): Promise<request.Response> {
    return this.post('/api/auth/login', { email, password });
  }

  private async track(test: request.Test): Promise<request.Response> {
    const response = await test;
    this.readXsrf(response);
    return response;
  }

  private readXsrf(response: request.Response): void {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = cookies.find((value) => value.startsWith('XSRF-TOKEN='));
    if (cookie) this.xsrf = cookie.split(';')[0].slice('XSRF-TOKEN='.length);
  }
}

export interface TestContext {
  app: INestApplication;
  /** The app's own pool, signed in as the least-privilege app role. */
  dataSource: DataSource;
  database: Omit<TestDatabase, 'drop'>;
  config: AppConfig;
  /** A new signed-out client with its XSRF cookie. */
  client(): Promise<Client>;
  /** A signed-in client for a user created with the given role and campus groups. */
  signedIn(role: Role, campusGroupIds?: number[], email?: string): Promise<Client & { me: Me }>;
  createUser(role: Role, campusGroupIds?: number[], email?: string): Promise<number>;
  createCampusGroup(name: string, campus?: string): Promise<number>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;
let userCounter = 0;

/** The real app on its own fresh, migrated database. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ LOG_LEVEL: 'error' }), ...overrides };
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
