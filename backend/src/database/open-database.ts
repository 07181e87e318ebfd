import type { AppConfig } from '../config/config';
import { ensureDatabase, withDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'tyoelama';

export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded server under DATA_DIR/pg. */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres(config.dataDir, log);
  try {
    await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: withDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME), embedded: true, stop: () => server.stop() };
}
