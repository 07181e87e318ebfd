import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { Session, startAppProcess } from './app-process';

// `npm run test:load`: 100 connections of mixed reads and writes for 60 s against the real app on an
// embedded PostgreSQL with 2 000 employers. Passes with no 5xx, no lost write and flat memory.

interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest) => LoadRequest;
  onResponse?: (status: number, body: string) => void;
}
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
}
// autocannon ships no types; bench/autocannon.d.ts declares a smaller part of it than this needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: Record<string, unknown>,
  done: (error: Error | null, result: LoadResult) => void,
) => unknown;

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);
const DURATION = Number(process.env.LOAD_DURATION ?? 60);
const EMPLOYERS = 2000;

async function seed(url: string, adminEmail: string): Promise<{ employerIds: number[]; groupId: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ id: adminId }] = (await client.query(`SELECT id FROM users WHERE email = $1`, [adminEmail])).rows;
    const [{ id: groupId }] = (
      await client.query(`INSERT INTO campus_groups (name, campus) VALUES ('Kuorma', 'Kampus') RETURNING id`)
    ).rows;
    await client.query(
      `INSERT INTO employers (name, owner_campus_group_id, municipality, status, last_contact_at)
       SELECT (ARRAY['Rakennus','Hoiva','Kone','Kauppa','Ravintola'])[1 + n % 5] || ' ' || n || ' Oy', $1,
              (ARRAY['Tampere','Helsinki','Oulu','Turku'])[1 + n % 4], 'partner', now() - n * interval '1 hour'
         FROM generate_series(1, ${EMPLOYERS}) n`,
      [groupId],
    );
    await client.query(
      `INSERT INTO employer_campus_groups (employer_id, campus_group_id) SELECT id, $1 FROM employers`,
      [groupId],
    );
    await client.query(
      `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, created_by)
       SELECT e.id, 'phone', now() - k * interval '3 days', 'Aiempi puhelu ' || k, $1, $2 FROM employers e, generate_series(1, 3) k`,
      [groupId, adminId],
    );
    await client.query(
      `INSERT INTO follow_ups (employer_id, title, due_date, assignee_id, created_by)
       SELECT id, 'Soita takaisin', CURRENT_DATE + (id % 30), $1, $1 FROM employers WHERE id % 10 = 0`,
      [adminId],
    );
    await client.query('ANALYZE');
    const employerIds = (await client.query<{ id: number }>(`SELECT id FROM employers ORDER BY id`)).rows.map(
      (row) => row.id,
    );
    return { employerIds, groupId };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const app = await startAppProcess();
  let failed = false;
  try {
    const url = await app.databaseUrl();
    const { employerIds } = await seed(url, app.adminEmail);
    const session = await Session.signIn(app.baseUrl, app.adminEmail, app.adminPassword);
    const headers = { Cookie: session.cookieHeader, 'X-XSRF-TOKEN': session.xsrf, 'Content-Type': 'application/json' };
    const pick = () => employerIds[Math.floor(Math.random() * employerIds.length)];
    const words = ['rakennus', 'hoiva', 'kone', 'kaupa', 'ravintla', 'tampere', 'oy 12'];
    const created: number[] = [];
    let writesSent = 0;

    const requests: LoadRequest[] = [
      { method: 'GET', path: '/api/employers?limit=50&sort=-lastContact', headers },
      {
        method: 'GET',
        path: '/api/search',
        headers,
        setupRequest: (request) => ({
          ...request,
          path: `/api/search?q=${encodeURIComponent(words[Math.floor(Math.random() * words.length)])}`,
        }),
      },
      {
        method: 'GET',
        path: '/api/employers/1',
        headers,
        setupRequest: (request) => ({ ...request, path: `/api/employers/${pick()}` }),
      },
      {
        method: 'GET',
        path: '/api/employers/1/timeline',
        headers,
        setupRequest: (request) => ({ ...request, path: `/api/employers/${pick()}/timeline` }),
      },
      { method: 'GET', path: '/api/follow-ups?assignee=me&status=open', headers },
      {
        method: 'POST',
        path: '/api/contact-entries',
        headers,
        setupRequest: (request) => {
          writesSent += 1;
          return {
            ...request,
            body: JSON.stringify({
              employerId: pick(),
              type: 'phone',
              occurredAt: new Date().toISOString(),
              summary: `Kuormapuhelu ${writesSent}`,
            }),
          };
        },
        onResponse: (status, body) => {
          if (status === 201) created.push((JSON.parse(body) as { id: number }).id);
        },
      },
    ];

    const memory: number[] = [await app.rssKb()];
    const sampler = setInterval(() => void app.rssKb().then((kb) => memory.push(kb)), 5000);
    console.log(`load: ${CONNECTIONS} connections for ${DURATION} s on ${app.baseUrl} (${EMPLOYERS} employers)`);
    const result = await new Promise<LoadResult>((resolve, reject) => {
      autocannon(
        { url: app.baseUrl, connections: CONNECTIONS, duration: DURATION, timeout: 30, requests },
        (error, value) => (error ? reject(error) : resolve(value)),
      );
    });
    clearInterval(sampler);
    await sleep(1000);
    memory.push(await app.rssKb());

    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ id: number }>(`SELECT id FROM contact_entries WHERE id = ANY($1::int[])`, [
      created,
    ]);
    await client.end();

    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    const peak = Math.max(...memory);
    const start = memory[0];
    const end = memory.at(-1)!;
    // After warm-up (JIT, pools, caches) the resident size should level off: compare the second half with the first.
    const half = memory.slice(Math.floor(memory.length / 2));
    const firstHalfPeak = Math.max(...memory.slice(0, Math.floor(memory.length / 2)));
    const flat = Math.max(...half) <= firstHalfPeak * 1.25 + 20 * 1024;
    console.log(
      `requests: ${result.requests.total} (${result.requests.average.toFixed(0)}/s), 2xx ${result['2xx']}, 4xx ${result['4xx']}, 5xx ${result['5xx']}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`writes: ${created.length} created (2xx), ${rows.length} found in the database`);
    console.log(
      `memory (RSS every 5 s): start ${mb(start)}, peak ${mb(peak)}, end ${mb(end)}; samples ${memory.map(mb).join(' ')}`,
    );

    const checks: [boolean, string][] = [
      [result['5xx'] === 0 && result.errors === 0 && result.timeouts === 0, 'no 5xx, errors or timeouts'],
      [rows.length === created.length && created.length > 0, 'every created contact entry is stored'],
      [flat, 'memory flat after warm-up (second half peak ≤ first half peak × 1.25 + 20 MB)'],
    ];
    for (const [ok, label] of checks) {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
      if (!ok) failed = true;
    }
  } finally {
    await app.stop();
    await rm(app.dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
