import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from './clock.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { PiiCipher } from './pii-crypto.js';
import type { Viewer } from './viewer.js';

/**
 * Process-wide collaborators, created once at start (`services.ts`) and reached through the context. A module that
 * provides one adds it here by augmenting this interface beside its class, so `common/` names no module and the
 * composition in `services.ts` is checked against every addition.
 */
export interface AppServices {
  config: AppConfig;
  clock: Clock;
  log: Logger;
  pii: PiiCipher;
  /** Connections that run as portfolio_app: every request goes through these. */
  orm: MikroORM;
  /** The one context factory, for HTTP requests, plain routes and WebSocket operations alike. */
  createContext(info: TransportInfo): Promise<AppContext>;
}

/**
 * Request-scoped loaders: the one way field resolvers reach related rows. Each module adds its own in
 * `<module>.loaders.ts` by augmenting this interface; `createLoaders` in `api/src/context.ts` composes them for each context.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' augmentations
export interface Loaders {}

/** What a transport knows about the caller before anything is verified. */
export interface TransportInfo {
  transport: 'http' | 'ws';
  requestId: string;
  sessionToken: string | null;
  ip: string;
  userAgent: string;
  /** HTTP only: how the session cookie is set and cleared. */
  cookies: SessionCookies | null;
  /**
   * WebSocket only: the viewer the socket's admission resolved from its session. A socket is closed as soon as its
   * session ends (revoked anywhere, or expired), so its operations need not look the session up again.
   */
  admittedViewer?: Viewer;
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

/**
 * The same context with some members replaced (the EntityManager of a nested transaction, a seed's viewer and
 * services). What is not replaced is read through to `ctx`, its lazily made members included: a context's getters
 * live on its prototype, which a spread (`{ ...ctx }`) would drop. Unless replaced, the loaders are `ctx`'s own, on
 * its EntityManager, whichever of the two contexts reads them first.
 */
export function contextWith(ctx: AppContext, replaced: Partial<AppContext>): AppContext {
  const members: PropertyDescriptorMap = {};
  for (const [name, value] of Object.entries(replaced)) {
    members[name] = { value, enumerable: true, writable: true, configurable: true };
  }
  return Object.create(ctx, members) as AppContext;
}
