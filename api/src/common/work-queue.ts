/** Thrown by WorkQueue.run when `maxWaiting` callers are already waiting: the caller answers "busy, retry later". */
export class WorkQueueFull extends Error {
  constructor(readonly queue: string) {
    super(`${queue}: too many waiting`);
  }
}

/**
 * At most `concurrency` pieces of work at once; the rest wait their turn, first come first served (a fair queue, so a
 * request that arrived first is not overtaken by later ones). With `maxWaiting`, a caller beyond that many waiting is
 * refused at once with WorkQueueFull rather than queued without end. Work that throws frees its place as well.
 *
 * Why: some work holds much memory or a scarce thread while it runs (an argon2 hash holds 19 MiB on one of libuv's
 * four threads; a streamed upload holds socket and file buffers). Bounding how many run at once bounds that memory,
 * and on a machine with few cores running more at once would not finish any sooner.
 */
export class WorkQueue {
  private running = 0;
  /** Callers waiting for a place, oldest first; `head` is the index of the oldest (no shift() over a long queue). */
  private waiters: (() => void)[] = [];
  private head = 0;

  constructor(
    readonly name: string,
    readonly concurrency: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`${name}: concurrency must be ≥ 1`);
  }

  /** Work running now. */
  get active(): number {
    return this.running;
  }

  /** Callers waiting for a place. */
  get waiting(): number {
    return this.waiters.length - this.head;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency && this.waiting === 0) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting >= this.maxWaiting) return Promise.reject(new WorkQueueFull(this.name));
    // The place is handed over by release(): `running` is not decremented and incremented again, so no newcomer can
    // take it in between.
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    if (this.waiting > 0) {
      const next = this.waiters[this.head]!;
      this.head += 1;
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters = this.waiters.slice(this.head);
        this.head = 0;
      }
      next();
      return;
    }
    this.running -= 1;
    if (this.waiters.length > 0) {
      this.waiters = [];
      this.head = 0;
    }
  }
}

/** What waits in a WorkQueue for an HTTP request (Express types stay out of this leaf). */
interface QueuedRequest {
  method: string;
}
interface QueuedResponse {
  once(event: 'close', listener: () => void): unknown;
  status(code: number): QueuedResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
}

/**
 * Express middleware: a request goes on once it has a place in `queue` and holds it until its response is finished or
 * its connection closed. Waiting costs the request little: its body is not read on (at most the first network read
 * sits in Node's buffer), so TCP holds the client back. With the queue full, the answer is 503 with Retry-After,
 * before anything else in the request has run.
 *
 * Why: a burst of several hundred requests on a few cores otherwise runs them all at once, each taking seconds, so the
 * objects every request makes outlive V8's young generation and fill the old one with garbage that only a full
 * collection frees, and the process grows by hundreds of MiB. Run a few dozen at a time (more than the database pool
 * could serve at once anyway), each finishes in milliseconds and its garbage dies young; throughput is the same.
 */
export function queuedRequests(
  queue: WorkQueue,
  busy: { retryAfterSeconds: number; body: () => unknown },
): (req: QueuedRequest, res: QueuedResponse, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') {
      next();
      return;
    }
    let release: (() => void) | undefined;
    let closed = false;
    res.once('close', () => {
      closed = true;
      release?.();
    });
    queue
      .run(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
            // The client went away while it waited: its place passes straight on.
            if (closed) resolve();
            else next();
          }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof WorkQueueFull)) {
          next(error);
          return;
        }
        res.setHeader('Retry-After', String(busy.retryAfterSeconds));
        res.status(503).json(busy.body());
      });
  };
}
