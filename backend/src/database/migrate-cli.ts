import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { runMigrations } from './data-source';
import { openDatabase } from './open-database';

/** `npm run migration:run`: applies pending migrations as the owner (DATABASE_OWNER_URL or the embedded superuser) and grants the app role. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, (message) => console.log(message));
  try {
    const applied = await runMigrations(database.ownerUrl, database.appRole);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
