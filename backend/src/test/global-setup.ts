import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import 'reflect-metadata';
import { runMigrations } from '../database/data-source';
import { withDatabase } from '../database/database-url';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { TEMPLATE_DATABASE_ENV, TEST_SERVER_URL_ENV } from './test-database';

declare global {
  var __embeddedTestDatabase: { stop(): Promise<void> } | undefined;
}

/**
 * One PostgreSQL for the whole run (the embedded server, or DATABASE_URL's) and one template
 * database built by the migrations; each test file clones the template into its own database.
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
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(serverUrl, template));
  process.env[TEST_SERVER_URL_ENV] = serverUrl;
  process.env[TEMPLATE_DATABASE_ENV] = template;
}
