import { Client } from 'pg';

// Any fixed number: all instances of the app on one database share it (advisory locks are per database).
const STARTUP_LOCK = 7_401_312;

/**
 * Runs `work` while holding the database's startup lock, so that instances starting together (two
 * replicas, the workers of a cluster) apply migrations and create the first admin one at a time
 * instead of racing into a duplicate.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'tyoelama-crm-startup' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    // Ending the session releases the lock as well.
    await client.end().catch(() => undefined);
  }
}
