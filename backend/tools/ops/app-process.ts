import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../../src/database/embedded-postgres';

/**
 * The production build (`backend/dist/main.js`, from `npm run build -w backend`), not the tools'
 * own compile: the tools measure and exercise what ships. Compiled, this file sits in
 * `backend/dist-tools/tools/ops/`.
 */
export const BUILT_APP_MAIN = join(__dirname, '..', '..', '..', 'dist', 'main.js');

/** The built app as a child process on its own embedded PostgreSQL. */
export interface AppProcess {
  baseUrl: string;
  dataDir: string;
  child: ChildProcess;
  adminEmail: string;
  adminPassword: string;
  /** URL of the app's database, from the embedded server's password file and pid file. */
  databaseUrl(): Promise<string>;
  rssKb(): Promise<number>;
  stop(): Promise<void>;
}

export async function startAppProcess(extraEnv: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-ops-'));
  const port = await findFreePort();
  const adminEmail = 'ops.admin@example.fi';
  const adminPassword = 'ops-kivi-kahvikuppi-1';
  const child = spawn(process.execPath, [BUILT_APP_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      // One process unless a tool asks for more: memory and the PostgreSQL kill are measured on it.
      WEB_CONCURRENCY: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (true) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 180_000) throw new Error(`the app did not start in 3 minutes:\n${output}`);
    await sleep(250);
  }
  return {
    baseUrl,
    dataDir,
    child,
    adminEmail,
    adminPassword,
    async databaseUrl() {
      const password = (await readFile(join(dataDir, '.pg-password'), 'utf8')).trim();
      const pgPort = (await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[3].trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/tyoelama`;
    },
    async rssKb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      for (let waited = 0; waited < 150 && child.exitCode === null; waited += 1) await sleep(100);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A signed-in HTTP session against a running app: cookies and the XSRF header, as the browser does. */
export class Session {
  constructor(
    readonly baseUrl: string,
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser (cookies) talking to another instance: sessions live in PostgreSQL. */
  at(baseUrl: string): Session {
    return new Session(baseUrl, this.cookies);
  }

  static async signIn(baseUrl: string, email: string, password: string): Promise<Session> {
    const session = new Session(baseUrl);
    await session.request('GET', '/api/health');
    const response = await session.request('POST', '/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
    return session;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get xsrf(): string {
    return this.cookies.get('XSRF-TOKEN') ?? '';
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = 30_000,
  ): Promise<{ status: number; body: unknown; ms: number }> {
    const started = Date.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Cookie: this.cookieHeader,
        'X-XSRF-TOKEN': this.xsrf,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (CSV, empty 204): keep the text.
    }
    return { status: response.status, body: parsed, ms: Date.now() - started };
  }
}
