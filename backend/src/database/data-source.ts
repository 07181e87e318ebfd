import { DataSource, type DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_POOL_SIZE, DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../config/config';
import { grantAppRole } from './app-role';
import { MIGRATIONS } from './migrations';
import { CLIENT_TIMEOUT_MARGIN_MS, guardedPg, serverTimeoutOptions } from './pool';

export interface PoolSettings {
  poolSize: number;
  /** Server-side limits of every connection; null for the owner's maintenance work (migrations), which has none. */
  timeouts: DatabaseTimeouts | null;
  /** The driver's own limit; derived from the statement timeout unless a test needs it apart. */
  clientTimeoutMs?: number;
}

export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  poolSize: DEFAULT_DATABASE_POOL_SIZE,
  timeouts: DEFAULT_DATABASE_TIMEOUTS,
};

export function dataSourceOptions(url: string, settings: PoolSettings = DEFAULT_POOL_SETTINGS): DataSourceOptions {
  const { timeouts } = settings;
  return {
    type: 'postgres',
    url,
    driver: guardedPg,
    // Services run typed raw SQL (database/typed-query.ts); TypeORM only runs migrations and transactions.
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Schema changes go through reviewed migrations only.
    synchronize: false,
    // Failed statements surface as errors through the exception filter; no second console copy.
    logging: false,
    extra: {
      max: settings.poolSize,
      // Fail fast instead of queueing forever when the database is gone.
      connectionTimeoutMillis: 5000,
      ...(timeouts && {
        options: serverTimeoutOptions(timeouts),
        // A frozen server (stalled disk, SIGSTOP) accepts TCP but never answers: without a client-side
        // limit a request would wait forever. Answered as 503.
        query_timeout: settings.clientTimeoutMs ?? timeouts.statementMs + CLIENT_TIMEOUT_MARGIN_MS,
      }),
      application_name: APP_APPLICATION_NAME,
    },
  };
}

/** How the app's connections name themselves in pg_stat_activity. */
export const APP_APPLICATION_NAME = 'tyoelama-crm';

/**
 * Applies pending migrations as the owner role, then grants the app role its rights on every table
 * (also tables a new migration just created). `appRole` is null when the app runs as the owner itself.
 */
export async function runMigrations(ownerUrl: string, appRole: string | null = null): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 1, timeouts: null }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (appRole) await grantAppRole(dataSource, appRole);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
