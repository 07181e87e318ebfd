import 'reflect-metadata';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NationalImportPreviewDto, NationalImportStatusDto } from '@tyoelama/shared';
import { Pool } from 'pg';
import { createApp } from '../../src/app-factory';
import { loadConfig } from '../../src/config/config';
import { runMigrations } from '../../src/database/data-source';
import { openDatabase } from '../../src/database/open-database';
import { hashPassword } from '../../src/passwords/password';
import { buildNationalSamples, madeUpEmployers } from '../samples/national-samples';

/**
 * `npm run bench:national-import`: a KOSKI export of 50 000 periods, about the employers of the
 * database in BENCH_DATA_DIR (the scale seed's ./data-scale by default; a database without employers
 * gets 5 000 made-up ones first), previewed and committed through the API, then imported again
 * (nothing changes). The target is under 60 s for preview + commit.
 */
const PERIODS = Number(process.env.BENCH_PERIODS ?? 50_000);
const EMAIL = 'bench.national@example.fi';
const PASSWORD = 'Bench-national-import-2026';

async function ensureData(pool: Pool): Promise<{ businessIds: string[]; groupId: number }> {
  const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM employers`);
  if (rows[0].count === 0) {
    const group = await pool.query<{ id: number }>(
      `INSERT INTO campus_groups (name, campus) VALUES ('Bench-ryhmä', 'Bench') RETURNING id`,
    );
    const employers = madeUpEmployers(5000);
    await pool.query(
      `WITH made AS (
         INSERT INTO employers (name, business_id, owner_campus_group_id)
         SELECT name, business_id, $3 FROM unnest($1::text[], $2::text[]) AS e(name, business_id) RETURNING id)
       INSERT INTO employer_campus_groups (employer_id, campus_group_id) SELECT id, $3 FROM made`,
      [employers.map((employer) => employer.name), employers.map((employer) => employer.businessId), group.rows[0].id],
    );
  }
  const employers = await pool.query<{ business_id: string }>(
    `SELECT business_id FROM employers WHERE business_id IS NOT NULL ORDER BY id LIMIT 20000`,
  );
  const group = await pool.query<{ id: number }>(`SELECT id FROM campus_groups ORDER BY id LIMIT 1`);
  await pool.query(
    `INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, 'Bench KOSKI', 'account_manager', $2)
     ON CONFLICT (lower(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
    [EMAIL, await hashPassword(PASSWORD)],
  );
  return { businessIds: employers.rows.map((row) => row.business_id), groupId: group.rows[0].id };
}

/** Students enough for PERIODS KOSKI periods (about 1.5 per student). */
function koskiFile(businessIds: string[]): { bytes: Buffer; periods: number } {
  let students = Math.ceil(PERIODS / 1.5);
  for (;;) {
    const samples = buildNationalSamples({
      seed: 50_000,
      students,
      employers: businessIds.map((businessId) => ({ businessId, name: `Työnantaja ${businessId}` })),
    });
    const periods = (samples.koski as { opiskeluoikeudet: { suoritukset: Record<string, unknown[]>[] }[] }[]).reduce(
      (sum, student) =>
        sum +
        student.opiskeluoikeudet[0].suoritukset[0]['koulutussopimukset'].length +
        student.opiskeluoikeudet[0].suoritukset[0]['osaamisenHankkimistavat'].length,
      0,
    );
    if (periods >= PERIODS) return { bytes: Buffer.from(JSON.stringify(samples.koski)), periods };
    students = Math.ceil((students * PERIODS) / periods) + 10;
  }
}

async function signIn(base: string): Promise<Record<string, string>> {
  const health = await fetch(`${base}/api/health`);
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(health.headers.getSetCookie().join(';'))![1];
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf, Cookie: `XSRF-TOKEN=${xsrf}` },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`Sign-in failed: ${login.status}`);
  const cookies = login.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
  const renewed = /XSRF-TOKEN=([^;]+)/.exec(cookies)?.[1] ?? xsrf;
  return { Cookie: `${cookies}; XSRF-TOKEN=${renewed}`, 'X-XSRF-TOKEN': renewed };
}

async function importOnce(
  base: string,
  headers: Record<string, string>,
  bytes: Buffer,
  groupId: number,
): Promise<{
  previewMs: number;
  commitMs: number;
  preview: NationalImportPreviewDto;
  status: NationalImportStatusDto;
}> {
  const form = new FormData();
  form.append('source', 'koski');
  form.append('ownerCampusGroupId', String(groupId));
  form.append('file', new Blob([bytes], { type: 'application/json' }), 'koski-massaluovutus.json');
  const previewStarted = performance.now();
  const previewResponse = await fetch(`${base}/api/imports/national`, { method: 'POST', headers, body: form });
  const preview = (await previewResponse.json()) as NationalImportPreviewDto;
  const previewMs = performance.now() - previewStarted;
  if (!previewResponse.ok) throw new Error(`Preview: ${previewResponse.status} ${JSON.stringify(preview)}`);
  const commitStarted = performance.now();
  const commitResponse = await fetch(`${base}/api/imports/national/${preview.id}/commit`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const status = (await commitResponse.json()) as NationalImportStatusDto;
  const commitMs = performance.now() - commitStarted;
  if (!commitResponse.ok) throw new Error(`Commit: ${commitResponse.status} ${JSON.stringify(status)}`);
  return { previewMs, commitMs, preview, status };
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.BENCH_DATA_DIR ?? './data-scale');
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const database = await openDatabase(config, (message) => console.log(message));
  await runMigrations(database.ownerUrl, database.appRole);
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const app = await createApp({ ...config, logLevel: 'error' }, database.url);
  try {
    const { businessIds, groupId } = await ensureData(pool);
    const generated = performance.now();
    const file = koskiFile(businessIds);
    console.log(
      `KOSKI file: ${file.periods} periods, ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB, ` +
        `${businessIds.length} employers (generated in ${((performance.now() - generated) / 1000).toFixed(1)} s)`,
    );
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const headers = await signIn(base);
    for (const round of ['first import', 'same file again']) {
      const { previewMs, commitMs, preview, status } = await importOnce(base, headers, file.bytes, groupId);
      const report = status.report!;
      console.log(
        `${round}: preview ${(previewMs / 1000).toFixed(1)} s (${preview.records} periods, ${preview.matched} matched, ` +
          `${preview.unknown.length} unknown Y-tunnus, ${preview.withoutBusinessIdCount} without), commit ` +
          `${(commitMs / 1000).toFixed(1)} s (inserted ${report.inserted}, updated ${report.updated}, ` +
          `unchanged ${report.unchanged}, removed ${report.removed}); total ${((previewMs + commitMs) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await app.close();
    await pool.end();
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
