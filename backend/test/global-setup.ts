import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import 'reflect-metadata';
import { ensureAppRole } from '../src/database/app-role';
import { runMigrations } from '../src/database/data-source';
import { withDatabase } from '../src/database/database-url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { TEMPLATE_DATABASE_ENV, TEST_APP_PASSWORD_ENV, TEST_APP_ROLE_ENV, TEST_SERVER_URL_ENV } from './test-database';

declare global {
  var __embeddedTestDatabase: { stop(): Promise<void> } | undefined;
}

/**
 * One PostgreSQL for the whole run (the embedded server, or DATABASE_URL's) and one template
 * database built by the migrations; each test file clones the template into its own database.
 * DATABASE_URL's role (a superuser) owns the schema, as in production the owner does; the app under
 * test signs in as a least-privilege role of its own, created for this run (roles are cluster-wide,
 * so the name carries the process id and a random part; global-teardown drops it).
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const folder = await mkdtemp(join(tmpdir(), 'crm-test-'));
    await chmod(folder, 0o755);
    const server = await startEmbeddedPostgres(folder);
    globalThis.__embeddedTestDatabase = server;
    serverUrl = server.serverUrl;
  }
  const template = `crm_test_template_${process.pid}`;
  const appRole = `crm_test_app_${process.pid}_${randomBytes(4).toString('hex')}`;
  const appPassword = randomBytes(18).toString('base64url');
  await ensureAppRole(withDatabase(serverUrl, 'postgres'), appRole, appPassword);
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(serverUrl, template), appRole);
  process.env[TEST_SERVER_URL_ENV] = serverUrl;
  process.env[TEST_APP_ROLE_ENV] = appRole;
  process.env[TEST_APP_PASSWORD_ENV] = appPassword;
  process.env[TEMPLATE_DATABASE_ENV] = template;
}
