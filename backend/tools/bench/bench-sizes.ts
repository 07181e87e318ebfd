import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Figures } from './bench-write';

/**
 * `BENCH_SIZES=size1=/work/bench-data/size1,size10=/work/bench-data/size10 npm run bench`: runs the
 * bench once per scale data folder (one after the other, each with its own raw-SQL replay) and
 * writes one report with the sizes side by side: how each read's p99 grows with the data, and the
 * first report after a change.
 */

/** What the sizes are compared on: the reads a user waits for, and the reports after a change. */
export const SIZE_SCENARIOS = [
  'list-first',
  'list-filtered',
  'list-last-contact',
  'search-name',
  'search-typo',
  'employer-page',
  'timeline',
  'my-work',
  'pipeline-summary',
  'pipeline-summary-campus',
  'dashboard-activity',
];

/** p99 at the largest size within this many times the smallest's. */
const GROWTH_TARGET = 2;
/** The first pipeline summary or dashboard after a change, ms, at every size. */
const AFTER_CHANGE_TARGET_MS = 300;

interface RunResult {
  facts: { employers: number; contactEntries: number; auditEvents: number };
  rows: { scenario: { key: string; label: string }; connections: number; api: Figures; raw: Figures | null }[];
  afterChange: { scenario: { key: string; label: string }; figures: Figures }[];
}

interface SizeRun {
  label: string;
  dataDir: string;
  result: RunResult;
  load: { before: number[]; after: number[] };
  seconds: number;
}

export function parseSizes(value: string): { label: string; dataDir: string }[] {
  return value
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const at = item.indexOf('=');
      if (at <= 0) throw new Error(`BENCH_SIZES: "${item}" is not label=data-folder`);
      return { label: item.slice(0, at), dataDir: resolve(item.slice(at + 1)) };
    });
}

async function runOne(script: string, label: string, dataDir: string, resultsDir: string): Promise<SizeRun> {
  const before = loadavg();
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_DATA_DIR: dataDir,
    BENCH_RESULTS_DIR: resultsDir,
    BENCH_ONLY: process.env.BENCH_ONLY ?? SIZE_SCENARIOS.join(','),
  };
  delete env.BENCH_SIZES;
  console.log(`\n=== ${label}: ${dataDir}`);
  const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`The bench on ${label} exited with code ${code}`);
  const json = (await readdir(resultsDir)).filter((name) => name.endsWith('.json')).sort();
  const result = JSON.parse(await readFile(join(resultsDir, json[json.length - 1]), 'utf8')) as RunResult;
  return { label, dataDir, result, load: { before, after: loadavg() }, seconds: (Date.now() - started) / 1000 };
}

const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(1));
const mark = (ok: boolean) => (ok ? '✅' : '❌');
const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');

export function sizesReport(runs: SizeRun[]): string {
  const first = runs[0];
  const last = runs[runs.length - 1];
  const lines = [
    `# Bench by data size ${new Date().toISOString()}`,
    '',
    ...runs.map(
      (run) =>
        `- **${run.label}** (${run.dataDir}): ${run.result.facts.employers.toLocaleString('en')} employers, ` +
        `${run.result.facts.contactEntries.toLocaleString('en')} contact entries, ` +
        `${run.result.facts.auditEvents.toLocaleString('en')} audit events; load average before ${loads(run.load.before)}, ` +
        `after ${loads(run.load.after)}; ${run.seconds.toFixed(0)} s.`,
    ),
    '',
    'Each size is a full bench run on its own data (the same scenarios and connections), each read with its own',
    'raw-SQL replay in the same run (API/raw: the cost of our layers at that size). The machine is shared: compare',
    'within a row, and the load averages.',
    '',
    '## p99 by size',
    '',
    `Target: p99 at ${last.label} within ${GROWTH_TARGET}× of ${first.label} (at 50 connections).`,
    '',
    `| Scenario | Conns | ${runs.map((run) => `${run.label} p99 / raw p99 ms | ${run.label} API/raw p99`).join(' | ')} | ` +
      `${last.label} ÷ ${first.label} |`,
    `| --- | ---: | ${runs.map(() => '---: | ---:').join(' | ')} | --- |`,
  ];
  for (const row of first.result.rows) {
    const cells = runs.map((run) =>
      run.result.rows.find((other) => other.scenario.key === row.scenario.key && other.connections === row.connections),
    );
    const growth = (cells[cells.length - 1]?.api.p99 ?? Number.NaN) / row.api.p99;
    const growthCell = Number.isFinite(growth)
      ? `${growth.toFixed(2)}${row.connections === 50 ? ` ${mark(growth <= GROWTH_TARGET)}` : ''}`
      : '–';
    lines.push(
      `| ${row.scenario.label} | ${row.connections} | ${cells
        .map((cell) =>
          cell
            ? `${ms(cell.api.p99)} / ${cell.raw ? ms(cell.raw.p99) : 'n/a'} | ${cell.raw ? (cell.api.p99 / cell.raw.p99).toFixed(2) : 'n/a'}`
            : '– | –',
        )
        .join(' | ')} | ${growthCell} |`,
    );
  }
  lines.push(
    '',
    '## First pipeline summary and dashboard after a change',
    '',
    `Each sample logs a contact entry, waits until every worker has seen it, then reads once (one connection). Target < ${AFTER_CHANGE_TARGET_MS} ms (p50 and max).`,
    '',
    `| Scenario | ${runs.map((run) => `${run.label} p50 / max ms`).join(' | ')} | Target |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} | --- |`,
  );
  for (const row of first.result.afterChange) {
    const cells = runs.map((run) => run.result.afterChange.find((other) => other.scenario.key === row.scenario.key));
    const worst = cells[cells.length - 1]?.figures.p99 ?? Number.NaN;
    lines.push(
      `| ${row.scenario.label} | ${cells.map((cell) => (cell ? `${ms(cell.figures.p50)} / ${ms(cell.figures.p99)}` : '–')).join(' | ')} | ` +
        `< ${AFTER_CHANGE_TARGET_MS} ${mark(worst < AFTER_CHANGE_TARGET_MS)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `script` (the bench itself) per size and writes the side-by-side report; returns its path. */
export async function benchSizes(script: string, sizes: string, resultsDir: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const runs: SizeRun[] = [];
  for (const { label, dataDir } of parseSizes(sizes)) {
    const dir = join(resultsDir, `sizes-${stamp}`, label);
    await mkdir(dir, { recursive: true });
    runs.push(await runOne(script, label, dataDir, dir));
  }
  const file = join(resultsDir, `bench-sizes-${stamp}.md`);
  const report = sizesReport(runs);
  await writeFile(file, report);
  console.log(`\n${report}\nWritten to ${file}`);
  return file;
}
