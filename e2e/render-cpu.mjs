// `node e2e/render-cpu.mjs <frontend dist/browser folder> <label> [runs]`: the renderer main thread's
// CPU time (thread time from a Chromium trace, not wall time) for loading `/` and `/employers` of the
// scale data as the bench account manager, unthrottled, median of the runs (default 5). Wall times
// on this shared 2-core machine follow the other engineers' load; thread time follows it far less,
// so two builds run one after the other (e.g. an earlier commit's build and the current one) compare
// the work each first load does. Serves the build on LIGHTHOUSE_PORT (default 3315).
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('@playwright/test');
const root = resolve(import.meta.dirname, '..');
const [, , staticDir, label, runs = '5'] = process.argv;
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3315);
const child = spawn(process.execPath, [`${root}/backend/dist/main.js`], {
  env: { ...process.env, PORT: String(port), DATA_DIR: `${root}/data-scale`, LOG_LEVEL: 'warn', STATIC_DIR: staticDir },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 180; i++) {
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await sleep(1000);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.getByLabel(/^Sähköposti/).fill('bench.am@scale.example.fi');
await page.getByLabel(/^Salasana/).fill('Skaala-salasana-2026');
await page.getByRole('button', { name: /^Kirjaudu$/ }).click();
await page.waitForURL(`${base}/`);
await context.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  window.__lcp = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__lcp = Math.round(e.startTime);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
});
const results = {};
for (const [path, ready] of [
  ['/', '.follow-ups li, .follow-ups .empty'],
  ['/employers', 'table tbody tr'],
]) {
  results[path] = [];
  for (let r = 0; r < Number(runs); r++) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto('about:blank');
    const before = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.goto(`${base}${path}`);
    await page.locator(ready).first().waitFor();
    await sleep(1500);
    const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const mains = trace.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasksOf = (m) =>
      trace.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X');
    const tasks =
      mains.map(tasksOf).sort((a, b) => b.reduce((t, e) => t + e.dur, 0) - a.reduce((t, e) => t + e.dur, 0))[0] ?? [];
    const main = tasks[0] ? { pid: tasks[0].pid, tid: tasks[0].tid } : {};
    const byName = {};
    for (const e of trace)
      if (
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.ph === 'X' &&
        e.tdur &&
        [
          'EvaluateScript',
          'v8.compile',
          'v8.compileModule',
          'v8.evaluateModule',
          'FunctionCall',
          'TimerFire',
          'FireAnimationFrame',
          'EventDispatch',
          'Layout',
          'UpdateLayoutTree',
          'Paint',
          'ParseHTML',
          'ParseAuthorStyleSheet',
          'MajorGC',
          'MinorGC',
          'V8.GC_SCAVENGER',
          'XHRReadyStateChange',
          'RunMicrotasks',
          'v8.run',
          'HitTest',
          'PrePaint',
          'Layerize',
          'UpdateLayer',
        ].includes(e.name)
      )
        byName[e.name] = (byName[e.name] ?? 0) + e.tdur / 1000;
    const names = Object.entries(byName)
      .sort((a, b) => b[1] - a[1])
      .map(([n, t]) => `${n} ${Math.round(t)}`)
      .join(', ');
    const cpu = Math.round(tasks.reduce((t, e) => t + (e.tdur ?? 0), 0) / 1000);
    const bigCpu = tasks
      .map((e) => Math.round((e.tdur ?? 0) / 1000))
      .filter((x) => x >= 10)
      .sort((a, b) => b - a)
      .slice(0, 8)
      .join(' ');
    const after = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const d = (k) => Math.round((after[k] - before[k]) * 1000);
    const { long, lcp, fcp } = await page.evaluate(() => ({
      long: window.__long,
      lcp: window.__lcp,
      fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0),
    }));
    results[path].push({
      cpu,
      names,
      bigCpu,
      task: d('TaskDuration'),
      script: d('ScriptDuration'),
      layout: d('LayoutDuration'),
      style: d('RecalcStyleDuration'),
      fcp,
      lcp,
      tbtObs: long.filter(([s]) => s >= fcp).reduce((t, [, dd]) => t + Math.max(0, dd - 50), 0),
      long: long.map(([s, dd]) => `${s}:${dd}`).join(' '),
      load: loadavg()[0].toFixed(1),
    });
    await cdp.detach();
  }
}
await browser.close();
child.kill('SIGTERM');
const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [path, rs] of Object.entries(results)) {
  console.log(
    `${label} ${path}: median renderer main-thread CPU ${med(rs.map((r) => r.cpu))} ms (${rs.map((r) => r.cpu).join(', ')}), task ${med(rs.map((r) => r.task))} ms, script ${med(rs.map((r) => r.script))}, layout+style ${med(rs.map((r) => r.layout + r.style))}, fcp ${med(rs.map((r) => r.fcp))}, lcp ${med(rs.map((r) => r.lcp))}, tbt(obs) ${med(rs.map((r) => r.tbtObs))}; load ${rs.map((r) => r.load).join(',')}`,
  );
  for (const r of rs) console.log('   ', r.cpu, '|', r.bigCpu, '|', r.names);
}
