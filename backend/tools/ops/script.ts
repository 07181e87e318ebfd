import type { AppConfig } from '../../src/config/config';
import { openDatabase, type OpenedDatabase } from '../../src/database/open-database';

/**
 * The database an `npm run …` tool works on: DATABASE_URL's, or the embedded one (started the way
 * the app starts it, or shared with a running app). It is stopped again however `work` ends.
 */
export async function withOpenDatabase<T>(
  config: AppConfig,
  work: (database: OpenedDatabase) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config, (message) => console.log(message));
  try {
    return await work(database);
  } finally {
    await database.stop();
  }
}

const messageOf = (error: unknown): unknown => (error instanceof Error ? error.message : String(error));

/**
 * Runs `main` when `module` is the file node was started with (not when a test imports it). A
 * failure prints what `describe` makes of it (by default the message alone, for an operator) and
 * exits with 1.
 */
export function runScript(module: NodeModule, main: () => Promise<void>, describe = messageOf): void {
  if (require.main !== module) return;
  main().catch((error: unknown) => {
    console.error(describe(error));
    process.exit(1);
  });
}
