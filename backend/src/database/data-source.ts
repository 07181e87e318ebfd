import { DataSource, type DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_POOL_SIZE } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, poolSize = DEFAULT_DATABASE_POOL_SIZE): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Schema changes go through reviewed migrations only.
    synchronize: false,
    // Failed statements surface as errors through the exception filter; no second console copy.
    logging: false,
    extra: {
      max: poolSize,
      // Fail fast instead of queueing forever when the database is gone.
      connectionTimeoutMillis: 5000,
      // A frozen server (stalled disk, SIGSTOP) accepts TCP but never answers: without a client-side
      // limit a request would wait forever. Far above any query of this app; answered as 503.
      query_timeout: 10_000,
      application_name: 'tyoelama-crm',
    },
  };
}

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
