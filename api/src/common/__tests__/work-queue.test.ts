import { describe, expect, it } from 'vitest';
import { WorkQueue, WorkQueueFull } from '../work-queue.js';

/** A piece of work that runs until the test lets it finish. */
function held() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a work queue', () => {
  it('runs at most its concurrency at once and the rest in the order they came', async () => {
    const queue = new WorkQueue('test', 2);
    const pieces = Array.from({ length: 5 }, () => held());
    const started: number[] = [];
    const runs = pieces.map((piece, index) =>
      queue.run(() => {
        started.push(index);
        return piece.work();
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect([queue.active, queue.waiting]).toEqual([2, 3]);
    pieces[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    pieces[0]!.fail(new Error('failed work frees its place too'));
    await expect(runs[0]).rejects.toThrow('failed work');
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const piece of pieces) piece.finish();
    await Promise.all(runs.slice(1));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([queue.active, queue.waiting]).toEqual([0, 0]);
  });

  it('refuses a caller at once when as many as it allows are waiting', async () => {
    const queue = new WorkQueue('test', 1, 1);
    const first = held();
    const second = held();
    const running = queue.run(first.work);
    const waiting = queue.run(second.work);
    await expect(queue.run(() => Promise.resolve())).rejects.toBeInstanceOf(WorkQueueFull);
    first.finish();
    second.finish();
    await Promise.all([running, waiting]);
    await expect(queue.run(() => Promise.resolve('room again'))).resolves.toBe('room again');
  });

  it('does not let a newcomer overtake a caller that is waiting', async () => {
    const queue = new WorkQueue('test', 1);
    const order: string[] = [];
    const first = held();
    const running = queue.run(first.work);
    const waiting = queue.run(async () => {
      order.push('waited');
    });
    first.finish();
    // Called in the same turn as the place frees up: it still goes after the one that waited.
    const newcomer = queue.run(async () => {
      order.push('newcomer');
    });
    await Promise.all([running, waiting, newcomer]);
    expect(order).toEqual(['waited', 'newcomer']);
  });
});
