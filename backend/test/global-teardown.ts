import { Client, escapeIdentifier } from 'pg';
import { withDatabase } from '../src/database/database-url';
import { TEMPLATE_DATABASE_ENV, TEST_APP_ROLE_ENV, TEST_SERVER_URL_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_SERVER_URL_ENV];
  const template = process.env[TEMPLATE_DATABASE_ENV];
  if (serverUrl && template) {
    const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    const appRole = process.env[TEST_APP_ROLE_ENV];
    // Fails only when a test file left its database behind (the grants there still name the role).
    if (appRole) {
      await admin.query(`DROP ROLE IF EXISTS ${escapeIdentifier(appRole)}`).catch((error: Error) => {
        console.warn(`Could not drop the test role ${appRole}: ${error.message}`);
      });
    }
    await admin.end();
  }
  await globalThis.__embeddedTestDatabase?.stop();
}
