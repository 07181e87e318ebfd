import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withCredentials } from '../src/database/app-role';
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

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
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
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
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
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
