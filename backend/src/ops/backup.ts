import 'reflect-metadata';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/open-database';
import { dumpDatabase } from './pg-tools';

/** `backups/tyoelama-YYYYMMDD-HHMMSS.dump`, local time, so files sort by date. */
export function backupFileName(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `tyoelama-${date}-${time}.dump`;
}

// `npm run backup`: DATABASE_URL's database, or the embedded one (started the way the app starts it,
// or shared with a running app).
async function main(): Promise<void> {
  const config = loadConfig();
  const folder = resolve(process.env.BACKUP_DIR ?? 'backups');
  await mkdir(folder, { recursive: true });
  const file = join(folder, backupFileName());
  const database = await openDatabase(config, (message) => console.log(message));
  try {
    const tool = await dumpDatabase(database.url, file);
    const { size } = await stat(file);
    console.log(`Backup written: ${file} (${(size / 1024).toFixed(1)} kB, ${tool.path}, PostgreSQL ${tool.major})`);
    console.log(`Restore with: npm run restore -- ${file}`);
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
