import { HttpStatus, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ApiException } from '../http/api-exception';

/**
 * Connections of the pool that long jobs never get: a pool of 4 gives exports and imports 2 at
 * once, so lists, saves and sign-ins always have two connections even when every slot is held by a
 * slow download.
 */
export const CONNECTIONS_KEPT_FOR_REQUESTS = 2;

/** How many long jobs may hold a pooled connection at once in a pool of `poolSize` (always at least one). */
export function longJobSlotCount(poolSize: number): number {
  return Math.max(1, poolSize - CONNECTIONS_KEPT_FOR_REQUESTS);
}

/**
 * What the client is told to wait before trying again: a slot frees when a download or an import
 * ends, which takes seconds to minutes, so retrying at once would only queue again.
 */
export const LONG_JOBS_RETRY_AFTER_SECONDS = 15;

/**
 * Takes a slot before a long job (an export streaming to its client, an import's transaction)
 * acquires its connection, and gives it back after the connection is released; a job that finds no
 * slot free waits in turn for at most `waitMs`, then gets 503 LONG_JOBS_BUSY.
 *
 * The state is per process on purpose: it protects this process's own pool, which no other worker
 * or instance shares, so there is nothing another process would need to know.
 */
export class LongJobSlots {
  private readonly logger = new Logger('LongJobSlots');
  private free: number;
  /** Jobs waiting for a slot, first come first served; `grant` hands one over. */
  private readonly waiting: { grant(): void }[] = [];

  constructor(
    readonly slots: number,
    private readonly waitMs: number,
  ) {
    this.free = slots;
  }

  /** Runs `job` holding a slot; the slot is given back however the job ends. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await job();
    } finally {
      this.release();
    }
  }

  private take(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        this.logger.warn(`No slot for a long job after ${this.waitMs} ms: all ${this.slots} in use`);
        reject(
          new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE,
            'LONG_JOBS_BUSY',
            'Too many exports or imports are running right now',
            { retryAfterSeconds: LONG_JOBS_RETRY_AFTER_SECONDS },
          ),
        );
      }, this.waitMs);
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    // The slot passes straight to the first waiter, so a newcomer never overtakes one; it becomes
    // free only when nobody waits.
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.free += 1;
  }
}

/**
 * One `LongJobSlots` for the process, sized from the app's pool: the features with long jobs
 * (exports, imports) import this module, and Nest gives them the same instance.
 */
@Module({
  providers: [
    {
      provide: LongJobSlots,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new LongJobSlots(longJobSlotCount(config.databasePoolSize), config.longJobWaitMs),
    },
  ],
  exports: [LongJobSlots],
})
export class LongJobSlotsModule {}
