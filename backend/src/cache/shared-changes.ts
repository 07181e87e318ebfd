import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** How often every process reads the shared counters: a change elsewhere is seen within this (plus one query). */
export const SHARED_CHANGES_POLL_MS = 200;

/**
 * What a process remembers (results, sessions) is trusted only while its last read of the counters
 * began this recently; past it (database unreachable, a stuck connection) nothing is remembered, so a
 * change elsewhere is never missed for longer than this, whatever happens to the connection.
 */
export const SHARED_CHANGES_TRUST_MS = 1_000;

export type SharedCounter = 'data' | 'sessions';

interface Counts {
  data: string;
  sessions: string;
}

/**
 * Committed changes of every app instance, as counted by PostgreSQL (migration SharedChanges: the
 * writing transaction's own triggers move the counters, so they become visible exactly with the data
 * and no write path can forget them). One connection per process, outside the pool so that a busy
 * pool never delays it, reads their sums; listeners hear when one has moved.
 *
 * Counters rather than LISTEN/NOTIFY: nothing is lost while the connection is down (the sums are
 * compared when it is back), and writes pay one unshared row update instead of NOTIFY's commit lock.
 */
@Injectable()
export class SharedChanges implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SharedChanges.name);
  private readonly listeners: Record<SharedCounter, Set<() => void>> = { data: new Set(), sessions: new Set() };
  private last: Counts | undefined;
  private lastReadStartedAt = Number.NEGATIVE_INFINITY;
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;
  private reading: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** True while the counters were read within SHARED_CHANGES_TRUST_MS: what this process remembers may serve. */
  get current(): boolean {
    return performance.now() - this.lastReadStartedAt <= SHARED_CHANGES_TRUST_MS;
  }

  /** Calls `listener` (synchronously, in the reading loop) whenever the counter has moved. */
  on(counter: SharedCounter, listener: () => void): void {
    this.listeners[counter].add(listener);
  }

  onApplicationBootstrap(): void {
    void this.poll();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reading;
    await this.disconnect();
  }

  /** Reads the counters once now; tests call it to skip the wait for the next round. */
  async poll(): Promise<void> {
    // One read at a time: a test's read and the loop's share the connection.
    while (this.reading) await this.reading;
    if (this.stopped) return;
    this.reading = this.read().finally(() => (this.reading = undefined));
    await this.reading;
  }

  private async read(): Promise<void> {
    clearTimeout(this.timer);
    const startedAt = performance.now();
    try {
      this.client ??= await this.connect();
      const { rows } = await this.client.query<Counts>(
        `SELECT sum(data_changes)::text AS data, sum(session_changes)::text AS sessions FROM shared_changes`,
      );
      const counts = rows[0];
      const before = this.last;
      this.last = counts;
      this.lastReadStartedAt = startedAt;
      if (this.failing) this.logger.log('Reading shared changes again');
      this.failing = false;
      // The first read after the start (or after a restore rewound the counters) cannot tell what
      // moved, so both count as moved; an unchanged sum means nothing committed since the last read.
      for (const counter of ['data', 'sessions'] as const) {
        if (before?.[counter] !== counts[counter]) this.listeners[counter].forEach((listener) => listener());
      }
    } catch (error) {
      if (!this.failing) {
        this.logger.warn(`Cannot read shared changes (${String(error)}); remembering nothing until it works again`);
      }
      this.failing = true;
      await this.disconnect();
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => void this.poll(), SHARED_CHANGES_POLL_MS);
      // The loop never keeps a process alive that is otherwise done.
      this.timer.unref();
    }
  }

  private async connect(): Promise<Client> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({
      connectionString: url,
      application_name: 'tyoelama-crm-changes',
      connectionTimeoutMillis: SHARED_CHANGES_TRUST_MS,
      query_timeout: SHARED_CHANGES_TRUST_MS,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
