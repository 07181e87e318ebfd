import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import pg from 'pg';

/**
 * Plain SQL against the run's embedded database, for rows no API writes (the national-data tables
 * are filled by file imports): the same server the product runs on, found in its data folder.
 */
export async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set');
  const password = readFileSync(join(dataDir, '.pg-password'), 'utf8').trim();
  // postmaster.pid: pid, data folder, start time, port, …
  const port = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'tyoelama' });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A 64-hex keyed-hash stand-in, as the importers store for students and periods. */
export function hashKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
