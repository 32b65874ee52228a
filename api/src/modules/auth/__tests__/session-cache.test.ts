import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/clock.js';
import { SessionCache } from '../session-cache.js';

const AGE_MS = 30_000;

function cacheAt(clock: ManualClock, maxEntries = 100) {
  const cache = new SessionCache<string>(clock, AGE_MS, maxEntries);
  let lookups = 0;
  const lookUp = (row: string | undefined) => async () => {
    lookups += 1;
    return row;
  };
  return { cache, lookUp, lookups: () => lookups };
}

describe('the sessions an instance keeps', () => {
  it('keeps nothing until its LISTEN is in place, and nothing once it is lost', async () => {
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const { cache, lookUp, lookups } = cacheAt(clock);
    await cache.resolve('a', lookUp('row'));
    await cache.resolve('a', lookUp('row'));
    expect(lookups()).toBe(2);
    cache.listening();
    await cache.resolve('a', lookUp('row'));
    expect(await cache.resolve('a', lookUp('other'))).toBe('row');
    expect(lookups()).toBe(3);
    cache.lost();
    expect(await cache.resolve('a', lookUp('other'))).toBe('other');
    expect(cache.size).toBe(0);
  });

  it('forgets everything on a change, and does not keep a lookup that began before it', async () => {
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const { cache, lookUp } = cacheAt(clock);
    cache.listening();
    await cache.resolve('a', lookUp('before'));
    cache.changed();
    expect(await cache.resolve('a', lookUp('after'))).toBe('after');

    let answer: (row: string) => void = () => undefined;
    const pending = cache.resolve('b', () => new Promise<string>((resolve) => (answer = resolve)));
    cache.changed(); // committed while the lookup was on its way: its row may predate the change
    answer('stale');
    expect(await pending).toBe('stale');
    expect(await cache.resolve('b', lookUp('fresh'))).toBe('fresh');
  });

  it('looks a session up again once it is older than its age, and never keeps unknown tokens', async () => {
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const { cache, lookUp, lookups } = cacheAt(clock);
    cache.listening();
    await cache.resolve('a', lookUp('row'));
    clock.set(new Date(clock.now().getTime() + AGE_MS - 1));
    await cache.resolve('a', lookUp('row'));
    expect(lookups()).toBe(1);
    clock.set(new Date(clock.now().getTime() + 1));
    await cache.resolve('a', lookUp('row'));
    expect(lookups()).toBe(2);
    await cache.resolve('nobody', lookUp(undefined));
    await cache.resolve('nobody', lookUp(undefined));
    expect(lookups()).toBe(4);
  });

  it('holds at most its number of entries, dropping the oldest', async () => {
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const { cache, lookUp, lookups } = cacheAt(clock, 3);
    cache.listening();
    for (const key of ['a', 'b', 'c', 'd']) await cache.resolve(key, lookUp(key));
    expect(cache.size).toBe(3);
    await cache.resolve('d', lookUp('d'));
    expect(lookups()).toBe(4);
    await cache.resolve('a', lookUp('a'));
    expect(lookups()).toBe(5);
  });
});
