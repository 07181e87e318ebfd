import { Injectable } from '@nestjs/common';

// Bounds how stale a total can be after a change made outside this process (a seed, a restore).
const TOTAL_LIFETIME_MS = 60_000;
const MAX_REMEMBERED_TOTALS = 5_000;

interface RememberedTotal {
  total: number;
  generation: number;
  countedAt: number;
}

/**
 * Totals of the employer list, remembered per filter set and scope. Counting every matching row of
 * a 50 000-employer list on each page request made the count the most expensive part of the list;
 * the same few filter sets (the default list, a campus group's list) are asked for again and again.
 *
 * Only filters on columns that change through `EmployersService` writes and imports may be
 * remembered: both call `changed()` after their commit, which forgets every total.
 */
@Injectable()
export class EmployerListTotals {
  private readonly totals = new Map<string, RememberedTotal>();
  private generation = 0;

  async total(key: string, count: () => Promise<number>): Promise<number> {
    const now = Date.now();
    const remembered = this.totals.get(key);
    if (remembered && remembered.generation === this.generation && now - remembered.countedAt < TOTAL_LIFETIME_MS) {
      return remembered.total;
    }
    const generation = this.generation;
    const total = await count();
    // A change committed while counting may be missing from this figure: keep it only if none came.
    if (generation === this.generation) {
      if (this.totals.size >= MAX_REMEMBERED_TOTALS) this.totals.clear();
      this.totals.set(key, { total, generation, countedAt: now });
    }
    return total;
  }

  /** Call after a committed (or failed) change of employers or their campus groups. */
  changed(): void {
    this.generation += 1;
    this.totals.clear();
  }
}
