import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withCredentials } from '../src/database/app-role';
import { dataSourceOptions } from '../src/database/data-source';
import { withDatabase } from '../src/database/database-url';

export const TEST_SERVER_URL_ENV = 'CRM_TEST_SERVER_URL';
export const TEMPLATE_DATABASE_ENV = 'CRM_TEST_TEMPLATE_DATABASE';
export const TEST_APP_ROLE_ENV = 'CRM_TEST_APP_ROLE';
export const TEST_APP_PASSWORD_ENV = 'CRM_TEST_APP_PASSWORD';

function serverUrl(): string {
  const url = process.env[TEST_SERVER_URL_ENV];
  if (!url) throw new Error('Test database server not set up (jest globalSetup did not run)');
  return url;
}

/** One statement on a connection of its own to `url`, for what the app's pool may not or cannot do. */
export async function queryOnce<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A statement on the server's maintenance database: creating and dropping databases. */
export async function serverQuery(url: string, sql: string): Promise<void> {
  await queryOnce(withDatabase(url, 'postgres'), sql);
}

export interface TestDatabase {
  name: string;
  /** Signed in as this run's app role: what the app under test uses. */
  url: string;
  /** Signed in as the owner (the server's superuser): for migrations, seeding, backups and inspecting the server. */
  ownerUrl: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template (grants to the app role included). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  const template = process.env[TEMPLATE_DATABASE_ENV]!;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await serverQuery(serverUrl(), `CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (error) {
      // Two files cloning the template at the same instant can collide; try again shortly.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  const ownerUrl = withDatabase(serverUrl(), name);
  return {
    name,
    url: withCredentials(ownerUrl, process.env[TEST_APP_ROLE_ENV]!, process.env[TEST_APP_PASSWORD_ENV]!),
    ownerUrl,
    drop: () => serverQuery(serverUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A fresh test database, open as its owner while `work` runs and dropped after it. */
export async function withOwnerDataSource<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  const dataSource = new DataSource(dataSourceOptions(database.ownerUrl));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}
