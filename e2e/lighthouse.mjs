// `npm run bench:lighthouse`: Lighthouse (performance) on the home page and the employer list of the
// scale data, in Debian's Chromium, signed in as the bench account manager; mobile (Lighthouse's
// default: slow 4G and a 4× slower CPU, simulated) and desktop. Writes bench/results/lighthouse-<time>.md.
// LIGHTHOUSE_PAGES=/employers measures only the pages named (comma-separated paths); LIGHTHOUSE_PORT
// serves the product on that port instead of a free one; LIGHTHOUSE_FORM_FACTORS=mobile runs only
// the mobile preset.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.BENCH_DATA_DIR ?? join(root, 'data-scale'));
const email = process.env.LIGHTHOUSE_EMAIL ?? 'bench.am@scale.example.fi';
const password = process.env.LIGHTHOUSE_PASSWORD ?? 'Skaala-salasana-2026';
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = 90;
// LIGHTHOUSE_RUNS=5 for a steadier median (3 by default).
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = (process.env.LIGHTHOUSE_PAGES ?? '/,/employers').split(',').map((path) => path.trim());
// LIGHTHOUSE_FORM_FACTORS=mobile measures only that one (mobile,desktop by default).
const FORM_FACTORS = [
  ['mobile', ['mobile (default)', undefined]],
  ['desktop', ['desktop', desktopConfig]],
]
  .filter(([name]) => (process.env.LIGHTHOUSE_FORM_FACTORS ?? 'mobile,desktop').split(',').includes(name))
  .map(([, factor]) => factor);
const PAGE_NAMES = {
  '/': 'the home page',
  '/employers': "the employer list (first page of the scale data's employers)",
};

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function startProduct() {
  const port = process.env.LIGHTHOUSE_PORT ? Number(process.env.LIGHTHOUSE_PORT) : await freePort();
  const child = spawn(process.execPath, [join(root, 'backend/dist/main.js')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 180; waited += 1) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, base };
    await sleep(1000);
  }
  throw new Error('The server did not become healthy in 3 minutes');
}

/** The session cookie of a sign-in, sent by Lighthouse with every request of the page. */
async function sessionCookie(base) {
  const first = await fetch(`${base}/api/health`);
  const xsrf = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('XSRF-TOKEN='));
  if (!xsrf) throw new Error('No XSRF-TOKEN cookie from the server');
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: xsrf, 'x-xsrf-token': xsrf.slice('XSRF-TOKEN='.length) },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in of ${email} failed (${response.status}); run npm run seed:scale first`);
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('crm_session='));
  return [xsrf, session].join('; ');
}

let lighthouseVersion = '';

function summarise(label, result) {
  lighthouseVersion = result.lighthouseVersion;
  const audit = (id) => result.audits[id];
  const scripts = (audit('network-requests').details?.items ?? []).filter((item) => item.resourceType === 'Script');
  return {
    label,
    // The whole result, so the median run's can be written beside the report (not kept in git).
    lhr: result,
    error: result.runtimeError?.code ?? null,
    score: Math.round((result.categories.performance.score ?? 0) * 100),
    fcp: audit('first-contentful-paint').displayValue,
    lcp: audit('largest-contentful-paint').displayValue,
    tbt: audit('total-blocking-time').displayValue,
    cls: audit('cumulative-layout-shift').displayValue,
    speedIndex: audit('speed-index').displayValue,
    scriptKb: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024,
    scriptCount: scripts.length,
    totalKb: audit('total-byte-weight').numericValue / 1024,
  };
}

const { child, base } = await startProduct();
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
try {
  const cookie = await sessionCookie(base);
  const flags = {
    port: chrome.port,
    onlyCategories: ['performance'],
    extraHeaders: { Cookie: cookie },
    logLevel: 'error',
  };
  for (const [path, [label, config]] of PAGES.flatMap((path) => FORM_FACTORS.map((factor) => [path, factor]))) {
    const url = `${base}${path}`;
    const runs = [];
    // The 1-minute load average as the runs start: other work on the machine slows the observed CPU time.
    const load = loadavg()[0];
    // RUNS completed runs each, the median reported: one run on a shared 2-core machine is noisy. A run
    // Lighthouse itself could not complete (runtimeError such as NO_NAVSTART, score 0) is shown, not
    // used for the median, and made up for by another, up to two more.
    const done = () => runs.filter((r) => !r.error).length;
    for (let attempt = 0; done() < RUNS && attempt < RUNS + 2; attempt += 1) {
      runs.push(summarise(label, (await lighthouse(url, flags, config)).lhr));
    }
    const completed = runs.filter((r) => !r.error).sort((a, b) => a.score - b.score);
    if (completed.length === 0)
      throw new Error(`Lighthouse failed every ${label} run: ${runs.map((r) => r.error).join(', ')}`);
    const median = {
      ...completed[Math.floor((completed.length - 1) / 2)],
      path,
      runs: runs.map((r) => r.error ?? r.score),
      load,
    };
    rows.push(median);
    console.log(
      `${path} ${label}: performance ${median.score} (runs ${median.runs.join(', ')}; load ${load.toFixed(1)}), LCP ${median.lcp}, TBT ${median.tbt}`,
    );
  }
} finally {
  await chrome.kill();
  child.kill('SIGTERM');
  await new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done)));
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const chromeVersion = execFileSync(chromePath, ['--version']).toString().trim();
const report = [
  `# Lighthouse ${new Date().toISOString()}`,
  '',
  ...PAGES.map((path) => `- Page \`${path}\`: ${PAGE_NAMES[path] ?? path}, signed in as ${email}`),
  `- Machine load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} (${cpus().length} cores)`,
  `- ${chromeVersion}; Lighthouse ${lighthouseVersion}; Node ${process.version}`,
  `- Median of ${RUNS} completed runs per form factor; simulated throttling (Lighthouse defaults). Load: the 1-minute load average as the runs started.`,
  '',
  '| Page | Form factor | Performance | Runs | Load | FCP | LCP | TBT | CLS | Speed Index | Scripts transferred | All bytes |',
  '| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| \`${r.path}\` | ${r.label} | ${r.score} ${r.score >= TARGET ? '✅' : '❌'} | ${r.runs.join(', ')} | ${r.load.toFixed(1)} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} | ` +
      `${r.speedIndex} | ${r.scriptKb.toFixed(0)} kB in ${r.scriptCount} files | ${r.totalKb.toFixed(0)} kB |`,
  ),
  '',
  `Target: performance ≥ ${TARGET}.`,
  '',
].join('\n');
const folder = join(root, 'bench', 'results');
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, `lighthouse-${stamp}.md`), report);
// The median runs' full results, for finding where the time goes (bench/results/*.json is not kept in git).
writeFileSync(
  join(folder, `lighthouse-${stamp}.json`),
  JSON.stringify(
    rows.map((r) => ({ path: r.path, label: r.label, lhr: r.lhr })),
    null,
    1,
  ),
);
console.log(`\n${report}`);
