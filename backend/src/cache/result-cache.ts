import type { DataChanges } from './data-changes';

interface Remembered<T> {
  value: Promise<T>;
  generation: number;
  computedAt: number;
  refreshing: boolean;
}

/**
 * The one lifetime of remembered results: how stale a figure may get from the clock ("overdue",
 * "this week"); writes of every process reach `DataChanges` within a second.
 */
export const REMEMBERED_LIFETIME_MS = 60_000;

export interface ResultCacheOptions {
  /**
   * How long a result serves before it is recomputed although no change was committed (figures
   * that move with the clock).
   */
  lifetimeMs: number;
  maxEntries: number;
}

/**
 * Read results remembered by key until the next committed change of any process (`DataChanges`). Identical
 * requests arriving together share one computation: fifty dashboards opened at once cost one query.
 *
 * - After a change the next request recomputes and waits for it: a viewer always sees a change.
 * - A result older than its lifetime, with no change since, is served once more while one
 *   recomputation runs in the background, so viewers do not queue behind a routine refresh.
 * - A result is kept only when no change came while it was computed, since it may predate it.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, Remembered<T>>();

  constructor(
    private readonly changes: DataChanges,
    private readonly options: ResultCacheOptions,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = this.changes.generation;
    const remembered = this.entries.get(key);
    if (remembered && remembered.generation === generation) {
      if (!remembered.refreshing && Date.now() - remembered.computedAt >= this.options.lifetimeMs) {
        this.refresh(key, remembered, compute);
      }
      return remembered.value;
    }
    if (this.entries.size >= this.options.maxEntries) this.entries.clear();
    const entry: Remembered<T> = { value: compute(), generation, computedAt: Date.now(), refreshing: false };
    this.entries.set(key, entry);
    entry.value.then(
      () => this.dropIfChangedSince(key, entry),
      () => this.drop(key, entry),
    );
    return entry.value;
  }

  private refresh(key: string, stale: Remembered<T>, compute: () => Promise<T>): void {
    stale.refreshing = true;
    const computedAt = Date.now();
    compute().then(
      (value) => {
        if (this.entries.get(key) !== stale || this.changes.generation !== stale.generation) return;
        this.entries.set(key, {
          value: Promise.resolve(value),
          generation: stale.generation,
          computedAt,
          refreshing: false,
        });
      },
      () => {
        stale.refreshing = false;
      },
    );
  }

  private dropIfChangedSince(key: string, entry: Remembered<T>): void {
    if (this.changes.generation !== entry.generation) this.drop(key, entry);
  }

  private drop(key: string, entry: Remembered<T>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
