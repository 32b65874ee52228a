type Resolve<T> = (result: IteratorResult<T>) => void;

/**
 * A push-based async iterator: producers push, one consumer awaits; return() ends it and runs the cleanup. An idle
 * subscriber holds one for hours, so an empty queue holds no arrays: one consumer waits in a slot of its own.
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private buffered: T[] | null = null;
  private waiting: Resolve<T> | null = null;
  /** Further consumers waiting at once, after the first (not the usual case). */
  private alsoWaiting: Resolve<T>[] | null = null;
  private done = false;

  constructor(private readonly onClose: () => void = () => {}) {}

  push(value: T): void {
    if (this.done) return;
    const next = this.takeWaiting();
    if (next) next({ value, done: false });
    else (this.buffered ??= []).push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffered && this.buffered.length > 0) {
      const value = this.buffered.shift()!;
      if (this.buffered.length === 0) this.buffered = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      if (!this.waiting) this.waiting = resolve;
      else (this.alsoWaiting ??= []).push(resolve);
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.onClose();
      for (let resolve = this.takeWaiting(); resolve; resolve = this.takeWaiting())
        resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  /** The consumer that has waited longest, if any. */
  private takeWaiting(): Resolve<T> | null {
    const first = this.waiting;
    this.waiting = this.alsoWaiting?.shift() ?? null;
    if (this.alsoWaiting?.length === 0) this.alsoWaiting = null;
    return first;
  }
}
