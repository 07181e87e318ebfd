import { DataChanges } from './data-changes';
import { ResultCache } from './result-cache';

describe('ResultCache', () => {
  let changes: DataChanges;
  let cache: ResultCache<number>;
  let computed: number;
  const compute = (value: number) => () => {
    computed += 1;
    return Promise.resolve(value);
  };

  beforeEach(() => {
    changes = new DataChanges();
    cache = new ResultCache(changes, { lifetimeMs: 1_000, maxEntries: 10 });
    computed = 0;
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => jest.useRealTimers());

  it('computes once per key until a change', async () => {
    expect(await cache.get('a', compute(1))).toBe(1);
    expect(await cache.get('a', compute(2))).toBe(1);
    expect(await cache.get('b', compute(3))).toBe(3);
    changes.changed();
    expect(await cache.get('a', compute(4))).toBe(4);
    expect(computed).toBe(3);
  });

  it('shares one computation between requests arriving together', async () => {
    let release!: (value: number) => void;
    const slow = () => {
      computed += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = cache.get('a', slow);
    const second = cache.get('a', slow);
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(computed).toBe(1);
  });

  it('does not keep a result when a change came while it was computed', async () => {
    let release!: (value: number) => void;
    const pending = cache.get('a', () => new Promise<number>((resolve) => (release = resolve)));
    changes.changed();
    release(1);
    expect(await pending).toBe(1);
    expect(await cache.get('a', compute(2))).toBe(2);
  });

  it('after its lifetime serves the result once more while recomputing it in the background', async () => {
    await cache.get('a', compute(1));
    jest.setSystemTime(1_000);
    let release!: (value: number) => void;
    const slow = () => {
      computed += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    expect(await cache.get('a', slow)).toBe(1);
    expect(await cache.get('a', slow)).toBe(1);
    release(2);
    await Promise.resolve();
    expect(await cache.get('a', compute(3))).toBe(2);
    expect(computed).toBe(2);
  });

  it('never keeps a failure', async () => {
    await expect(cache.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await Promise.resolve();
    expect(await cache.get('b', compute(3))).toBe(3);
  });
});
