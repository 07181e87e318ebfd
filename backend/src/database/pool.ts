import pg, { type PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { type DatabaseTimeouts, LONG_JOB_TIMEOUT_MS } from '../config/config';

/**
 * How much later than the server's statement_timeout the driver gives up on an answer. The server
 * cancels a slow statement itself; the client-side limit only matters when the server cannot answer
 * at all (stalled disk, SIGSTOP), so it sits just above the server's.
 */
export const CLIENT_TIMEOUT_MARGIN_MS = 2_000;

/** Connection settings (`-c name=value`) that make PostgreSQL itself end long statements, lock waits and abandoned transactions. */
export function serverTimeoutOptions(timeouts: DatabaseTimeouts): string {
  return [
    `-c statement_timeout=${timeouts.statementMs}`,
    `-c lock_timeout=${timeouts.lockMs}`,
    `-c idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`,
  ].join(' ');
}

// The parts of node-postgres' client state that tell whether a connection can be reused. They are
// internal (pg 8.23, pinned): connection-hygiene.spec.ts fails if a later version renames them.
interface ClientState {
  _txStatus?: string | null;
  _activeQuery?: unknown;
  _queryQueue?: unknown[];
  connection?: { stream?: { destroy(): void } };
}

/**
 * A connection is reusable only when PostgreSQL last said "idle, outside a transaction" and nothing
 * is still running on it. Anything else (a transaction the caller could not roll back, a statement
 * the driver stopped waiting for) would hand the next request "current transaction is aborted" or
 * a queue behind a statement that never ends.
 */
export function isReusable(client: PoolClient): boolean {
  const state = client as unknown as ClientState;
  return state._txStatus === 'I' && state._activeQuery == null && (state._queryQueue?.length ?? 0) === 0;
}

function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

/**
 * When the driver's own (client-side) timeout fires, the statement may still run on the server and
 * every later query on the connection would queue behind it. Cut the connection at once: the server
 * ends the backend, the caller's rollback fails fast, and the pool replaces the client.
 */
function cutOnReadTimeout(client: pg.Client): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (isReadTimeout(error)) (client as unknown as ClientState).connection?.stream?.destroy();
      });
    }
    return result;
  };
}

type Release = (destroy?: Error | boolean) => void;
type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: Release) => void;

/**
 * The pool TypeORM gets instead of pg's own: the same pool, except that a released client that is
 * not reusable is destroyed instead of going back to the idle list. TypeORM 1.1 releases with
 * `release()` (no error) after every rollback, even one that failed, so the check cannot be left to it.
 */
class DiscardingPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => cutOnReadTimeout(client));
  }

  // TypeORM calls the callback form; the promise form serves direct users of the pool.
  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (!callback) {
      return super.connect().then((client) => {
        client.release = discardingRelease(client, client.release.bind(client));
        return client;
      });
    }
    super.connect((error, client, release) => {
      if (error || !client) return callback(error, client, release);
      const guarded = discardingRelease(client, release);
      client.release = guarded;
      callback(undefined, client, guarded);
    });
  }
}

function discardingRelease(client: PoolClient, release: Release): Release {
  return (destroy) => release(destroy || !isReusable(client) || undefined);
}

/** node-postgres with the discarding pool, passed to TypeORM as its `driver`. */
export const guardedPg: typeof pg = Object.assign(Object.create(pg) as typeof pg, { Pool: DiscardingPool });

/**
 * Exports and imports may legitimately run for minutes. Raises the server's limits for the rest of
 * the caller's transaction on this connection (SET LOCAL: they end with it) and the driver's own
 * limit until `restore` is called, which the caller does before releasing the connection.
 */
export async function allowLongStatements(client: PoolClient): Promise<{ restore(): void }> {
  await client.query(
    `SELECT set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $1, true)`,
    [String(LONG_JOB_TIMEOUT_MS)],
  );
  const parameters = (client as unknown as { connectionParameters: { query_timeout?: number } }).connectionParameters;
  const before = parameters.query_timeout;
  if (before) parameters.query_timeout = LONG_JOB_TIMEOUT_MS + CLIENT_TIMEOUT_MARGIN_MS;
  return { restore: () => (parameters.query_timeout = before) };
}

/** The same for work inside `dataSource.transaction(manager => …)`; restores the client-side limit when `work` ends. */
export async function withLongStatements<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  if (!manager.queryRunner) throw new Error('withLongStatements needs the manager of a transaction');
  const client = (await manager.queryRunner.connect()) as PoolClient;
  const limits = await allowLongStatements(client);
  try {
    return await work();
  } finally {
    limits.restore();
  }
}
