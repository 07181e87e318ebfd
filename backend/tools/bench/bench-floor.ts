import { type ChildProcess, spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { findFreePort } from '../../src/database/embedded-postgres';
import { type Figures, type FloorVariant, replayMapping, type Statement } from './bench-write';

/**
 * The floor under the write: the thinnest HTTP server Node can be, `node:http` and pg with nothing
 * between them, running the very statements the API's write ran, with the app's worker count and
 * pool size. What it reaches at 50 connections is what any Node server can reach on this machine for
 * this SQL; the API's figure beside it is the cost of everything the product adds (sessions, routing,
 * validation, rights, the response's shape).
 *
 * Run by the bench as a child process of its own (the primary forks the workers, as the app does);
 * its settings come as JSON in the FLOOR_SETTINGS environment variable.
 */

export interface FloorServer {
  base: string;
  stop(): Promise<void>;
}

interface FloorSettings {
  url: string;
  port: number;
  workers: number;
  poolSize: number;
  /** A JSON file holding the recorded statements. */
  statementsFile: string;
  /** The employer id the statements were recorded with; each request's body names its own. */
  recordedId: number;
  /**
   * Runs with `session_replication_role = replica`: no trigger and no foreign-key check fires (an
   * experiment on what the schema's own work costs; needs a superuser, as the embedded owner is).
   */
  withoutTriggers?: boolean;
}

export async function startFloorServer(
  settings: Omit<FloorSettings, 'port' | 'statementsFile'> & { statements: Statement[] },
): Promise<FloorServer> {
  const port = await findFreePort();
  const statementsFile = join(tmpdir(), `bench-floor-${process.pid}-${port}.json`);
  await writeFile(statementsFile, JSON.stringify(settings.statements));
  const env: FloorSettings = { ...settings, port, statementsFile };
  const child = spawn(process.execPath, [__filename], {
    env: { ...process.env, FLOOR_SETTINGS: JSON.stringify(env) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('floor ready') && ready());
    child.once('exit', (code) => fail(new Error(`the floor server ended (${code}) before it was ready`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      await stopChild(child);
      await rm(statementsFile, { force: true });
    },
  };
}

/**
 * The write's statement with the employer's activity update turned into one that matches no row
 * (its parameters stay, typed as before): what is left is the entry, the follow-up and the two
 * audit rows, the "raw transaction" the write was first compared with. Null if the text has moved on.
 */
function withoutActivityUpdate(statements: Statement[]): Statement[] | null {
  let found = false;
  const edited = statements.map((statement) => {
    const text = statement.text.replace(
      /(activity AS \(UPDATE employers SET[\s\S]*?WHERE id = \$\d+)\)/,
      (_, update) => {
        found = true;
        return `${update} AND false)`;
      },
    );
    return { ...statement, text };
  });
  return found ? edited : null;
}

/**
 * BENCH_FLOOR_VARIANTS=1: the floor again with less SQL, to show what bounds the write on this
 * machine: without any trigger or foreign-key check, and then also without the employer update.
 * Each variant's server is started, loaded once by `load` and stopped.
 */
export async function floorVariants(
  settings: Omit<FloorSettings, 'port' | 'statementsFile' | 'withoutTriggers'> & { statements: Statement[] },
  load: (base: string) => Promise<Figures>,
): Promise<FloorVariant[]> {
  const minimal = withoutActivityUpdate(settings.statements);
  const variants: { label: string; statements: Statement[] | null }[] = [
    { label: 'floor, no triggers or foreign-key checks', statements: settings.statements },
    { label: 'floor, no triggers, no employer activity update', statements: minimal },
  ];
  const results: FloorVariant[] = [];
  for (const variant of variants) {
    if (!variant.statements) {
      results.push({
        label: variant.label,
        figures: null,
        note: 'the write statement has no activity update to leave out',
      });
      continue;
    }
    const server = await startFloorServer({ ...settings, statements: variant.statements, withoutTriggers: true });
    try {
      const probe = await fetch(server.base, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ employerId: settings.recordedId }),
      });
      if (probe.status !== 201) {
        results.push({ label: variant.label, figures: null, note: (await probe.text()).slice(0, 120) });
        continue;
      }
      results.push({ label: variant.label, figures: await load(server.base) });
    } finally {
      await server.stop();
    }
  }
  return results;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

function servePrimary(settings: FloorSettings): void {
  let listening = 0;
  for (let index = 0; index < settings.workers; index += 1) {
    cluster.fork().on('listening', () => {
      listening += 1;
      if (listening === settings.workers) console.log('floor ready');
    });
  }
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
}

async function serveWorker(settings: FloorSettings): Promise<void> {
  const statements = JSON.parse(await readFile(settings.statementsFile, 'utf8')) as Statement[];
  const pool = new Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    application_name: 'bench-floor',
    ...(settings.withoutTriggers ? { options: '-c session_replication_role=replica' } : {}),
  });
  pool.on('error', () => undefined);
  createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        try {
          const { employerId } = JSON.parse(Buffer.concat(chunks).toString()) as { employerId: number };
          const replay = replayMapping(settings.recordedId, employerId);
          let rows: unknown[] = [];
          for (const statement of statements) {
            rows = (await pool.query(statement.text, replay.values(statement))).rows;
            replay.returned(statement, rows);
          }
          response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0] ?? null));
        } catch (error) {
          response.writeHead(500).end((error as Error).message);
        }
      })();
    });
  }).listen(settings.port, '127.0.0.1');
}

if (process.env.FLOOR_SETTINGS && require.main === module) {
  const settings = JSON.parse(process.env.FLOOR_SETTINGS) as FloorSettings;
  if (cluster.isPrimary) servePrimary(settings);
  else void serveWorker(settings);
}
