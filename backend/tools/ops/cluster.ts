import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/config';
import { openDatabase, type OpenedDatabase } from '../../src/database/open-database';
import { type AppProcess, Session, startAppProcess } from './app-process';

// `npm run test:cluster`: one PostgreSQL, two app instances (A and B) on two ports and a small
// round-robin proxy in front of them. Proves that what one instance writes or revokes reaches the
// other within a second, that sign-in failures count across both, and that killing A (SIGKILL)
// under load loses no acknowledged write while B goes on answering. Prints the figures.

/** What "within a second" allows: the shared counters are read every 200 ms. */
const PROPAGATION_LIMIT_MS = 1_000;
const LOAD_CONNECTIONS = Number(process.env.CLUSTER_CONNECTIONS ?? 16);
const LOAD_SECONDS_BEFORE_KILL = Number(process.env.CLUSTER_SECONDS ?? 8);
const LOAD_SECONDS_AFTER_KILL = LOAD_SECONDS_BEFORE_KILL;

const failures: string[] = [];
function check(ok: boolean, message: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** Polls `read` on B until `seen` holds, returning how long after `since` it first did. */
async function timeUntil<T>(since: number, read: () => Promise<T>, seen: (value: T) => boolean): Promise<number> {
  while (Date.now() - since < 10 * PROPAGATION_LIMIT_MS) {
    if (seen(await read())) return Date.now() - since;
    await sleep(20);
  }
  return Number.POSITIVE_INFINITY;
}

interface Backend {
  name: string;
  port: number;
  up: boolean;
}

/**
 * Round robin over the backends that are up. A backend that refuses a connection is marked down and
 * the request goes to the next one: it never reached the first, so sending it again cannot write
 * twice. A request that was sent and lost its answer is a 502, never retried.
 */
function startProxy(backends: Backend[]): Promise<{ server: Server; port: number; served: Map<string, number> }> {
  // A new connection per request: a refused connect then surely means "not sent", where a kept-alive
  // one the backend had just closed would leave it open whether a save was sent.
  const agent = new Agent({ keepAlive: false });
  const served = new Map(backends.map((backend) => [backend.name, 0]));
  let next = 0;
  const forward = (
    incoming: IncomingMessage,
    body: Buffer,
    send: (status: number, headers: object, data: Buffer) => void,
    tried = 0,
  ) => {
    const candidates = backends.filter((backend) => backend.up);
    if (candidates.length === 0 || tried >= backends.length) return send(503, {}, Buffer.from('no backend'));
    const backend = candidates[next++ % candidates.length];
    const outgoing = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port: backend.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          served.set(backend.name, (served.get(backend.name) ?? 0) + 1);
          send(response.statusCode ?? 502, response.headers, Buffer.concat(chunks));
        });
        response.on('error', () => send(502, {}, Buffer.from('answer lost')));
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') {
        backend.up = false;
        return forward(incoming, body, send, tried + 1);
      }
      send(502, {}, Buffer.from(`backend ${backend.name}: ${error.code ?? error.message}`));
    });
    outgoing.end(body);
  };
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () =>
      forward(incoming, Buffer.concat(chunks), (status, headers, data) => {
        if (outgoing.headersSent) return;
        const copy = { ...(headers as Record<string, unknown>) };
        delete copy['transfer-encoding'];
        delete copy.connection;
        outgoing.writeHead(status, { ...copy, 'content-length': String(data.length) } as Record<string, string>);
        outgoing.end(data);
      }),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, served })),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;
}

type Page = { total: number };
type Pipeline = { totalsByStage: { count: number }[] };
type Activity = { buckets: { total: number }[] };
const pipelineCount = (body: unknown) => (body as Pipeline).totalsByStage.reduce((sum, row) => sum + row.count, 0);
const activityCount = (body: unknown) => (body as Activity).buckets.reduce((sum, row) => sum + row.total, 0);

async function propagation(adminA: Session, adminB: Session): Promise<{ groupId: number; employerId: number }> {
  console.log('\n-- A write on A, read on B --');
  const group = await adminA.request('POST', '/api/campus-groups', { name: 'Klusteri', campus: 'Kampus' });
  expectStatus(group, 201, 'campus group');
  const groupId = (group.body as { id: number }).id;
  const employer = await adminA.request('POST', '/api/employers', { name: 'Klusteri Oy', ownerCampusGroupId: groupId });
  expectStatus(employer, 201, 'employer');
  const employerId = (employer.body as { id: number }).id;

  const listTotal = async () => ((await adminB.request('GET', '/api/employers?limit=1')).body as Page).total;
  const pipeline = async () => pipelineCount((await adminB.request('GET', '/api/pipeline/summary')).body);
  const activity = async () => activityCount((await adminB.request('GET', '/api/dashboard/activity')).body);

  // B remembers all three before the writes (the second read is served from memory).
  const [total0, pipeline0, activity0] = [await listTotal(), await pipeline(), await activity()];
  await Promise.all([listTotal(), pipeline(), activity()]);

  const created = await adminA.request('POST', '/api/employers', {
    name: 'Klusteri Kaksi Oy',
    ownerCampusGroupId: groupId,
  });
  expectStatus(created, 201, 'employer on A');
  const listMs = await timeUntil(Date.now(), listTotal, (total) => total === total0 + 1);
  check(listMs <= PROPAGATION_LIMIT_MS, `employer list total on B moved ${listMs} ms after the write on A`);

  const opportunity = await adminA.request('POST', '/api/opportunities', {
    employerId,
    title: 'Harjoittelu',
    type: 'training_agreement',
  });
  expectStatus(opportunity, 201, 'opportunity on A');
  const pipelineMs = await timeUntil(Date.now(), pipeline, (count) => count === pipeline0 + 1);
  check(pipelineMs <= PROPAGATION_LIMIT_MS, `pipeline summary on B moved ${pipelineMs} ms after the write on A`);

  const entry = await adminA.request('POST', '/api/contact-entries', {
    employerId,
    type: 'phone',
    occurredAt: new Date().toISOString(),
    summary: 'Klusteripuhelu',
  });
  expectStatus(entry, 201, 'contact entry on A');
  const activityMs = await timeUntil(Date.now(), activity, (count) => count === activity0 + 1);
  check(activityMs <= PROPAGATION_LIMIT_MS, `activity dashboard on B moved ${activityMs} ms after the write on A`);
  return { groupId, employerId };
}

async function revocation(adminA: Session, b: AppProcess, groupId: number): Promise<void> {
  console.log('\n-- A user deactivated on A, signed in on B --');
  const email = `klusteri.${Date.now()}@example.fi`;
  const password = 'sininen-kivi-kahvikuppi-7';
  const user = await adminA.request('POST', '/api/users', {
    email,
    displayName: 'Klusteri Käyttäjä',
    role: 'campus_member',
    password,
    campusGroupIds: [groupId],
  });
  expectStatus(user, 201, 'user');
  const { id, version } = user.body as { id: number; version: number };
  const onB = await Session.signIn(b.baseUrl, email, password);
  expectStatus(await onB.request('GET', '/api/auth/me'), 200, 'me on B');
  // Cached by B now: the next answer comes from its session cache unless something tells it otherwise.
  expectStatus(await onB.request('GET', '/api/auth/me'), 200, 'me on B, cached');
  const deactivated = await adminA.request('PATCH', `/api/users/${id}`, { version, active: false });
  expectStatus(deactivated, 200, 'deactivate on A');
  const ms = await timeUntil(
    Date.now(),
    async () => (await onB.request('GET', '/api/auth/me')).status,
    (status) => status === 401,
  );
  check(ms <= PROPAGATION_LIMIT_MS, `user deactivated on A got 401 on B ${ms} ms later`);
}

async function throttle(a: AppProcess, b: AppProcess): Promise<void> {
  console.log('\n-- Failed sign-ins on A and B --');
  const email = a.adminEmail;
  const statuses: string[] = [];
  // Four failures are free for one address and account; the fifth starts a wait, wherever it lands.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const app = attempt % 2 === 0 ? a : b;
    const session = new Session(app.baseUrl);
    await session.request('GET', '/api/health');
    const response = await session.request('POST', '/api/auth/login', { email, password: `väärä-salasana-${attempt}` });
    statuses.push(`${app === a ? 'A' : 'B'}:${response.status}`);
  }
  const session = new Session(b.baseUrl);
  await session.request('GET', '/api/health');
  const blocked = await session.request('POST', '/api/auth/login', { email, password: a.adminPassword });
  const retryAfter = (blocked.body as { detail?: { retryAfterSeconds?: number } }).detail?.retryAfterSeconds;
  check(
    statuses.every((status) => status.endsWith(':401')) && blocked.status === 429,
    `failures ${statuses.join(' ')} (3 on A, 2 on B), then the right password on B: ${blocked.status}, retry after ${retryAfter} s`,
  );
}

interface LoadFigures {
  sent: number;
  ok: number;
  failed: number;
  /** Failures by status (0: no answer at all). */
  failedBy: Map<number, number>;
  latencies: number[];
}

function failed(figures: LoadFigures, status: number): void {
  figures.failed += 1;
  figures.failedBy.set(status, (figures.failedBy.get(status) ?? 0) + 1);
}

async function killUnderLoad(
  adminA: Session,
  proxyBase: string,
  a: AppProcess,
  database: OpenedDatabase,
  employerId: number,
  served: Map<string, number>,
): Promise<void> {
  console.log(`\n-- Mixed load through the proxy (${LOAD_CONNECTIONS} connections), SIGKILL of A --`);
  const viaProxy = adminA.at(proxyBase);
  const acknowledged: number[] = [];
  const before: LoadFigures = { sent: 0, ok: 0, failed: 0, failedBy: new Map(), latencies: [] };
  const after: LoadFigures = { sent: 0, ok: 0, failed: 0, failedBy: new Map(), latencies: [] };
  let phase: LoadFigures = before;
  let running = true;
  let written = 0;
  const reasons = new Set<string>();
  const reads = [
    '/api/employers?limit=50',
    '/api/pipeline/summary',
    '/api/dashboard/activity',
    `/api/employers/${employerId}`,
  ];
  const worker = async (index: number) => {
    for (let turn = 0; running; turn += 1) {
      const write = (turn + index) % 2 === 0;
      // Counted where the request ends: one A had in hand at the kill fails after it.
      try {
        const response = write
          ? await viaProxy.request('POST', '/api/contact-entries', {
              employerId,
              type: 'email',
              occurredAt: new Date().toISOString(),
              summary: `Klusterikuorma ${(written += 1)}`,
              followUp: { title: 'Soita takaisin', dueDate: new Date().toISOString().slice(0, 10) },
            })
          : await viaProxy.request('GET', reads[turn % reads.length]);
        const figures = phase;
        figures.sent += 1;
        figures.latencies.push(response.ms);
        if (response.status >= 200 && response.status < 300) {
          figures.ok += 1;
          if (write) acknowledged.push((response.body as { id: number }).id);
        } else {
          failed(figures, response.status);
          if (reasons.size < 5) reasons.add(`${response.status} ${JSON.stringify(response.body).slice(0, 120)}`);
        }
      } catch (error) {
        phase.sent += 1;
        failed(phase, 0);
        if (reasons.size < 5) reasons.add(`no answer: ${String(error)}`);
      }
    }
  };
  const workers = Array.from({ length: LOAD_CONNECTIONS }, (_, index) => worker(index));
  await sleep(LOAD_SECONDS_BEFORE_KILL * 1000);
  const servedBeforeKill = new Map(served);
  a.child.kill('SIGKILL');
  phase = after;
  await sleep(LOAD_SECONDS_AFTER_KILL * 1000);
  running = false;
  await Promise.all(workers);

  const client = new Client({ connectionString: database.ownerUrl });
  await client.connect();
  let stored: number;
  try {
    const result = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM contact_entries WHERE id = ANY($1::int[])`,
      [acknowledged],
    );
    stored = result.rows[0].count;
  } finally {
    await client.end();
  }
  for (const [name, figures] of [
    ['before the kill', before],
    ['after the kill ', after],
  ] as const) {
    const sorted = [...figures.latencies].sort((x, y) => x - y);
    console.log(
      `     ${name}: ${figures.sent} requests, ${figures.ok} 2xx, ${figures.failed} failed, ` +
        `p50 ${percentile(sorted, 0.5)} ms, p99 ${percentile(sorted, 0.99)} ms` +
        (figures.failed
          ? ` (failed by status: ${[...figures.failedBy].map(([status, n]) => `${status}×${n}`).join(', ')})`
          : ''),
    );
  }
  console.log(
    `     served before the kill: A ${servedBeforeKill.get('A')}, B ${servedBeforeKill.get('B')}; ` +
      `after: A ${(served.get('A') ?? 0) - (servedBeforeKill.get('A') ?? 0)}, B ${(served.get('B') ?? 0) - (servedBeforeKill.get('B') ?? 0)}`,
  );
  if (reasons.size) console.log(`     failures seen: ${[...reasons].join(' | ')}`);
  check(before.failed === 0, `no failed request before the kill (${before.failed})`);
  check(
    stored === acknowledged.length,
    `${acknowledged.length} acknowledged contact entries (with follow-ups), ${stored} in PostgreSQL, ${acknowledged.length - stored} lost`,
  );
  // Only requests A had in hand at the kill may fail: the proxy sends nothing to A after its first refusal.
  check(
    after.ok > 0 && after.failed <= LOAD_CONNECTIONS,
    `B kept answering after the kill: ${after.ok} of ${after.sent} answered 2xx, ${after.failed} failed (at most one per connection allowed)`,
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const load = loadavg();
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-cluster-'));
  await chmod(dataDir, 0o755);
  const database = await openDatabase(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), () => undefined);
  const apps: AppProcess[] = [];
  let proxy: Server | undefined;
  try {
    // Both start at once against the one database: the startup lock lets one apply the migrations.
    const env = { DATABASE_URL: database.url, DATABASE_OWNER_URL: database.ownerUrl };
    const [a, b] = await Promise.all([startAppProcess(env), startAppProcess(env)]);
    apps.push(a, b);
    console.log(`PostgreSQL once, A on ${a.baseUrl}, B on ${b.baseUrl} (started in ${Date.now() - started} ms)`);
    const backends: Backend[] = [
      { name: 'A', port: Number(new URL(a.baseUrl).port), up: true },
      { name: 'B', port: Number(new URL(b.baseUrl).port), up: true },
    ];
    const started2 = await startProxy(backends);
    proxy = started2.server;
    const proxyBase = `http://127.0.0.1:${started2.port}`;

    const adminA = await Session.signIn(a.baseUrl, a.adminEmail, a.adminPassword);
    const adminB = adminA.at(b.baseUrl);
    const { groupId, employerId } = await propagation(adminA, adminB);
    await revocation(adminA, b, groupId);
    await throttle(a, b);
    await killUnderLoad(adminA, proxyBase, a, database, employerId, started2.served);
    console.log(`     B's memory after the load: ${Math.round((await b.rssKb()) / 1024)} MB resident`);
    const end = loadavg();
    console.log(
      `\nLoad average ${load.map((x) => x.toFixed(2)).join(' ')} at the start, ${end.map((x) => x.toFixed(2)).join(' ')} at the end; ` +
        `${Math.round((Date.now() - started) / 1000)} s in all`,
    );
  } finally {
    proxy?.close();
    await Promise.all(apps.map((app) => app.stop()));
    await database.stop();
    await Promise.all(
      [dataDir, ...apps.map((app) => app.dataDir)].map((dir) => rm(dir, { recursive: true, force: true })),
    );
  }
  if (failures.length) {
    console.error(`\n${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log('\nAll cluster checks passed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
