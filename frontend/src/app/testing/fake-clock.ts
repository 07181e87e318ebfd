import { jest } from '@jest/globals';

/**
 * `whenStable()` (of a fixture or the ApplicationRef) for a test on Jest's fake clock. Zoneless change detection is scheduled on
 * a timer, so the clock moves 1 ms at a time (a zero-delay timer set while the clock ticks is due
 * 1 ms later) until the app is stable: a few milliseconds, far short of any debounce.
 */
export async function whenStableOnFakeClock(app: { whenStable(): Promise<unknown> }): Promise<void> {
  let stable = false;
  const done = app.whenStable().then(() => {
    stable = true;
  });
  for (let step = 0; step < 20 && !stable; step += 1) await jest.advanceTimersByTimeAsync(1);
  if (!stable) throw new Error('The app did not become stable within 20 ms of the fake clock');
  await done;
}
