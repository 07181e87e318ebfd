import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import QueryStream from 'pg-query-stream';
import { runMigrations } from '../../src/database/data-source';
import { FILL_NAME_WORDS_SQL } from '../../src/employers/employer-list-sql';
import { fillEmployerCopy } from '../../src/opportunities/opportunities.table';
import { rebuildReportCounts } from '../../src/reports/report-counts';

/** Tables whose triggers keep the report roll-ups (employers' triggers are switched off on their own). */
const ROLLUP_SOURCE_TABLES = [
  'contact_entries',
  'follow_ups',
  'opportunities',
  'opportunity_stage_changes',
  'employer_campus_groups',
];
/** The last migration that changed what the roll-ups count: a backup made before it is recounted. */
const ROLLUPS_CHANGED_BY = 'PipelineRollups1764700600000';

// The built-in backup format, for machines without a pg_dump of the server's major version (the
// embedded PostgreSQL 18 ships none). A gzip'd stream of JSON lines:
//   {"format":"tyoelama-logical","version":1,"createdAt":…,"migrations":[…],"tables":[{"name","rows"}…]}
//   {"table":"campus_groups","columns":[{"name","type"}…],"rows":N}
//   N lines, each one row as to_jsonb(row)
//   … next table …
// Row counts are in the table lines so no row can be mistaken for a table line, whatever its columns.
// The schema itself is not in the file: the restore recreates it by running the app's migrations.

export const LOGICAL_FORMAT = 'tyoelama-logical';
export const LOGICAL_VERSION = 1;
const MIGRATIONS_TABLE = 'migrations';
/** Rows per INSERT, and a byte limit so a few huge rows do not make a huge parameter. */
const CHUNK_ROWS = 1000;
const CHUNK_BYTES = 4 * 1024 * 1024;

export interface LogicalHeader {
  format: typeof LOGICAL_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

interface TableLine {
  table: string;
  columns: { name: string; type: string }[];
  rows: number;
}

type Queryable = Pick<Client, 'query'>;

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function publicTables(client: Queryable): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((row) => row.name);
}

/** table → the other public tables its foreign keys reference. */
async function foreignKeyParents(client: Queryable): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint con
       JOIN pg_class child ON child.oid = con.conrelid
       JOIN pg_class parent ON parent.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of rows) {
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)!.add(parent);
  }
  return parents;
}

/** Tables with every referenced table before the tables referencing it (FKs are not deferrable). */
export async function foreignKeyOrder(client: Queryable): Promise<string[]> {
  const tables = await publicTables(client);
  const parents = await foreignKeyParents(client);
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, path: string[]) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting')
      throw new Error(`Foreign key cycle between tables: ${[...path, table].join(' → ')}`);
    state.set(table, 'visiting');
    for (const parent of [...(parents.get(table) ?? [])].sort())
      if (tables.includes(parent)) visit(parent, [...path, table]);
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

async function columnsOf(
  client: Queryable,
  table: string,
): Promise<{ name: string; type: string; generated: boolean }[]> {
  const { rows } = await client.query<{ name: string; type: string; generated: boolean }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated
       FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [`public.${ident(table)}`],
  );
  return rows;
}

async function appliedMigrations(client: Queryable): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass($1) AS oid`, [`public.${MIGRATIONS_TABLE}`]);
  if (!exists.rows[0].oid) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY timestamp, id`,
  );
  return rows.map((row) => row.name);
}

async function* backupLines(client: Client): AsyncGenerator<string> {
  const tables = await foreignKeyOrder(client);
  const counts: { name: string; rows: number }[] = [];
  for (const name of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${ident(name)}`);
    counts.push({ name, rows: Number(rows[0].n) });
  }
  const header: LogicalHeader = {
    format: LOGICAL_FORMAT,
    version: LOGICAL_VERSION,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(client),
    tables: counts,
  };
  yield `${JSON.stringify(header)}\n`;
  for (const { name, rows } of counts) {
    const columns = (await columnsOf(client, name)).map(({ name: column, type }) => ({ name: column, type }));
    const line: TableLine = { table: name, columns, rows };
    yield `${JSON.stringify(line)}\n`;
    // ::text keeps jsonb's own rendering: numbers beyond 2^53 and exact numerics survive untouched.
    const stream = client.query(
      new QueryStream(`SELECT to_jsonb(t)::text AS row FROM public.${ident(name)} t`, [], { batchSize: 500 }),
    );
    let written = 0;
    for await (const row of stream as AsyncIterable<{ row: string }>) {
      written += 1;
      yield `${row.row}\n`;
    }
    // The snapshot makes this impossible; a mismatch would make the file unreadable, so fail loudly.
    if (written !== rows) throw new Error(`Table ${name}: counted ${rows} rows but read ${written}`);
  }
}

/**
 * Writes a logical backup of the database at `url` to `file`, from one consistent snapshot. The file
 * appears only when complete (written under a temporary name first).
 */
export async function logicalBackup(url: string, file: string): Promise<LogicalHeader> {
  const client = new Client({ connectionString: url, application_name: 'tyoelama-backup' });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let header: LogicalHeader | undefined;
    const lines = backupLines(client);
    const source = Readable.from(
      (async function* () {
        for await (const line of lines) {
          if (!header) header = JSON.parse(line) as LogicalHeader;
          yield line;
        }
      })(),
    );
    await pipeline(source, createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query('COMMIT');
    await rename(partial, file);
    return header!;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** True when `file` is gzip'd and starts with a logical backup header. */
export async function isLogicalBackup(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b) return false;
  } finally {
    await handle.close();
  }
  try {
    return (await readHeader(file)).format === LOGICAL_FORMAT;
  } catch {
    return false;
  }
}

function openLines(file: string): { lines: AsyncIterable<string> & { close(): void }; close(): void } {
  const raw = createReadStream(file);
  const gunzip = createGunzip();
  const lines = createInterface({ input: raw.pipe(gunzip), crlfDelay: Infinity });
  return {
    lines,
    close: () => {
      lines.close();
      gunzip.destroy();
      raw.destroy();
    },
  };
}

async function readHeader(file: string): Promise<LogicalHeader> {
  const reader = openLines(file);
  try {
    for await (const line of reader.lines) return JSON.parse(line) as LogicalHeader;
    throw new Error('Empty backup file');
  } finally {
    reader.close();
  }
}

function checkHeader(header: LogicalHeader, codeMigrations: string[]): void {
  if (header.format !== LOGICAL_FORMAT) throw new Error('Not a Työelämä CRM logical backup');
  if (header.version !== LOGICAL_VERSION) {
    throw new Error(
      `Backup format version ${header.version} is not supported by this version of the app (reads ${LOGICAL_VERSION})`,
    );
  }
  const prefix = header.migrations.every((name, index) => codeMigrations[index] === name);
  if (!prefix) {
    throw new Error(
      `The backup's schema (migrations up to ${header.migrations.at(-1) ?? 'none'}) is not an earlier state of this app's schema ` +
        `(migrations up to ${codeMigrations.at(-1) ?? 'none'}). Restore it with the app version that wrote it.`,
    );
  }
}

/** Refuses a file whose table order would insert a row before the rows its foreign keys reference. */
async function checkTableOrder(client: Queryable, header: LogicalHeader): Promise<void> {
  const parents = await foreignKeyParents(client);
  const inBackup = new Set(header.tables.map((table) => table.name));
  const seen = new Set<string>();
  for (const { name } of header.tables) {
    for (const parent of parents.get(name) ?? []) {
      if (inBackup.has(parent) && !seen.has(parent))
        throw new Error(`Backup lists ${name} before ${parent}, which it references`);
    }
    seen.add(name);
  }
}

async function insertChunk(client: Queryable, table: string, columns: string[], rows: string[]): Promise<void> {
  const list = columns.map(ident).join(', ');
  await client.query(
    `INSERT INTO public.${ident(table)} (${list}) OVERRIDING SYSTEM VALUE
     SELECT ${list} FROM jsonb_populate_recordset(NULL::public.${ident(table)}, $1::jsonb)`,
    [`[${rows.join(',')}]`],
  );
}

/** Every identity/serial column's sequence continues after the restored maximum. */
async function resetSequences(client: Queryable): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS sequence
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL`,
  );
  for (const { table, column, sequence } of rows) {
    await client.query(
      `SELECT setval($1::regclass, COALESCE((SELECT max(${ident(column)}) FROM public.${ident(table)}), 0) + 1, false)`,
      [sequence],
    );
  }
}

/**
 * Replaces the database's contents with a logical backup: migrates the schema to the app's version,
 * then empties and refills every table in ONE transaction, so a failed restore leaves the data as it was.
 * Returns the restored row count per table.
 */
export async function logicalRestore(url: string, file: string): Promise<Record<string, number>> {
  const header = await readHeader(file);
  if (header.format === LOGICAL_FORMAT && header.version === LOGICAL_VERSION) {
    // Before migrating: refuse early (e.g. a backup from a newer app) without touching the target.
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const current = await appliedMigrations(client);
      if (current.length > header.migrations.length) checkHeader(header, current);
    } finally {
      await client.end();
    }
  }
  await runMigrations(url);

  const client = new Client({ connectionString: url, application_name: 'tyoelama-restore' });
  await client.connect();
  let reader: ReturnType<typeof openLines> | undefined;
  try {
    checkHeader(header, await appliedMigrations(client));
    await checkTableOrder(client, header);
    const targetTables = await publicTables(client);
    await client.query('BEGIN');
    // The append-only trigger refuses TRUNCATE on audit_events; a restore is a sanctioned wipe. ALTER
    // TABLE is transactional and locks the table until commit: nobody sees it unprotected.
    await client.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    if (targetTables.length)
      await client.query(`TRUNCATE ${targetTables.map((t) => `public.${ident(t)}`).join(', ')} RESTART IDENTITY`);
    await client.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    // The name-word dictionary's trigger on employers would add words before the backup's own rows
    // of it arrive and make them collide: off while loading (foreign keys are system triggers and
    // stay on), then the dictionary is completed once, for backups made before it existed.
    await client.query(`ALTER TABLE employers DISABLE TRIGGER USER`);
    // The report roll-ups come with the backup: their triggers would count the restored rows twice.
    for (const table of ROLLUP_SOURCE_TABLES) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);

    const restored: Record<string, number> = {};
    reader = openLines(file);
    let current: { table: string; columns: string[]; left: number; inserted: number } | undefined;
    let chunk: string[] = [];
    let chunkBytes = 0;
    const flush = async () => {
      if (current && chunk.length) await insertChunk(client, current.table, current.columns, chunk);
      if (current) current.inserted += chunk.length;
      chunk = [];
      chunkBytes = 0;
    };
    let first = true;
    for await (const line of reader.lines) {
      if (first) {
        first = false;
        continue;
      }
      if (!current || current.left === 0) {
        if (current) restored[current.table] = current.inserted;
        const tableLine = JSON.parse(line) as TableLine;
        if (!targetTables.includes(tableLine.table))
          throw new Error(`Table ${tableLine.table} of the backup does not exist in the database`);
        const target = await columnsOf(client, tableLine.table);
        const writable = new Set(target.filter((column) => !column.generated).map((column) => column.name));
        const missing = tableLine.columns.filter((column) => !target.some((t) => t.name === column.name));
        if (missing.length)
          throw new Error(
            `Table ${tableLine.table}: columns ${missing.map((c) => c.name).join(', ')} of the backup no longer exist`,
          );
        // Columns added by later migrations are left to their defaults.
        current = {
          table: tableLine.table,
          columns: tableLine.columns.map((c) => c.name).filter((c) => writable.has(c)),
          left: tableLine.rows,
          inserted: 0,
        };
        continue;
      }
      chunk.push(line);
      chunkBytes += line.length;
      current.left -= 1;
      if (current.left === 0 || chunk.length >= CHUNK_ROWS || chunkBytes >= CHUNK_BYTES) await flush();
    }
    if (current) restored[current.table] = current.inserted;
    if (current && current.left !== 0) throw new Error(`Backup file ends in the middle of table ${current.table}`);
    for (const { name, rows } of header.tables) {
      if ((restored[name] ?? 0) !== rows)
        throw new Error(`Table ${name}: the backup holds ${rows} rows but ${restored[name] ?? 0} were read`);
    }
    await client.query(FILL_NAME_WORDS_SQL);
    for (const table of ROLLUP_SOURCE_TABLES) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    // A backup made before the roll-ups existed, or before they counted what they count now: count
    // them once from the restored rows.
    if (!header.migrations.includes(ROLLUPS_CHANGED_BY)) await rebuildReportCounts(client);
    // Their insert trigger was off, and a backup made before opportunities carried their employer's
    // values restores them as the columns' defaults: copied once from the restored employers. After
    // the recount, as in the scale seed (before it, the recount slowed down many times over there).
    await fillEmployerCopy(client);
    await client.query(`ALTER TABLE employers ENABLE TRIGGER USER`);
    await resetSequences(client);
    await client.query('COMMIT');
    return restored;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    reader?.close();
    await client.end();
  }
}
