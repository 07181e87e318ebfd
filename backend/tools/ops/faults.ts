import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { type AppProcess, Session, startAppProcess } from './app-process';
import { embeddedBinDir, postgresUser } from './pg-tools';

// `npm run test:faults`: the real app on an embedded PostgreSQL, a burst of writes, and the database
// taken away underneath it twice — stopped (crash-like, immediate) and frozen (SIGSTOP). The API must
// answer 503 fast instead of hanging or crashing, recover by itself, and keep every write it confirmed.

const run = promisify(execFile);

interface WriteResult {
  status: number;
  id?: number;
  ms: number;
  phase: string;
  at: number;
}

const failures: string[] = [];
function check(condition: boolean, message: string): void {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
  if (!condition) failures.push(message);
}

async function postmasterPid(clusterDir: string): Promise<number> {
  return Number((await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** The postmaster and its backends: freezing only the postmaster would leave open connections working. */
function clusterPids(postmaster: number): number[] {
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === postmaster) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** The exact command line the server was started with (postmaster.opts), to start it again the same way. */
async function serverCommand(clusterDir: string): Promise<string[]> {
  const opts = (await readFile(join(clusterDir, 'postmaster.opts'), 'utf8')).trim();
  const program = opts.split(' ')[0];
  const args = [...opts.slice(program.length).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]);
  return [program, ...args];
}

async function startServer(command: string[]): Promise<void> {
  const user = await postgresUser();
  const child = spawn(command[0], command.slice(1), { stdio: 'ignore', detached: true, ...(user ?? {}) });
  child.unref();
}

async function stopServer(clusterDir: string, mode: 'immediate' | 'fast'): Promise<void> {
  const user = await postgresUser();
  const bin = embeddedBinDir();
  if (!bin) throw new Error('embedded PostgreSQL binaries not found');
  await run(join(bin, 'pg_ctl'), ['stop', '-D', clusterDir, '-m', mode, '-w', '-t', '30'], { ...(user ?? {}) });
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await predicate().catch(() => false)) return Date.now() - started;
    await sleep(200);
  }
  return -1;
}

async function health(app: AppProcess): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
  return { status: response?.status ?? 0, ms: Date.now() - started };
}

async function main(): Promise<void> {
  const app = await startAppProcess();
  const clusterDir = join(app.dataDir, 'pg');
  const results: WriteResult[] = [];
  let phase = 'normal';
  let running = true;
  let counter = 0;
  try {
    const admin = await Session.signIn(app.baseUrl, app.adminEmail, app.adminPassword);
    const group = await admin.request('POST', '/api/campus-groups', { name: 'Vikasieto', campus: 'Kampus' });
    const employer = await admin.request('POST', '/api/employers', {
      name: 'Vikasieto Oy',
      ownerCampusGroupId: (group.body as { id: number }).id,
    });
    const employerId = (employer.body as { id: number }).id;
    const command = await serverCommand(clusterDir);

    // Four writers logging contacts without pause for the whole run.
    const writers = Array.from({ length: 4 }, async () => {
      while (running) {
        const at = Date.now();
        const current = phase;
        counter += 1;
        try {
          const response = await admin.request(
            'POST',
            '/api/contact-entries',
            { employerId, type: 'phone', occurredAt: new Date().toISOString(), summary: `Vikasietopuhelu ${counter}` },
            30_000,
          );
          const id = response.status < 300 ? (response.body as { id: number }).id : undefined;
          results.push({ status: response.status, id, ms: response.ms, phase: current, at });
          if (response.status >= 500) await sleep(100);
        } catch {
          results.push({ status: 0, ms: Date.now() - at, phase: current, at });
        }
      }
    });

    await sleep(2000);

    // Fault 1: the server stops at once, as in a crash or an OOM kill.
    phase = 'stopped';
    const stoppedAt = Date.now();
    await stopServer(clusterDir, 'immediate');
    console.log(`fault 1: PostgreSQL stopped (pg_ctl stop -m immediate) after ${Date.now() - stoppedAt} ms`);
    await sleep(3000);
    const downHealth = await health(app);
    check(
      downHealth.status === 503 && downHealth.ms < 2500,
      `health answers 503 while stopped (${downHealth.status} in ${downHealth.ms} ms)`,
    );
    const stopped = results.filter((result) => result.phase === 'stopped' && result.at > stoppedAt + 500);
    check(
      stopped.length > 0 && stopped.every((result) => result.status === 503),
      `writes while stopped answer 503 (${stopped.length} requests: ${summary(stopped)})`,
    );
    check(
      stopped.every((result) => result.ms < 2000),
      `…each within 2 s (slowest ${Math.max(0, ...stopped.map((result) => result.ms))} ms)`,
    );
    check(app.child.exitCode === null, 'the app process is still running');

    phase = 'recovering';
    await startServer(command);
    const recovered = await waitFor(async () => (await health(app)).status === 200, 60_000);
    check(recovered >= 0, `health back to 200 by itself ${recovered} ms after PostgreSQL started again`);
    phase = 'after-restart';
    await sleep(2000);
    const afterRestart = results.filter((result) => result.phase === 'after-restart');
    check(
      afterRestart.some((result) => result.status === 201),
      `writes succeed again after the restart (${summary(afterRestart)})`,
    );

    // Fault 2: the server freezes (SIGSTOP to the postmaster and every backend), as on a stalled disk or VM.
    phase = 'frozen';
    const frozenAt = Date.now();
    const pids = clusterPids(await postmasterPid(clusterDir));
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    console.log(`fault 2: PostgreSQL frozen (SIGSTOP to ${pids.length} processes)`);
    await sleep(3000);
    const frozenHealth = await health(app);
    check(
      frozenHealth.status === 503 && frozenHealth.ms < 2500,
      `health answers 503 while frozen (${frozenHealth.status} in ${frozenHealth.ms} ms)`,
    );
    await sleep(25_000);
    // Writes sent after the freeze took hold (the first moments may still have been served).
    const frozen = results.filter((result) => result.phase === 'frozen' && result.at > frozenAt + 500);
    // No answer can come from a frozen server: the pool's query_timeout (10 s per statement; a
    // transaction's BEGIN and ROLLBACK may each wait) bounds the wait instead of hanging forever.
    check(
      frozen.length > 0 && frozen.every((result) => result.status === 503),
      `writes while frozen answer 503 (${summary(frozen)})`,
    );
    check(
      frozen.every((result) => result.ms < 25_000),
      `…without hanging (slowest ${Math.max(0, ...frozen.map((result) => result.ms))} ms)`,
    );
    check(app.child.exitCode === null, 'the app process is still running');
    phase = 'thawed';
    for (const pid of pids) process.kill(pid, 'SIGCONT');
    const thawed = await waitFor(async () => (await health(app)).status === 200, 60_000);
    check(thawed >= 0, `health back to 200 ${thawed} ms after SIGCONT`);
    await sleep(3000);
    running = false;
    await Promise.all(writers);
    const afterThaw = results.filter((result) => result.phase === 'thawed');
    check(
      afterThaw.some((result) => result.status === 201),
      `writes succeed after the freeze (${summary(afterThaw)})`,
    );

    // Every write the API confirmed is in the database.
    const confirmed = results.filter((result) => result.id !== undefined).map((result) => result.id!);
    const client = new Client({ connectionString: await app.databaseUrl() });
    await client.connect();
    const { rows } = await client.query<{ id: number }>(`SELECT id FROM contact_entries WHERE id = ANY($1::int[])`, [
      confirmed,
    ]);
    const [{ audits }] = (
      await client.query<{ audits: number }>(
        `SELECT count(*)::int AS audits FROM audit_events WHERE entity_type = 'contact_entry' AND action = 'create' AND entity_id = ANY($1::int[])`,
        [confirmed],
      )
    ).rows;
    await client.end();
    check(rows.length === confirmed.length, `every confirmed write is stored (${rows.length} of ${confirmed.length})`);
    check(audits === confirmed.length, `…with its audit row (${audits})`);

    console.log(
      `\nsummary: 2 faults injected (immediate stop, freeze); ${results.length} write requests ` +
        `(${summary(results)}); ${confirmed.length} confirmed writes verified in the database`,
    );
  } finally {
    running = false;
    await app.stop();
    await stopServer(clusterDir, 'fast').catch(() => undefined);
    await rm(app.dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
  if (failures.length) {
    console.error(`\n${failures.length} check(s) failed`);
    process.exit(1);
  }
}

function summary(results: WriteResult[]): string {
  const counts = new Map<string, number>();
  for (const result of results)
    counts.set(String(result.status || 'timeout'), (counts.get(String(result.status || 'timeout')) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count}× ${status}`).join(', ') || 'none';
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
