import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import { createApp } from './app-factory';
import { type AppConfig, ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { openDatabase, type OpenedDatabase, privilegeWarning } from './database/open-database';
import { withStartupLock } from './database/startup-lock';
import { UsersService } from './users';

/** Set by the primary for one worker: that worker creates the first admin when none exists. */
const FIRST_ADMIN_ENV = 'CRM_WORKER_CREATES_FIRST_ADMIN';
/** How long the primary waits for its workers to finish their requests before it ends them. */
const WORKER_STOP_MS = 15_000;

function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

/**
 * Node closes a kept-alive connection after 5 idle seconds. A client or proxy that reuses it just
 * then has its request cut off (ECONNRESET: a 502 from the proxy for a save, which it does not
 * retry; seen in the e2e run as "socket hang up"). Proxies keep idle upstream connections longer
 * (Caddy and nginx 60 s or more, load balancers 60 s), so the app keeps them open longer than that
 * and the proxy, which closes first, never reuses a closed one. headersTimeout must exceed it.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function keepIdleConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

/** The HTTP app of one process, listening on the configured port (shared by a cluster's workers). */
async function serve(config: AppConfig, databaseUrl: string, createsFirstAdmin: boolean): Promise<INestApplication> {
  const app = await createApp(config, databaseUrl);
  try {
    if (createsFirstAdmin) await withStartupLock(databaseUrl, () => app.get(UsersService).ensureFirstAdmin());
    await app.listen(config.port).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new ConfigError(`PORT ${config.port} is already in use; set PORT to a free port`)
        : error;
    });
    keepIdleConnectionsOpen(app.getHttpServer() as Server);
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

/** A cluster worker: serves on the port the primary shares, on the database the primary prepared. */
async function runWorker(config: AppConfig): Promise<void> {
  const logger = new Logger(`Worker ${cluster.worker?.id}`);
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app?.close().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  // The primary is gone (even by SIGKILL): a worker never goes on serving alone.
  process.on('disconnect', () => void stop(0));
  try {
    app = await serve(config, config.databaseUrl!, process.env[FIRST_ADMIN_ENV] === '1');
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await stop(1);
  }
}

/**
 * The primary of WEB_CONCURRENCY workers: it owns the database (starts the embedded server, runs
 * the migrations), then runs the workers on one port and replaces one that dies. A worker that dies
 * before it ever listened stops the whole start, since its replacement would fail the same way.
 */
function runPrimary(
  config: AppConfig,
  database: OpenedDatabase,
  logger: Logger,
  stopAll: (code: number) => void,
): {
  stop(): Promise<void>;
} {
  let stopping = false;
  let listening = 0;
  const fork = (createsFirstAdmin: boolean): Worker => {
    const worker = cluster.fork({
      // Workers connect as the app's role to the server the primary opened; they run no migrations.
      DATABASE_URL: database.url,
      DATABASE_OWNER_URL: '',
      [FIRST_ADMIN_ENV]: createsFirstAdmin ? '1' : '',
    });
    let served = false;
    worker.on('listening', () => {
      served = true;
      listening += 1;
      if (listening === config.webConcurrency) {
        logger.log(
          `Työelämä CRM is running on http://localhost:${config.port} with ${config.webConcurrency} workers (API docs at /api/docs)`,
        );
      }
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      if (!served) {
        logger.error(`Worker ${worker.id} could not start (exit ${code ?? signal}); stopping`);
        stopAll(1);
        return;
      }
      logger.warn(`Worker ${worker.id} ended (${code ?? signal}); starting a new one`);
      setTimeout(() => !stopping && fork(createsFirstAdmin), 1_000).unref();
    });
    return worker;
  };
  for (let index = 0; index < config.webConcurrency; index += 1) fork(index === 0);
  return {
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), WORKER_STOP_MS);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    exitOnConfigError(error);
  }
  if (cluster.isWorker) return runWorker(config);

  const logger = new Logger('Main');
  const database = await openDatabase(config, (message) => logger.log(message));
  let app: INestApplication | undefined;
  let primary: ReturnType<typeof runPrimary> | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await primary?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(code);
  };
  const shutdown = (signal: string) => {
    logger.log(`${signal} received, shutting down`);
    void stopAll(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  try {
    const applied = await withStartupLock(database.ownerUrl, () => runMigrations(database.ownerUrl, database.appRole));
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);
    const warning = await privilegeWarning(database);
    if (warning) logger.warn(warning);
    if (config.webConcurrency > 1) {
      primary = runPrimary(config, database, logger, (code) => void stopAll(code));
      return;
    }
    app = await serve(config, database.url, true);
    logger.log(`Työelämä CRM is running on http://localhost:${config.port} (API docs at /api/docs)`);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

void main();
