import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { Clock } from './clock.js';
import type { AppContext, AppServices, SessionCookies } from './context.js';
import { AppError, ErrorCode } from './errors.js';
import { currentRequestId } from './request-id.js';
import { applyTenantScope } from './tenant.js';
import type { Viewer } from './viewer.js';
import { mayUseRoutes } from './viewer-restriction.js';

export const SESSION_COOKIE = 'portfolio_session';

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

/**
 * The session cookie as the login and logout mutations ask for it, sent only once the request's transaction has
 * committed: a session rolled back with the rest of the request must never reach the browser.
 */
export function sessionCookies(res: Response, secure: boolean, clock: Clock): SessionCookies {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  let pending: (() => void) | null = null;
  return {
    // Max-Age rather than Expires: a school PC with a wrong clock would otherwise drop the cookie at once.
    set: (token, expiresAt) => {
      pending = () =>
        res.cookie(SESSION_COOKIE, token, {
          ...base,
          maxAge: Math.max(0, expiresAt.getTime() - clock.now().getTime()),
        });
    },
    clear: () => {
      pending = () => res.clearCookie(SESSION_COOKIE, base);
    },
    committed: () => {
      pending?.();
      pending = null;
    },
  };
}

/**
 * The context for a plain HTTP route outside GraphQL (file upload and download, single sign-on), from the same
 * factory. `cookies`: for a route that signs in.
 */
export function routeContext(
  services: AppServices,
  req: Request,
  cookies: SessionCookies | null = null,
): Promise<AppContext> {
  return services.createContext({
    transport: 'http',
    requestId: currentRequestId(),
    sessionToken: sessionTokenOf(req.headers),
    ip: req.ip ?? '',
    userAgent: req.headers['user-agent'] ?? '',
    cookies,
  });
}

const ROUTE_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
};

/**
 * What a plain HTTP route reads, as the session's viewer, in a read-only transaction scoped to their tenant and
 * always rolled back. Without a session (or, with `schoolOnly`, without a school) it answers 401; the thrown errors a
 * user can read (not found, forbidden, bad input) become their status with the Chinese message. Returns undefined
 * when it has answered.
 */
export async function readForRoute<T>(
  services: AppServices,
  req: Request,
  res: Response,
  read: (ctx: AppContext, viewer: Viewer) => Promise<T>,
  options: { schoolOnly?: boolean } = {},
): Promise<T | undefined> {
  const ctx = await routeContext(services, req);
  const viewer = ctx.viewer;
  if (!viewer || (options.schoolOnly && !viewer.schoolId)) {
    res.status(401).type('text/plain; charset=utf-8').send('請先登入。');
    return undefined;
  }
  if (!mayUseRoutes(viewer)) {
    res.status(403).type('text/plain; charset=utf-8').send(viewer.restriction!.message);
    return undefined;
  }
  await ctx.em.begin();
  try {
    await applyTenantScope(ctx.em, { schoolId: viewer.schoolId, authorityId: viewer.authorityId });
    return await read(ctx, viewer);
  } catch (error) {
    const status = error instanceof AppError ? ROUTE_STATUS[String(error.extensions.code)] : undefined;
    if (!status) throw error;
    res
      .status(status)
      .type('text/plain; charset=utf-8')
      .send((error as AppError).message);
    return undefined;
  } finally {
    await ctx.em.rollback();
  }
}
