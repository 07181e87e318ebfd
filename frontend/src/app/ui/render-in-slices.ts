import { DestroyRef, PendingTasks, effect, inject, signal, untracked, type Signal } from '@angular/core';

/** Items rendered with the rest of the page, and how many more each later task adds. */
export const FIRST_SLICE = 4;
export const NEXT_SLICE = 6;

/**
 * How many of a list's `total` items to render now, for a first render spread over several tasks:
 * `FIRST_SLICE` with the page, then `NEXT_SLICE` more per task. On a slow phone rendering every row
 * with its buttons in one task blocks the page for a few hundred milliseconds; the rows below the
 * fold can come a task later. Only the first filled render is sliced: after it the limit is
 * `Infinity`, so a reload after a change never takes away a row the user is on. Pending tasks
 * for Angular until then, so `whenStable()` (tests) sees the whole list.
 */
export function renderInSlices(total: Signal<number>): Signal<number> {
  const limit = signal(FIRST_SLICE);
  const pendingTasks = inject(PendingTasks);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let release: (() => void) | undefined;
  const stop = (): void => {
    clearTimeout(timer);
    timer = undefined;
    release?.();
    release = undefined;
  };
  inject(DestroyRef).onDestroy(stop);
  effect(() => {
    const count = total();
    const shown = limit();
    if (shown === Infinity || count === 0 || timer !== undefined) return;
    if (shown >= count) {
      untracked(() => limit.set(Infinity));
      stop();
      return;
    }
    release ??= pendingTasks.add();
    timer = setTimeout(() => {
      timer = undefined;
      limit.update((current) => current + NEXT_SLICE);
    });
  });
  return limit.asReadonly();
}
