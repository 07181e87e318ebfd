import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app-factory';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { openDatabase, privilegeWarning } from './database/open-database';
import { UsersService } from './users';

async function main(): Promise<void> {
  const logger = new Logger('Main');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await openDatabase(config, (message) => logger.log(message));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    const applied = await runMigrations(database.ownerUrl, database.appRole);
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);
    const warning = await privilegeWarning(database);
    if (warning) logger.warn(warning);
    app = await createApp(config, database.url);
    await app.get(UsersService).ensureFirstAdmin();
    await app.listen(config.port).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new ConfigError(`PORT ${config.port} is already in use; set PORT to a free port`)
        : error;
    });
    logger.log(`Työelämä CRM is running on http://localhost:${config.port} (API docs at /api/docs)`);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
