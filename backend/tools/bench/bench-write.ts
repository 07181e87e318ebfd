/**
 * The write in `npm run bench`: the statements a request ran, replayed raw with the ids they hand
 * each other (an INSERT … RETURNING id feeds the follow-up, the audit rows and the re-reads), and the
 * report section that sets the API's write beside that raw transaction.
 */

/** One statement as the app sent it to pg, with the rows PostgreSQL answered. */
export interface Statement {
  text: string;
  values: unknown[];
  /** The rows it answered (an INSERT … RETURNING id hands the new id to the statements after it). */
  returned?: unknown[];
}

/** How one replayed request maps the recorded parameters to its own. */
export interface Replay {
  values(statement: Statement): unknown[];
  /** Learns the ids the replayed statement returned in place of the recorded ones. */
  returned(statement: Statement, rows: unknown[]): void;
}

const idOf = (rows: unknown[] | undefined): unknown =>
  rows?.length === 1 ? (rows[0] as { id?: unknown }).id : undefined;

/**
 * `recordedId` (the employer the request was recorded on) becomes `pickedId`, and every id an
 * INSERT … RETURNING gave while recording becomes the one it gives now, so the replay writes a new
 * entry and its follow-up, audits those, and reads those back, as the API does. Parameters are
 * matched by value: the recorded employer is chosen above every user and campus group id (see the
 * bench's facts), and new rows' ids lie beyond the seeded ones, so no other parameter shares them.
 */
export function replayMapping(recordedId: number | undefined, pickedId: number | undefined): Replay {
  const ids = new Map<unknown, unknown>();
  if (recordedId !== undefined) ids.set(recordedId, pickedId);
  return {
    values: (statement) => statement.values.map((value) => (ids.has(value) ? ids.get(value) : value)),
    returned: (statement, rows) => {
      const recorded = idOf(statement.returned);
      const now = idOf(rows);
      if (/^\s*(INSERT|WITH)\b/i.test(statement.text) && recorded !== undefined && now !== undefined) {
        ids.set(recorded, now);
      }
    },
  };
}

/** A load run's throughput and latencies (ms), as the bench prints them. */
export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** The floor with less SQL (BENCH_FLOOR_VARIANTS=1, bench-floor.ts), at 50 connections. */
export interface FloorVariant {
  label: string;
  /** Null when the variant could not run here; `note` says why. */
  figures: Figures | null;
  note?: string;
}

export interface WriteRow {
  connections: number;
  api: Figures;
  raw: Figures | null;
  /** The same statements behind `node:http` and pg alone (bench-floor.ts): what any Node server reaches here. */
  floor: Figures | null;
}

/** Before the write-path work (issue 12, same machine kind, 50 connections): 300–318 req/s, p99 233–277 ms. */
const BEFORE_RPS = 318;
const WRITE_P99_TARGET_MS = 100;

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const mark = (ok: boolean) => (ok ? '✅' : '❌');

/** The first line of a statement, shortened, for the list in the report. */
function headline(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 110 ? `${line.slice(0, 107)}…` : line;
}

export function writeLines(
  label: string,
  rows: WriteRow[],
  statements: Statement[],
  variants: FloorVariant[] = [],
): string[] {
  if (rows.length === 0) return ['- not measured (BENCH_ONLY)'];
  return [
    `Targets at 50 connections: p99 < ${WRITE_P99_TARGET_MS} ms, ≥ ${2 * BEFORE_RPS} req/s (2× the ${BEFORE_RPS} req/s`,
    'before this work), within 2× of the same statements run as raw SQL (one pg connection per loop).',
    'Floor = the same statements behind the thinnest Node server (`node:http` and pg, nothing between them) with',
    "the app's workers and pool: on this machine no Node server can do this SQL faster than its figure.",
    '',
    '| Scenario | Conns | API req/s | API p50 | API p99 | raw req/s | raw p50 | raw p99 | floor req/s | floor p50 | floor p99 | req/s raw/API | p99 API/raw | req/s floor/API | Targets |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(({ connections, api, raw, floor }) => {
      const rpsRatio = raw ? raw.rps / api.rps : Number.NaN;
      const p99Ratio = raw ? api.p99 / raw.p99 : Number.NaN;
      const clean = api.non2xx === 0 && api.errors === 0;
      const targets =
        connections === 50
          ? `p99 ${mark(api.p99 < WRITE_P99_TARGET_MS && clean)} req/s ${mark(api.rps >= 2 * BEFORE_RPS)} ` +
            `2× raw ${mark(rpsRatio <= 2)}`
          : '';
      return (
        `| ${label} | ${connections} | ${api.rps.toFixed(0)} | ${ms(api.p50)} | ${ms(api.p99)} | ` +
        `${raw ? raw.rps.toFixed(0) : 'n/a'} | ${raw ? ms(raw.p50) : 'n/a'} | ${raw ? ms(raw.p99) : 'n/a'} | ` +
        `${floor ? floor.rps.toFixed(0) : 'n/a'} | ${floor ? ms(floor.p50) : 'n/a'} | ${floor ? ms(floor.p99) : 'n/a'} | ` +
        `${rpsRatio.toFixed(2)} | ${p99Ratio.toFixed(2)} | ${floor ? (floor.rps / api.rps).toFixed(2) : 'n/a'} | ${targets} |`
      );
    }),
    '',
    ...(variants.length
      ? [
          'The floor with less SQL, 50 connections (an experiment: `session_replication_role = replica` switches off',
          "every trigger and foreign-key check; the second also turns the employer's activity update into one that",
          'matches no row, leaving the entry, the follow-up and the two audit rows):',
          '',
          '| Floor variant | req/s | p50 | p99 |',
          '| --- | ---: | ---: | ---: |',
          ...variants.map(({ label: name, figures, note }) =>
            figures
              ? `| ${name} | ${figures.rps.toFixed(0)} | ${ms(figures.p50)} | ${ms(figures.p99)} |`
              : `| ${name} | not measured: ${note ?? ''} | | |`,
          ),
          '',
        ]
      : []),
    `The statements one write ran (recorded from the in-process copy of the app, ${statements.length} round trips;`,
    'the session lookup is served from the session cache in steady state and is not among them):',
    '',
    ...statements.map((statement, index) => `${index + 1}. \`${headline(statement.text)}\``),
  ];
}
