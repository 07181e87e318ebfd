import { Logger } from '@nestjs/common';
import { ApiException } from '../http/api-exception';
import { LONG_JOBS_RETRY_AFTER_SECONDS, longJobSlotCount, LongJobSlots } from './long-job-slots';

const WAIT_MS = 10_000;

/** A job the test ends when it chooses; `started` tells whether it got its slot. */
function heldJob(slots: LongJobSlots, name: string, log: string[]) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let started = false;
  const result = slots.run(async () => {
    started = true;
    log.push(name);
    await done;
    return name;
  });
  // A rejection is asserted by the test that expects it; none may go unhandled meanwhile.
  result.catch(() => undefined);
  return { result, finish, started: () => started };
}

describe('long-job slots', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('leaves two connections of the pool to ordinary requests, and at least one slot', () => {
    expect(longJobSlotCount(4)).toBe(2);
    expect(longJobSlotCount(10)).toBe(8);
    expect(longJobSlotCount(3)).toBe(1);
    expect(longJobSlotCount(2)).toBe(1);
  });

  it('grants free slots at once and makes the next job wait', async () => {
    const slots = new LongJobSlots(2, WAIT_MS);
    const log: string[] = [];
    const first = heldJob(slots, 'first', log);
    const second = heldJob(slots, 'second', log);
    const third = heldJob(slots, 'third', log);
    await jest.advanceTimersByTimeAsync(0);
    expect([first.started(), second.started(), third.started()]).toEqual([true, true, false]);

    await jest.advanceTimersByTimeAsync(WAIT_MS - 1);
    expect(third.started()).toBe(false);
    first.finish();
    await expect(first.result).resolves.toBe('first');
    await jest.advanceTimersByTimeAsync(0);
    expect(third.started()).toBe(true);
    second.finish();
    third.finish();
    await expect(third.result).resolves.toBe('third');
  });

  it('hands freed slots to the waiting jobs in the order they came, before any newcomer', async () => {
    const slots = new LongJobSlots(1, WAIT_MS);
    const log: string[] = [];
    const holder = heldJob(slots, 'holder', log);
    const waiters = ['a', 'b', 'c'].map((name) => heldJob(slots, name, log));
    await jest.advanceTimersByTimeAsync(0);

    holder.finish();
    await jest.advanceTimersByTimeAsync(0);
    // A job arriving while others wait queues behind them even at the moment a slot is handed over.
    const newcomer = heldJob(slots, 'newcomer', log);
    for (const waiter of waiters) {
      await jest.advanceTimersByTimeAsync(0);
      waiter.finish();
      await waiter.result;
    }
    await jest.advanceTimersByTimeAsync(0);
    newcomer.finish();
    await newcomer.result;
    expect(log).toEqual(['holder', 'a', 'b', 'c', 'newcomer']);
  });

  it('gives up after the bound with 503 LONG_JOBS_BUSY and Retry-After, without taking a slot later', async () => {
    const slots = new LongJobSlots(1, WAIT_MS);
    const log: string[] = [];
    const holder = heldJob(slots, 'holder', log);
    const late = heldJob(slots, 'late', log);
    await jest.advanceTimersByTimeAsync(WAIT_MS);

    const error = await late.result.then(
      () => null,
      (rejected: unknown) => rejected,
    );
    expect(error).toBeInstanceOf(ApiException);
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'LONG_JOBS_BUSY',
      extra: { retryAfterSeconds: LONG_JOBS_RETRY_AFTER_SECONDS },
    });
    expect(late.started()).toBe(false);

    // The slot the holder gives back is free again, not owed to the job that gave up.
    holder.finish();
    await holder.result;
    const next = heldJob(slots, 'next', log);
    await jest.advanceTimersByTimeAsync(0);
    expect(next.started()).toBe(true);
    next.finish();
    await next.result;
    expect(log).toEqual(['holder', 'next']);
  });

  it('gives the slot back when the job fails', async () => {
    const slots = new LongJobSlots(1, WAIT_MS);
    await expect(slots.run(() => Promise.reject(new Error('export failed')))).rejects.toThrow('export failed');
    const log: string[] = [];
    const next = heldJob(slots, 'next', log);
    await jest.advanceTimersByTimeAsync(0);
    expect(next.started()).toBe(true);
    next.finish();
    await next.result;
  });
});
