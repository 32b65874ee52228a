import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const current = new AsyncLocalStorage<string>();

/**
 * Gives every HTTP request an id, sent back as X-Request-Id and shown in error messages, so a student can quote it
 * to the school and the log line can be found. Apollo's formatError has no context; it reads the id from here.
 */
export function requestIdMiddleware(_req: Request, res: Response, next: NextFunction): void {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  current.run(id, next);
}

export function currentRequestId(): string {
  return current.getStore() ?? randomUUID();
}
