import autocannon from 'autocannon';
const base = 'http://127.0.0.1:3999';
const first = await fetch(`${base}/api/health`);
const xsrf = first.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('XSRF-TOKEN='));
const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: xsrf, 'x-xsrf-token': xsrf.slice(11) }, body: JSON.stringify({ email: process.argv[3] ?? 'bench.am@scale.example.fi', password: 'Skaala-salasana-2026' }) });
const session = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('crm_session='));
const result = await autocannon({ url: base + process.argv[2], connections: 50, duration: 10, headers: { cookie: `${xsrf}; ${session}` } });
console.log(result.requests.average, 'req/s', 'p50', result.latency.p50, 'p99', result.latency.p99, 'non2xx', result.non2xx);
