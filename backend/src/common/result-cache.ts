import type { DataChanges } from './data-changes';

interface Remembered<T> {
  value: Promise<T>;
  generation: number;
  computedAt: number;
}

export interface ResultCacheOptions {
  /** The longest a result is kept even when nothing changed here (time-dependent figures, other processes). */
  lifetimeMs: number;
  maxEntries: number;
}

/**
 * Read results remembered by key until the next committed change (`DataChanges`) or their lifetime.
 * Identical requests arriving together share one computation instead of each running it: fifty
 * dashboards opened at once cost one query, not fifty.
 *
 * A result is kept only when no change came while it was computed, since it may predate that change.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, Remembered<T>>();

  constructor(
    private readonly changes: DataChanges,
    private readonly options: ResultCacheOptions,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const generation = this.changes.generation;
    const remembered = this.entries.get(key);
    if (remembered && remembered.generation === generation && now - remembered.computedAt < this.options.lifetimeMs) {
      return remembered.value;
    }
    if (this.entries.size >= this.options.maxEntries) this.entries.clear();
    const value = compute();
    const entry: Remembered<T> = { value, generation, computedAt: now };
    this.entries.set(key, entry);
    value.then(
      () => {
        if (this.changes.generation !== generation && this.entries.get(key) === entry) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }
}
