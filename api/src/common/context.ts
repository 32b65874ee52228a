import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../services.js';
import { createLoaders, type Loaders } from './loaders.js';
import { TENANT_FILTER } from './school-owned.entity.js';
import type { Viewer } from './viewer.js';

/** What a transport knows about the caller before anything is verified. */
export interface TransportInfo {
  transport: 'http' | 'ws';
  requestId: string;
  sessionToken: string | null;
  ip: string;
  userAgent: string;
  /** HTTP only: how the session cookie is set and cleared. */
  cookies: SessionCookies | null;
}

/** How login and logout change the session cookie; nothing is sent before the request's transaction commits. */
export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
  /** The request's transaction committed: send what set or clear asked for. */
  committed(): void;
}

export interface AppContext {
  requestId: string;
  transport: 'http' | 'ws';
  /** Verified from the server-side session, never from input. Replaced only by login and logout. */
  viewer: Viewer | null;
  sessionToken: string | null;
  ip: string;
  userAgent: string;
  cookies: SessionCookies | null;
  em: EntityManager;
  loaders: Loaders;
  services: AppServices;
}

/** The one context factory, for HTTP requests and WebSocket operations alike. */
export async function createContext(services: AppServices, info: TransportInfo): Promise<AppContext> {
  const em = services.orm.em.fork();
  const viewer = await services.auth.resolveSession(em, info.sessionToken);
  em.setFilterParams(TENANT_FILTER, { schoolId: viewer?.schoolId ?? null });
  return {
    requestId: info.requestId,
    transport: info.transport,
    viewer,
    sessionToken: viewer ? info.sessionToken : null,
    ip: info.ip,
    userAgent: info.userAgent,
    cookies: info.cookies,
    em,
    loaders: createLoaders(em, services.clock),
    services,
  };
}
