import 'reflect-metadata';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { logicalBackup } from './logical-backup';
import { dumpDatabase, pgDumpFor } from './pg-tools';
import { runScript, withOpenDatabase } from './script';

export type BackupFormat = 'pg_dump' | 'logical';

/**
 * `backups/tyoelama-YYYYMMDD-HHMMSS.dump` (pg_dump custom format) or `….crmdump.gz` (built-in logical
 * format), local time, so files sort by date.
 */
export function backupFileName(now = new Date(), format: BackupFormat = 'pg_dump'): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `tyoelama-${date}-${time}.${format === 'logical' ? 'crmdump.gz' : 'dump'}`;
}

/**
 * pg_dump when one matching the server's major version is installed (or in PG_BIN_DIR); otherwise
 * the built-in logical format, which needs no client programs at all.
 */
export async function backupDatabase(
  url: string,
  folder: string,
  now = new Date(),
): Promise<{ file: string; via: string }> {
  const tool = await pgDumpFor(url);
  if (tool) {
    const file = join(folder, backupFileName(now, 'pg_dump'));
    await dumpDatabase(url, file, tool);
    return { file, via: `${tool.path}, PostgreSQL ${tool.major}` };
  }
  const file = join(folder, backupFileName(now, 'logical'));
  const header = await logicalBackup(url, file);
  const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
  return { file, via: `built-in logical format, ${header.tables.length} tables, ${rows} rows` };
}

// `npm run backup`: the configured database, as the owner: the app role may not read the migration
// history the backup records.
async function main(): Promise<void> {
  const config = loadConfig();
  const folder = resolve(process.env.BACKUP_DIR ?? 'backups');
  await mkdir(folder, { recursive: true });
  await withOpenDatabase(config, async (database) => {
    const { file, via } = await backupDatabase(database.ownerUrl, folder);
    const { size } = await stat(file);
    console.log(`Backup written: ${file} (${(size / 1024).toFixed(1)} kB, ${via})`);
    console.log(`Restore with: npm run restore -- ${file}`);
  });
}

runScript(module, main);
