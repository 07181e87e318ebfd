import { type ChildProcess, spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { findFreePort } from '../../src/database/embedded-postgres';
import { replayMapping, type Statement } from './bench-write';

/**
 * The floor under the write: the thinnest HTTP server Node can be, `node:http` and pg with nothing
 * between them, running the very statements the API's write ran, with the app's worker count and
 * pool size. What it reaches at 50 connections is what any Node server can reach on this machine for
 * this SQL; the API's figure beside it is the cost of everything the product adds (sessions, routing,
 * validation, rights, the response's shape).
 *
 * Run by the bench as a child process of its own (the primary forks the workers, as the app does);
 * its settings come in FLOOR_* environment variables.
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
  const pool = new Pool({ connectionString: settings.url, max: settings.poolSize, application_name: 'bench-floor' });
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
