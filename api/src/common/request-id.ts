import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What one HTTP request carries for the code it passes through: its id, and the GraphQL operation once known. */
export interface RequestScope {
  readonly id: string;
  /** The operation's name from the parsed document (see graphqlOperationLabel), for the access log line. */
  operation?: string;
}

const current = new AsyncLocalStorage<RequestScope>();

/**
 * An id the load balancer assigned: kept, so one id follows the request from the balancer's log to ours. Anything
 * else in the header (a line break, a quote, a kilobyte) never reaches a log line or a message: a new id replaces it.
 */
const PLAUSIBLE_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && PLAUSIBLE_ID.test(header) ? header : randomUUID();
}

/**
 * Gives every HTTP request an id, sent back as X-Request-Id and shown in error messages, so a student can quote it
 * to the school and the log line can be found. Apollo's formatError has no context; it reads the id from here.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', id);
  current.run({ id }, next);
}

export function currentRequestId(): string {
  return current.getStore()?.id ?? randomUUID();
}

/** The scope of the HTTP request being served, if any (not on a WebSocket). */
export function currentRequestScope(): RequestScope | undefined {
  return current.getStore();
}
