import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
const base = process.argv[2];
const first = await fetch(`${base}/api/health`);
const xsrf = first.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('XSRF-TOKEN='));
const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: xsrf, 'x-xsrf-token': xsrf.slice(11) }, body: JSON.stringify({ email: 'bench.am@scale.example.fi', password: 'Skaala-salasana-2026' }) });
const session = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('crm_session='));
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const cfg = process.argv[3] === 'desktop' ? desktopConfig : undefined;
const res = await lighthouse(`${base}/employers`, { port: chrome.port, onlyCategories: ['performance'], extraHeaders: { Cookie: `${xsrf}; ${session}` } }, cfg);
await chrome.kill();
const a = res.lhr.audits;
for (const id of ['layout-shifts','largest-contentful-paint-element','render-blocking-insight','render-blocking-resources','bootup-time','mainthread-work-breakdown','unused-javascript','network-dependency-tree-insight','lcp-breakdown-insight','cls-culprits-insight']) {
  if (!a[id]) continue;
  console.log('==', id, a[id].displayValue ?? '', a[id].score);
  console.log(JSON.stringify(a[id].details?.items?.slice(0,8) ?? a[id].details, null, 0).slice(0, 2500));
}
writeFileSync('/tmp/lhr.json', JSON.stringify(res.lhr));
