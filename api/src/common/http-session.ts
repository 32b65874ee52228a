import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { Request } from 'express';
import { SESSION_COOKIE } from '../modules/auth/auth.service.js';
import type { AppServices } from '../services.js';
import { type AppContext, createContext } from './context.js';
import { currentRequestId } from './request-id.js';

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

export function cookieToken(header: string | undefined): string | null {
  if (!header) return null;
  return parseCookies(header)[SESSION_COOKIE] ?? null;
}

/** The session an HTTP request carries: a bearer token, else the session cookie. */
export function sessionTokenOf(headers: IncomingHttpHeaders): string | null {
  return bearerToken(headers.authorization) ?? cookieToken(headers.cookie);
}

/** The context for a plain HTTP route outside GraphQL (file upload and download), from the same factory. */
export function routeContext(services: AppServices, req: Request): Promise<AppContext> {
  return createContext(services, {
    transport: 'http',
    requestId: currentRequestId(),
    sessionToken: sessionTokenOf(req.headers),
    ip: req.ip ?? '',
    userAgent: req.headers['user-agent'] ?? '',
    cookies: null,
  });
}
