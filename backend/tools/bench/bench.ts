import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplication } from '@nestjs/common';
import type { ImportPreviewDto, ImportRowsPageDto, ImportStatusDto } from '@tyoelama/shared';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { createApp } from '../../src/app-factory';
import { hashPassword } from '../../src/passwords/password';
import { type AppConfig, DEFAULT_DATABASE_POOL_SIZE, loadConfig } from '../../src/config/config';
import { findFreePort } from '../../src/database/embedded-postgres';
import { openDatabase } from '../../src/database/open-database';
import { SHARED_CHANGES_POLL_MS } from '../../src/cache/shared-changes';
import { BUILT_APP_MAIN } from '../ops/app-process';
import { floorVariants, startFloorServer } from './bench-floor';
import { homeScenarios } from './bench-home';
import { IMPORT_ROWS, importFile } from './bench-import';
import { benchSizes } from './bench-sizes';
import { type FloorVariant, type Replay, replayMapping, type Statement, writeLines } from './bench-write';
import {
  BENCH_ACCOUNT_MANAGER_EMAIL,
  BENCH_CAMPUS_MEMBER_EMAIL,
  BENCH_WRITER_EMAIL,
  SCALE_PASSWORD,
} from './scale-vocabulary';

/**
 * `npm run bench`: starts the built product on the scale database, loads it over HTTP with
 * autocannon at 1, 10 and 50 connections, replays the very SQL each read ran directly with pg at
 * the same concurrency (API time / raw SQL time = the cost of our own layers), measures a
 * 50 000-row CSV export's time and server memory, times a 10 000-row CSV import (preview, then
 * commit), and writes bench/results/bench-<time>.md.
 */

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const RAW_DURATION = Number(process.env.BENCH_RAW_DURATION ?? Math.min(DURATION, 5));
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map(Number);
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);
/** The app's pool size (DATABASE_POOL_SIZE), for the report. */
const APP_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? DEFAULT_DATABASE_POOL_SIZE);
/** Raw SQL runs at the HTTP concurrency, one connection per loop. */
const RAW_POOL_SIZE = Math.max(...LEVELS);
const RESULTS_DIR = resolve(process.env.BENCH_RESULTS_DIR ?? 'bench/results');

// ---------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function figures(latencies: number[], seconds: number, non2xx: number, errors: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    non2xx,
    errors,
  };
}

interface HttpLoad {
  method: 'GET' | 'POST';
  /** Called for every request, so paths and bodies can vary. */
  next: () => { path: string; body?: string };
  headers: Record<string, string>;
}

async function runHttp(base: string, load: HttpLoad, connections: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  const first = load.next();
  return new Promise((resolvePromise, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 30,
        headers: { ...load.headers, ...(load.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        requests: [
          {
            method: load.method,
            path: first.path,
            setupRequest: (request) => {
              const { path, body } = load.next();
              return { ...request, path, ...(body === undefined ? {} : { body }) };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolvePromise(figures(latencies, result.duration || seconds, result.non2xx, result.errors + result.timeouts));
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
}

/** The statements a request ran, replayed on one connection per loop, as the service runs them. */
async function runRaw(
  pool: Pool,
  statements: Statement[],
  /** A fresh parameter mapping per replayed request (one employer id, the ids its inserts return). */
  substitution: () => Replay,
  connections: number,
  seconds: number,
): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const at = performance.now();
        const client = await pool.connect();
        const substitute = substitution();
        try {
          for (const statement of statements) {
            const result = await client.query(statement.text, substitute.values(statement));
            substitute.returned(statement, result.rows);
          }
          latencies.push(performance.now() - at);
        } catch (error) {
          if (errors === 0) console.warn(`  raw SQL failed: ${(error as Error).message}`);
          errors += 1;
          await client.query('ROLLBACK').catch(() => undefined);
        } finally {
          client.release();
        }
      }
    }),
  );
  return figures(latencies, (performance.now() - started) / 1000, 0, errors);
}

// ---------------------------------------------------------------------------------------------
// Capturing the SQL a request runs

let recording: Statement[] | null = null;

/** Records every statement pg sends while armed; TypeORM and the bench share the one pg module. */
function installRecorder(): void {
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: Client, ...args: unknown[]) {
    if (recording) {
      const [config, values] = args;
      const text = typeof config === 'string' ? config : (config as { text: string }).text;
      const params = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
      const statement: Statement = { text, values: [...params] };
      recording.push(statement);
      const result = original.apply(this, args);
      if (result instanceof Promise) {
        result.then(
          (answer: { rows?: unknown[] }) => (statement.returned = answer.rows),
          () => undefined,
        );
      }
      return result;
    }
    return original.apply(this, args);
  };
}

/** Session lookups and touches are the auth layer's, not the feature service's SQL. */
const isServiceSql = (statement: Statement) => !/\bsessions\b/.test(statement.text);

// ---------------------------------------------------------------------------------------------
// HTTP helpers

class Session {
  private readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  get headers(): Record<string, string> {
    return {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      'x-xsrf-token': this.cookies.get('XSRF-TOKEN') ?? '',
    };
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  async json<T>(path: string): Promise<T> {
    const response = await this.request('GET', path);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  static async signIn(base: string, email: string, password: string): Promise<Session> {
    const session = new Session(base);
    await session.request('GET', '/api/health');
    const response = await session.request('POST', '/api/auth/login', { email, password });
    if (!response.ok) throw new Error(`Sign-in of ${email} failed: ${response.status} ${await response.text()}`);
    return session;
  }
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let waited = 0; waited < 180; waited += 1) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(1000);
  }
  throw new Error('The server did not become healthy in 3 minutes');
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

// ---------------------------------------------------------------------------------------------
// The data the scenarios use

interface BenchFacts {
  managerId: number;
  campusGroupId: number;
  campusEmployerIds: number[];
  writeEmployerIds: number[];
  writerId: number;
  nameQuery: string;
  typoQuery: string;
  businessId: string;
  openFollowUps: number;
  employers: number;
  contactEntries: number;
  auditEvents: number;
  busiestTimeline: number;
}

/** The two bench users with the known password: created if missing, password reset if present. */
async function ensureBenchUsers(pool: Pool): Promise<void> {
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const users = [
    { email: BENCH_ACCOUNT_MANAGER_EMAIL, name: 'Bench Asiakaspäällikkö', role: 'account_manager' },
    { email: BENCH_CAMPUS_MEMBER_EMAIL, name: 'Bench Campus-jäsen', role: 'campus_member' },
    { email: BENCH_WRITER_EMAIL, name: 'Bench Jatkotoimet', role: 'account_manager' },
  ];
  for (const user of users) {
    await pool.query(
      `INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lower(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
      [user.email, user.name, user.role, passwordHash],
    );
  }
  // The campus member belongs to exactly one group: the one with the most employers when it has none.
  await pool.query(
    `INSERT INTO user_campus_groups (user_id, campus_group_id)
     SELECT u.id, (SELECT campus_group_id FROM employer_campus_groups GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
       FROM users u WHERE lower(u.email) = $1
        AND NOT EXISTS (SELECT 1 FROM user_campus_groups m WHERE m.user_id = u.id)`,
    [BENCH_CAMPUS_MEMBER_EMAIL],
  );
}

/** One typo: the third and fourth letters swapped ("Tampreen" for "Tampereen"). */
function misspell(word: string): string {
  return word.length < 5 ? `${word}x` : `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
}

async function gatherFacts(pool: Pool): Promise<BenchFacts> {
  const one = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T;
  const { manager_id: managerId, open } = await one<{ manager_id: number; open: number }>(
    `SELECT u.id AS manager_id, (SELECT count(*)::int FROM follow_ups f WHERE f.assignee_id = u.id AND f.status = 'open') AS open
       FROM users u WHERE lower(u.email) = $1`,
    [BENCH_ACCOUNT_MANAGER_EMAIL],
  );
  const { campus_group_id: campusGroupId } = await one<{ campus_group_id: number }>(
    `SELECT m.campus_group_id FROM user_campus_groups m JOIN users u ON u.id = m.user_id WHERE lower(u.email) = $1 LIMIT 1`,
    [BENCH_CAMPUS_MEMBER_EMAIL],
  );
  // Fixed picks (no random()) so runs before and after a change load the same rows.
  const campus = await pool.query(
    `SELECT g.employer_id FROM employer_campus_groups g JOIN employers e ON e.id = g.employer_id
      WHERE g.campus_group_id = $1 AND e.archived_at IS NULL ORDER BY hashint4(g.employer_id) LIMIT 300`,
    [campusGroupId],
  );
  const write = await pool.query(
    // Above every user and campus group id: the raw replay of the write maps the employer id by value.
    `SELECT id FROM employers WHERE archived_at IS NULL
        AND id > (SELECT greatest((SELECT max(id) FROM users), (SELECT max(id) FROM campus_groups)))
      ORDER BY hashint4(id + 1) LIMIT 500`,
  );
  const sample = await one<{ name: string; business_id: string }>(
    `SELECT name, (SELECT business_id FROM employers WHERE business_id IS NOT NULL ORDER BY hashint4(id) LIMIT 1) AS business_id
       FROM employers WHERE archived_at IS NULL AND name ~ '^\\S+ \\S+ ' ORDER BY hashint4(id + 2) LIMIT 1`,
  );
  const [first, second] = sample.name.split(' ') as [string, string];
  const { id: writerId } = await one<{ id: number }>(`SELECT id FROM users WHERE lower(email) = $1`, [
    BENCH_WRITER_EMAIL,
  ]);
  const sizes = await one<{ employers: number; entries: number; audits: number; busiest: number }>(
    `SELECT (SELECT count(*)::int FROM employers) AS employers, (SELECT count(*)::int FROM contact_entries) AS entries,
            (SELECT count(*)::int FROM audit_events) AS audits,
            (SELECT max(n)::int FROM (SELECT count(*) AS n FROM contact_entries
                                        WHERE employer_id = ANY($1::int[]) GROUP BY employer_id) x) AS busiest`,
    [campus.rows.map((row) => row.employer_id)],
  );
  return {
    managerId,
    campusGroupId,
    campusEmployerIds: campus.rows.map((row) => row.employer_id),
    writeEmployerIds: write.rows.map((row) => row.id),
    writerId,
    nameQuery: `${first} ${second}`,
    typoQuery: `${misspell(first)} ${second}`,
    businessId: sample.business_id,
    openFollowUps: open,
    employers: sizes.employers,
    contactEntries: sizes.entries,
    auditEvents: sizes.audits,
    busiestTimeline: sizes.busiest,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

type Who = 'manager' | 'campus';

interface Scenario {
  key: string;
  label: string;
  who: Who;
  method: 'GET' | 'POST';
  /** p99 target at 50 connections, ms. */
  target: number;
  /** A read (the first request after a change is timed for remembered ones); every scenario's SQL is replayed raw. */
  read: boolean;
  /** Served from remembered results: also time the first request after a change, which recomputes. */
  remembered?: boolean;
  path: string;
  /** Ids to spread the load over; `{id}` in the path is replaced. */
  ids?: number[];
  body?: (id: number, n: number) => string;
}

function helsinkiDate(offsetDays: number): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
}

function scenarios(facts: BenchFacts, deepCursor: string): Scenario[] {
  const q = encodeURIComponent;
  const list = (label: string, key: string, path: string, remembered = false): Scenario => ({
    key,
    label,
    who: 'manager',
    method: 'GET',
    target: 100,
    read: true,
    remembered,
    path,
  });
  return [
    list('Employer list, first page', 'list-first', '/api/employers', true),
    list('Employer list, keyset page 21', 'list-deep', `/api/employers?cursor=${q(deepCursor)}`),
    list(
      'Employer list, status + campus group',
      'list-filtered',
      `/api/employers?status=partner&campusGroupId=${facts.campusGroupId}`,
    ),
    list('Employer list, sort=-lastContact', 'list-last-contact', '/api/employers?sort=-lastContact'),
    list(`Search name "${facts.nameQuery}"`, 'search-name', `/api/employers?q=${q(facts.nameQuery)}`),
    list(`Search misspelled "${facts.typoQuery}"`, 'search-typo', `/api/employers?q=${q(facts.typoQuery)}`),
    list(`Search Y-tunnus ${facts.businessId}`, 'search-business-id', `/api/employers?q=${q(facts.businessId)}`),
    {
      key: 'employer-page',
      label: 'Employer page (campus member)',
      who: 'campus',
      method: 'GET',
      target: 100,
      read: true,
      path: '/api/employers/{id}',
      ids: facts.campusEmployerIds,
    },
    {
      key: 'timeline',
      label: 'Employer timeline (campus member)',
      who: 'campus',
      method: 'GET',
      target: 100,
      read: true,
      path: '/api/employers/{id}/timeline',
      ids: facts.campusEmployerIds,
    },
    {
      key: 'my-work',
      label: `My work (${facts.openFollowUps} open follow-ups)`,
      who: 'manager',
      method: 'GET',
      target: 100,
      read: true,
      path: '/api/follow-ups?assignee=me&status=open',
    },
    {
      key: 'pipeline-summary',
      label: 'Pipeline summary',
      who: 'manager',
      method: 'GET',
      target: 150,
      read: true,
      remembered: true,
      path: '/api/pipeline/summary',
    },
    {
      key: 'pipeline-summary-campus',
      label: 'Pipeline summary (campus member)',
      who: 'campus',
      method: 'GET',
      target: 150,
      read: true,
      remembered: true,
      path: '/api/pipeline/summary',
    },
    {
      key: 'dashboard-activity',
      label: 'Dashboard activity (12 months, by month)',
      who: 'manager',
      method: 'GET',
      target: 150,
      read: true,
      remembered: true,
      path: `/api/dashboard/activity?from=${helsinkiDate(-365)}&to=${helsinkiDate(0)}&granularity=month`,
    },
    {
      key: 'create-entry',
      label: 'Create contact entry + follow-up',
      who: 'manager',
      method: 'POST',
      target: 100,
      read: false,
      path: '/api/contact-entries',
      ids: facts.writeEmployerIds,
      body: (id, n) =>
        JSON.stringify({
          employerId: id,
          type: 'phone',
          occurredAt: new Date().toISOString(),
          summary: `Bench-soitto ${n}: koulutussopimuspaikat`,
          topics: ['training_agreement'],
          followUp: { title: `Bench-jatkotoimi ${n}`, dueDate: helsinkiDate(14), assigneeId: facts.writerId },
        }),
    },
  ];
}

const AFTER_CHANGE_SAMPLES = 10;

/**
 * The first request after a change recomputes what a remembered read serves: time it. Each sample
 * logs a contact entry (a real change), waits until every worker has seen it, and then reads once,
 * on one connection. Without the wait the read, on another worker than the write (each keep-alive
 * connection stays with one), came before that worker's next look at the shared counters and was
 * served what it remembered: 1–2 ms, not the recomputation.
 */
async function measureAfterChange(
  session: Session,
  /** Logs the changes: the account manager, who may write to the bench's employers. */
  writer: Session,
  scenario: Scenario,
  facts: BenchFacts,
): Promise<Figures> {
  const latencies: number[] = [];
  let non2xx = 0;
  for (let sample = 0; sample < AFTER_CHANGE_SAMPLES; sample += 1) {
    const write = await writer.request('POST', '/api/contact-entries', {
      employerId: facts.writeEmployerIds[sample % facts.writeEmployerIds.length],
      type: 'email',
      occurredAt: new Date().toISOString(),
      summary: `Bench-muutos ${sample}`,
      topics: [],
    });
    await write.arrayBuffer();
    if (!write.ok) throw new Error(`The change before a cold read failed: ${write.status}`);
    await sleep(2 * SHARED_CHANGES_POLL_MS);
    const started = performance.now();
    const response = await session.request('GET', scenario.path.replace('{id}', String(scenario.ids?.[0] ?? 0)));
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (!response.ok) non2xx += 1;
  }
  return figures(latencies, latencies.reduce((sum, value) => sum + value, 0) / 1000, non2xx, 0);
}

/** A route that answers 404 with the framework's plain "Not found" does not exist (yet). */
async function available(session: Session, scenario: Scenario): Promise<boolean> {
  if (scenario.method !== 'GET') return true;
  const response = await session.request('GET', scenario.path.replace('{id}', String(scenario.ids?.[0] ?? 0)));
  if (response.status !== 404) {
    await response.arrayBuffer();
    return true;
  }
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return body.message !== 'Not found';
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  scenario: Scenario;
  connections: number;
  api: Figures;
  raw: Figures | null;
  floor: Figures | null;
}

interface AfterChangeRow {
  scenario: Scenario;
  figures: Figures;
}

function afterChangeLines(rows: AfterChangeRow[]): string[] {
  if (rows.length === 0) return ['- not measured (BENCH_ONLY)'];
  return [
    '| Scenario | Samples | p50 ms | max ms |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      ({ scenario, figures }) =>
        `| ${scenario.label} | ${figures.requests} | ${ms(figures.p50)} | ${ms(figures.p99)} |`,
    ),
  ];
}

interface ExportFigures {
  available: boolean;
  status?: number;
  rows?: number;
  bytes?: number;
  firstByteMs?: number;
  totalMs?: number;
  baselineMb?: number;
  peakMb?: number;
  growthMb?: number;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const mark = (ok: boolean) => (ok ? '✅' : '❌');

function rowLines(rows: Row[]): string[] {
  const lines = [
    '| Scenario | Conns | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | p99 target | raw p50 | raw p99 | API/raw p50 | API/raw p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const { scenario, connections, api, raw } of rows) {
    const targetCell =
      connections === 50
        ? `< ${scenario.target} ${mark(api.p99 < scenario.target && api.errors === 0 && api.non2xx === 0)}`
        : '';
    const ratio50 = raw ? api.p50 / raw.p50 : Number.NaN;
    const ratio99 = raw ? api.p99 / raw.p99 : Number.NaN;
    const ratioCell = (ratio: number) => (raw ? `${ratio.toFixed(2)} ${mark(ratio <= 1.5)}` : 'n/a');
    lines.push(
      `| ${scenario.label} | ${connections} | ${api.rps.toFixed(0)} | ${ms(api.p50)} | ${ms(api.p95)} | ${ms(api.p99)} | ` +
        `${api.non2xx} | ${api.errors} | ${targetCell} | ${raw ? ms(raw.p50) : 'n/a'} | ${raw ? ms(raw.p99) : 'n/a'} | ` +
        `${ratioCell(ratio50)} | ${ratioCell(ratio99)} |`,
    );
  }
  return lines;
}

async function machineLines(pool: Pool, facts: BenchFacts, loadBefore: number[]): Promise<string[]> {
  const { rows } = await pool.query(`SELECT version() AS version, current_setting('shared_buffers') AS buffers`);
  const cpu = cpus();
  return [
    `- Machine: ${cpu.length} CPUs (${cpu[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `- Node ${process.version}; ${String(rows[0].version).split(',')[0]} (shared_buffers ${rows[0].buffers})`,
    `- Load average at start: ${loadBefore.map((value) => value.toFixed(2)).join(' / ')}; at end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')} — the machine is shared with other engineers' test runs, so figures are noisy.`,
    `- Data: ${facts.employers.toLocaleString('en')} employers, ${facts.contactEntries.toLocaleString('en')} contact entries, ` +
      `${facts.auditEvents.toLocaleString('en')} audit events; campus member's group ${facts.campusGroupId} ` +
      `(${facts.campusEmployerIds.length} sampled employers, the busiest with ${facts.busiestTimeline} contact entries)`,
    `- Load: autocannon in the bench process, ${DURATION} s per level (HTTP), ${RAW_DURATION} s raw SQL; ` +
      `raw SQL with one pg connection per concurrent loop (the app itself has a pool of ${APP_POOL_SIZE}, ` +
      'so at 50 connections its requests also queue for a database connection).',
  ];
}

function exportLines(result: ExportFigures): string[] {
  if (!result.available) return ['- `GET /api/exports/employers.csv`: not available (404 route not found)'];
  if (result.status !== 200) return [`- \`GET /api/exports/employers.csv\`: answered ${result.status}`];
  return [
    `| Rows | Bytes | First byte | All rows | Server RSS before | Peak | Growth | Target |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
    `| ${result.rows} | ${result.bytes} | ${ms(result.firstByteMs!)} ms | ${ms(result.totalMs!)} ms | ` +
      `${result.baselineMb!.toFixed(0)} MB | ${result.peakMb!.toFixed(0)} MB | ${result.growthMb!.toFixed(1)} MB | ` +
      `< 100 MB ${mark(result.growthMb! < 100)} |`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Main

async function measureExport(session: Session, pid: number): Promise<ExportFigures> {
  const path = '/api/exports/employers.csv';
  const baseline = await rssKb(pid);
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssKb(pid));
      await sleep(25);
    }
  })();
  const started = performance.now();
  const response = await fetch(`${session.base}${path}`, { headers: session.headers });
  if (response.status === 404) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    sampling = false;
    await sampler;
    return body.message === 'Not found' ? { available: false } : { available: true, status: 404 };
  }
  let firstByteMs = 0;
  let bytes = 0;
  let newlines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += value.length;
    for (const byte of value) if (byte === 10) newlines += 1;
  }
  const totalMs = performance.now() - started;
  sampling = false;
  await sampler;
  return {
    available: true,
    status: response.status,
    rows: Math.max(0, newlines - 1),
    bytes,
    firstByteMs,
    totalMs,
    baselineMb: baseline / 1024,
    peakMb: peak / 1024,
    growthMb: (peak - baseline) / 1024,
  };
}

interface ImportFigures {
  rows: number;
  bytes: number;
  existingRows: number;
  previewStatus: number;
  previewMs: number;
  duplicateRows: number;
  commitStatus: number;
  commitMs: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  contactsCreated: number;
}

/** Target for preview + commit of the 10 000-row file, ms. */
const IMPORT_TARGET_MS = 30_000;

/**
 * Uploads the bench's import file (bench-import.ts) as the account manager, then commits it with the
 * rows matching an employer by Y-tunnus set to update it (the rest: the defaults). The employers it
 * created are deleted afterwards, so the scale data and the next run stay the same; their audit rows
 * stay (the trail is append-only).
 */
async function measureImport(session: Session, pool: Pool, campusGroupId: number): Promise<ImportFigures> {
  const file = await importFile(pool);
  const form = new FormData();
  form.append('ownerCampusGroupId', String(campusGroupId));
  form.append('file', new Blob([file.content], { type: 'text/csv' }), 'tyonantajat.csv');
  const previewStarted = performance.now();
  const previewResponse = await fetch(`${session.base}/api/imports`, {
    method: 'POST',
    headers: session.headers,
    body: form,
  });
  const preview = (await previewResponse.json()) as ImportPreviewDto;
  const previewMs = performance.now() - previewStarted;
  if (!previewResponse.ok) throw new Error(`Import preview: ${previewResponse.status} ${JSON.stringify(preview)}`);

  const decisions: Record<string, 'update'> = {};
  for (let offset = 0; offset < preview.totalRows; offset += 1000) {
    const page = await session.json<ImportRowsPageDto>(`/api/imports/${preview.id}/rows?offset=${offset}&limit=1000`);
    for (const row of page.rows) if (row.duplicate?.reason === 'business_id') decisions[row.rowNumber] = 'update';
  }
  const commitStarted = performance.now();
  const commitResponse = await session.request('POST', `/api/imports/${preview.id}/commit`, { decisions });
  const status = (await commitResponse.json()) as ImportStatusDto;
  const commitMs = performance.now() - commitStarted;
  if (!commitResponse.ok || !status.report)
    throw new Error(`Import commit: ${commitResponse.status} ${JSON.stringify(status)}`);

  const created = status.report.rows.filter((row) => row.outcome === 'created').map((row) => row.employerId);
  await pool.query(`DELETE FROM contact_persons WHERE employer_id = ANY($1::int[])`, [created]);
  await pool.query(`DELETE FROM employers WHERE id = ANY($1::int[])`, [created]);
  return {
    rows: preview.totalRows,
    bytes: file.content.length,
    existingRows: file.existing,
    previewStatus: previewResponse.status,
    previewMs,
    duplicateRows: preview.duplicateRows,
    commitStatus: commitResponse.status,
    commitMs,
    created: status.report.created,
    updated: status.report.updated,
    skipped: status.report.skipped,
    failed: status.report.failed,
    contactsCreated: status.report.contactsCreated,
  };
}

function importLines(result: ImportFigures): string[] {
  const total = result.previewMs + result.commitMs;
  return [
    '| Rows | Bytes | Duplicates found | Preview | Commit | Total | Created / updated / skipped / failed | Contacts | Target |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    `| ${result.rows} | ${result.bytes} | ${result.duplicateRows} of ${result.existingRows} | ${ms(result.previewMs)} ms | ` +
      `${ms(result.commitMs)} ms | ${ms(total)} ms | ${result.created} / ${result.updated} / ${result.skipped} / ${result.failed} | ` +
      `${result.contactsCreated} | < ${IMPORT_TARGET_MS / 1000} s ${mark(total < IMPORT_TARGET_MS)} |`,
  ];
}

/** Follows nextCursor twenty pages deep, so the deep-page scenario starts at row ~1 000. */
async function deepCursor(session: Session): Promise<string> {
  let cursor: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const result: { nextCursor: string | null } = await session.json(
      `/api/employers${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  if (!cursor) throw new Error('The employer list has fewer than two pages: run `npm run seed:scale` first');
  return cursor;
}

/** Runs one request against the in-process copy of the app and returns the feature SQL it ran. */
/**
 * The statements a request runs in steady state: the second of two identical requests, as under
 * load. When the second runs none (a remembered report), the first one's: the recompute.
 */
async function captureSql(session: Session, scenario: Scenario): Promise<Statement[]> {
  const record = async () => {
    recording = [];
    try {
      const id = scenario.ids?.[0] ?? 0;
      const response = await session.request(
        scenario.method,
        scenario.path.replace('{id}', String(id)),
        scenario.body && JSON.parse(scenario.body(id, 0)),
      );
      await response.arrayBuffer();
      return recording.filter(isServiceSql);
    } finally {
      recording = null;
    }
  };
  const first = await record();
  // A remembered result past its lifetime is refreshed in the background by the first request:
  // let that finish, so its statements are not counted as the second request's.
  await sleep(1500);
  const second = await record();
  return second.some((statement) => !/^(BEGIN|COMMIT|START TRANSACTION)/i.test(statement.text)) ? second : first;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await findFreePort();
  // BENCH_CPU_PROFILE=dir: the server writes a V8 CPU profile there on exit (bench-profile.ts reads it).
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, BUILT_APP_MAIN], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(base, child);
  return { child, base };
}

async function startCaptureApp(config: AppConfig, url: string): Promise<{ app: INestApplication; base: string }> {
  const app = await createApp({ ...config, logLevel: 'error' }, url);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, base: `http://127.0.0.1:${address.port}` };
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.BENCH_DATA_DIR ?? './data-scale');
  const loadBefore = loadavg();
  console.log(`Starting the product on ${process.env.DATABASE_URL ? 'DATABASE_URL' : dataDir} …`);
  const { child, base } = await startServer(dataDir);
  // The server owns the embedded PostgreSQL; the bench shares it (or uses the same DATABASE_URL).
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const database = await openDatabase(config, () => undefined);
  const pool = new Pool({ connectionString: database.url, max: RAW_POOL_SIZE, application_name: 'tyoelama-bench' });
  // The server stops the embedded PostgreSQL when it ends; a pooled connection that is still closing
  // then gets "terminating connection", which without a listener ends the bench after its report.
  pool.on('error', (error) => console.warn(`bench pool: ${error.message}`));
  let capture: INestApplication | undefined;
  try {
    await ensureBenchUsers(pool);
    const facts = await gatherFacts(pool);
    const sessions: Record<Who, Session> = {
      manager: await Session.signIn(base, BENCH_ACCOUNT_MANAGER_EMAIL, SCALE_PASSWORD),
      campus: await Session.signIn(base, BENCH_CAMPUS_MEMBER_EMAIL, SCALE_PASSWORD),
    };
    installRecorder();
    const captureApp = await startCaptureApp(config, database.url);
    capture = captureApp.app;
    const captureSessions: Record<Who, Session> = {
      manager: await Session.signIn(captureApp.base, BENCH_ACCOUNT_MANAGER_EMAIL, SCALE_PASSWORD),
      campus: await Session.signIn(captureApp.base, BENCH_CAMPUS_MEMBER_EMAIL, SCALE_PASSWORD),
    };
    const cursor = await deepCursor(sessions.manager);

    const rows: Row[] = [];
    const afterChange: AfterChangeRow[] = [];
    const skipped: string[] = [];
    const sqlNotes: string[] = [];
    let writeStatements: Statement[] = [];
    let variants: FloorVariant[] = [];
    const home = ONLY && !ONLY.includes('home') ? [] : await homeScenarios(pool, facts);
    const all: Scenario[] = [...scenarios(facts, cursor), ...home];
    for (const scenario of all) {
      if (ONLY && !ONLY.includes(scenario.key)) continue;
      const session = sessions[scenario.who];
      if (!(await available(session, scenario))) {
        console.log(`${scenario.label}: not available (404 route not found), skipped`);
        skipped.push(
          `${scenario.label} (\`${scenario.method} ${scenario.path.split('?')[0]}\`): not available (404 route not found)`,
        );
        continue;
      }
      const statements = await captureSql(captureSessions[scenario.who], scenario);
      sqlNotes.push(`${scenario.key}: ${statements.length} statements`);
      if (!scenario.read) writeStatements = statements;
      if (process.env.BENCH_SHOW_SQL) console.log(JSON.stringify(statements, null, 1));
      const recordedId = scenario.ids?.[0];
      let counter = 0;
      const pick = () => scenario.ids![Math.floor(Math.random() * scenario.ids!.length)];
      const load: HttpLoad = {
        method: scenario.method,
        headers: session.headers,
        next: () => {
          const id = scenario.ids ? pick() : 0;
          counter += 1;
          return { path: scenario.path.replace('{id}', String(id)), body: scenario.body?.(id, counter) };
        },
      };
      const floor =
        scenario.read || recordedId === undefined
          ? null
          : await startFloorServer({
              url: database.url,
              workers: config.webConcurrency,
              poolSize: APP_POOL_SIZE,
              statements,
              recordedId,
            });
      try {
        for (const connections of LEVELS) {
          const loadFromUs = process.hrtime.bigint() / 1000n;
          const api = await runHttp(base, load, connections, DURATION);
          // The span to give bench-profile.js, so the server's start-up is left out of its profile.
          if (process.env.BENCH_CPU_PROFILE) {
            console.log(`  profile window: ${api.requests} ${loadFromUs} ${process.hrtime.bigint() / 1000n}`);
          }
          const raw = await runRaw(
            pool,
            statements,
            () => replayMapping(recordedId, recordedId === undefined ? undefined : pick()),
            connections,
            RAW_DURATION,
          );
          const floorFigures = floor ? await runHttp(floor.base, load, connections, DURATION) : null;
          rows.push({ scenario, connections, api, raw, floor: floorFigures });
          console.log(
            `${scenario.label.padEnd(52)} c=${String(connections).padStart(2)}  ${api.rps.toFixed(0).padStart(5)} req/s  ` +
              `p50 ${ms(api.p50)}  p95 ${ms(api.p95)}  p99 ${ms(api.p99)} ms  non-2xx ${api.non2xx}  errors ${api.errors}` +
              (raw
                ? `  | raw p50 ${ms(raw.p50)} p99 ${ms(raw.p99)} → ×${(api.p50 / raw.p50).toFixed(2)} / ×${(api.p99 / raw.p99).toFixed(2)}`
                : '') +
              (floorFigures
                ? `  | floor ${floorFigures.rps.toFixed(0)} req/s p50 ${ms(floorFigures.p50)} p99 ${ms(floorFigures.p99)}`
                : ''),
          );
        }
        if (floor && recordedId !== undefined && process.env.BENCH_FLOOR_VARIANTS) {
          variants = await floorVariants(
            { url: database.ownerUrl, workers: config.webConcurrency, poolSize: APP_POOL_SIZE, statements, recordedId },
            (floorBase) => runHttp(floorBase, load, 50, DURATION),
          );
          for (const variant of variants)
            console.log(`  ${variant.label}: ${JSON.stringify(variant.figures ?? variant.note)}`);
        }
      } finally {
        await floor?.stop();
      }
      if (scenario.remembered) {
        const cold = await measureAfterChange(session, sessions.manager, scenario, facts);
        afterChange.push({ scenario, figures: cold });
        console.log(
          `${scenario.label.padEnd(52)} first request after a change: p50 ${ms(cold.p50)}  max ${ms(cold.p99)} ms`,
        );
      }
    }

    const exportFigures = ONLY && !ONLY.includes('export') ? null : await measureExport(sessions.manager, child.pid!);
    if (exportFigures) console.log('CSV export:', JSON.stringify(exportFigures));
    // Last: the import writes, and its updates would otherwise show in the other scenarios.
    const importFigures =
      ONLY && !ONLY.includes('import') ? null : await measureImport(sessions.manager, pool, facts.campusGroupId);
    if (importFigures) console.log('CSV import:', JSON.stringify(importFigures));

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const report = [
      `# Bench ${new Date().toISOString()}`,
      '',
      ...(await machineLines(pool, facts, loadBefore)),
      '',
      '## HTTP load and raw SQL',
      '',
      'Targets: list, search, employer page, My work and Home p99 < 100 ms at 50 connections; pipeline summary and dashboard',
      'p99 < 150 ms; the write p99 < 100 ms; API/raw ≤ 1.5 for reads. Raw SQL = the statements the request ran',
      '(recorded from an in-process copy of the app, session lookups left out), replayed with pg at the same concurrency.',
      '',
      ...rowLines(rows),
      '',
      ...skipped.map((line) => `- ${line}`),
      ...(skipped.length ? [''] : []),
      '## First request after a change',
      '',
      'List totals, reports and Home (all but its recently viewed employers) are remembered until the next committed',
      'change (or for a minute). These requests',
      `follow a real change (a contact entry logged just before each of ${AFTER_CHANGE_SAMPLES} samples, one connection), so`,
      'they recompute: the cost a viewer pays once after each change.',
      '',
      ...afterChangeLines(afterChange),
      '',
      '## The write beside raw SQL',
      '',
      ...writeLines(
        'Create contact entry + follow-up',
        rows.filter((row) => !row.scenario.read),
        writeStatements,
        variants,
      ),
      '',
      '## CSV export (`GET /api/exports/employers.csv`, all rows, as the account manager)',
      '',
      ...(exportFigures ? exportLines(exportFigures) : ['- not measured (BENCH_ONLY)']),
      '',
      `## CSV import (${IMPORT_ROWS.toLocaleString('en')} rows, Windows-1252, \`;\`: preview, then commit, as the account manager)`,
      '',
      ...(importFigures ? importLines(importFigures) : ['- not measured (BENCH_ONLY)']),
      '',
      `Statements per request: ${sqlNotes.join('; ')}.`,
      '',
    ].join('\n');
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `bench-${stamp}.md`);
    await writeFile(file, report);
    await writeFile(
      join(RESULTS_DIR, `bench-${stamp}.json`),
      JSON.stringify({ facts, rows, afterChange, exportFigures, importFigures }, null, 2),
    );
    console.log(`\n${report}\nWritten to ${file}`);
  } finally {
    await capture?.close().catch(() => undefined);
    await pool.end();
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
    await database.stop();
  }
}

// BENCH_SIZES=label=folder,…: this bench once per scale data folder, reported side by side.
const run = process.env.BENCH_SIZES ? () => benchSizes(__filename, process.env.BENCH_SIZES!, RESULTS_DIR) : main;
run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
