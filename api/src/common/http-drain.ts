import type { Server } from 'node:http';
import type { RequestHandler, Response } from 'express';

/**
 * Lets an HTTP server stop without cutting a request short: it stops listening, answers what is running (an upload
 * half sent, a package being built, a request whose headers are still arriving) with `Connection: close`, and closes
 * each kept-alive connection once it falls idle. Whatever is still open when the grace period ends is cut.
 */
export class HttpDrain {
  private readonly running = new Set<Response>();
  private stopping = false;

  constructor(private readonly server: Server) {}

  /** True from the moment stop() is called: readiness answers 503 from then on. */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** Follows each request until its response is sent or its connection ends. */
  readonly track: RequestHandler = (_req, res, next) => {
    this.running.add(res);
    if (this.stopping) res.setHeader('Connection', 'close');
    const done = () => {
      if (!this.running.delete(res) || !this.stopping) return;
      // A response that had begun before the stop went out kept-alive: its connection is idle only after this tick.
      setImmediate(() => this.server.closeIdleConnections());
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };

  /**
   * Resolves true once every connection has closed (WebSockets are closed by their own server meanwhile), or false
   * when the grace period ended first and the rest were cut.
   */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    // Node closes the idle kept-alive connections here too; connections with a request under way stay.
    const closed = new Promise<boolean>((resolve) => this.server.close(() => resolve(true)));
    for (const res of this.running) if (!res.headersSent) res.setHeader('Connection', 'close');
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      closed,
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!inTime) this.server.closeAllConnections();
    return inTime;
  }
}
