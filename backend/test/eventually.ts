import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until `probe` returns a value: waits for the server's state, never for a fixed time. */
export async function eventually<T>(probe: () => Promise<T | null | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    await sleep(25);
  }
}
