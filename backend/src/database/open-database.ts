import { join } from 'node:path';
import { Client } from 'pg';
import { type AppConfig, ConfigError } from '../config/config';
import { EMBEDDED_APP_ROLE, ensureAppRole, roleOf, withCredentials } from './app-role';
import { databaseName, ensureDatabase, withDatabase } from './database-url';
import { readOrCreatePassword, startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'tyoelama';

export interface OpenedDatabase {
  /** The app's own role: no superuser, no ownership, read-and-append only on the audit trail. */
  url: string;
  /** The role that owns the schema: migrations, seeding, backup and restore. */
  ownerUrl: string;
  /** The role `grantAppRole` gives the app's rights to; null when the app runs as the owner (DATABASE_URL alone). */
  appRole: string | null;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL (with DATABASE_OWNER_URL for the owner, when set); otherwise the embedded server
 * under DATA_DIR/pg, where the superuser owns the schema and the app signs in as its own role with
 * a password kept beside the superuser's.
 */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
    const server = (url: string) => {
      const parsed = new URL(url);
      return `${parsed.hostname}:${parsed.port || '5432'}/${databaseName(url)}`;
    };
    if (server(ownerUrl) !== server(config.databaseUrl)) {
      throw new ConfigError('DATABASE_OWNER_URL must point at the same server and database as DATABASE_URL');
    }
    const appRole = roleOf(config.databaseUrl);
    return {
      url: config.databaseUrl,
      ownerUrl,
      appRole: appRole === roleOf(ownerUrl) ? null : appRole,
      embedded: false,
      stop: async () => undefined,
    };
  }
  const server = await startEmbeddedPostgres(config.dataDir, log);
  try {
    await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME);
    const appPassword = await readOrCreatePassword(join(config.dataDir, '.pg-app-password'));
    await ensureAppRole(server.serverUrl, EMBEDDED_APP_ROLE, appPassword);
    const ownerUrl = withDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME);
    return {
      url: withCredentials(ownerUrl, EMBEDDED_APP_ROLE, appPassword),
      ownerUrl,
      appRole: EMBEDDED_APP_ROLE,
      embedded: true,
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * With DATABASE_URL alone the app runs as the role that owns the schema, which can switch off the
 * audit trail's protection (a superuser even with one SET). Said at every start.
 */
export async function privilegeWarning(database: OpenedDatabase): Promise<string | null> {
  if (database.appRole) return null;
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean }>(
      `SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
    );
    return (
      `DATABASE_URL signs in as ${roleOf(database.url)}, ${rows[0]?.superuser ? 'a superuser' : 'the owner of the tables'}: ` +
      "the app could bypass the audit trail's protection. Give the app its own role in DATABASE_URL and the owner " +
      'in DATABASE_OWNER_URL (README, "External PostgreSQL").'
    );
  } finally {
    await client.end();
  }
}
