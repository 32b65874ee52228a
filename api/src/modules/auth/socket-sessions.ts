import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SocketLimits } from '../../common/config.js';
import type { Clock } from '../../common/clock.js';
import type { Logger } from '../../common/logger.js';
import type { Viewer } from '../../common/viewer.js';
import type { AuthService } from './auth.service.js';
import { loggableError } from '../../common/errors.js';

/** Close code for a socket whose session ended (logout, revocation, expiry): graphql-ws clients do not retry it. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

const RENEW_EVERY_MS = 60_000;
/** A row its instance has not renewed for this long belongs to an instance that is gone. */
const STALE_AFTER_MS = 3 * RENEW_EVERY_MS;
/** setTimeout's longest delay; a session lasting longer is looked at again then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/** Expiries this close together are closed by one look through the open sockets. */
const EXPIRY_SWEEP_GAP_MS = 1000;

type Close = (code: number, reason: string) => void;

/**
 * A random UUID to keep for a long time. Node builds `randomUUID()` by joining its hex pairs, which V8 keeps as a
 * chain of joined pieces (about 490 bytes) until the string is first read; reading a character makes it one flat
 * string of 36 bytes. An open socket keeps one for hours, ten thousand sockets an instance.
 */
export function lastingUuid(): string {
  const id = randomUUID();
  id.charCodeAt(0);
  return id;
}

interface OpenSocket {
  id: string;
  viewer: Viewer;
  token: string;
  close: Close;
}

export type Admission =
  { admitted: true; socketId: string; viewer: Viewer } | { admitted: false; reason: 'NO_SESSION' | 'TOO_MANY' };

/**
 * The WebSockets of signed-in sessions on this instance. Each socket holds a row in the database while it is open,
 * so the cap on sockets per session counts the sockets of every instance; a socket closes when its session ends,
 * here or (through the revocation NOTIFY) anywhere else, and with it every subscription it carries.
 */
export class SocketSessions {
  readonly instanceId = randomUUID();
  private readonly open = new Map<string, OpenSocket>();
  private renewal: NodeJS.Timeout | null = null;
  /**
   * One timer for every socket's session expiry (not one per socket: ten thousand idle subscribers), set for the
   * earliest; when it fires, every socket whose session has ended closes, and it is set for the next.
   */
  private expiry: { timer: NodeJS.Timeout; at: number } | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly log: Logger,
    readonly limits: SocketLimits,
  ) {}

  start(): void {
    this.renewal = setInterval(() => void this.renew(), RENEW_EVERY_MS);
    this.renewal.unref();
  }

  stop(): void {
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    if (this.expiry) clearTimeout(this.expiry.timer);
    this.expiry = null;
  }

  get size(): number {
    return this.open.size;
  }

  private staleBefore(): Date {
    return new Date(this.clock.now().getTime() - STALE_AFTER_MS);
  }

  /** A socket asks to open with a session token: it is admitted, or refused with the reason. */
  async admit(token: string | null, close: Close): Promise<Admission> {
    if (!token) return { admitted: false, reason: 'NO_SESSION' };
    const em = this.orm.em.fork();
    const viewer = await this.auth.resolveSession(em, token);
    if (!viewer) return { admitted: false, reason: 'NO_SESSION' };
    const id = lastingUuid();
    const outcome = await this.auth.openSocket(em, token, {
      id,
      instanceId: this.instanceId,
      maxPerSession: this.limits.maxSocketsPerSession,
      staleBefore: this.staleBefore(),
    });
    if (outcome !== 'OPEN') return { admitted: false, reason: outcome };
    const socket: OpenSocket = { id, viewer, token, close };
    this.open.set(id, socket);
    const expiresAt = viewer.sessionExpiresAt.getTime();
    if (expiresAt <= this.clock.now().getTime()) socket.close(SESSION_ENDED_CLOSE_CODE, 'Session expired');
    else this.expireAt(expiresAt);
    return { admitted: true, socketId: id, viewer };
  }

  /** Makes sure the expiry timer fires by `at` (a time by the clock). */
  private expireAt(at: number): void {
    if (this.expiry && this.expiry.at <= at) return;
    if (this.expiry) clearTimeout(this.expiry.timer);
    const timer = setTimeout(
      () => {
        this.expiry = null;
        this.closeExpired();
      },
      Math.min(Math.max(at - this.clock.now().getTime(), 0), LONGEST_TIMER_MS),
    );
    timer.unref();
    this.expiry = { timer, at };
  }

  /** Closes the sockets whose session has expired, and sets the timer for the next expiry. */
  private closeExpired(): void {
    const now = this.clock.now().getTime();
    let next = Infinity;
    for (const socket of this.open.values()) {
      const expiresAt = socket.viewer.sessionExpiresAt.getTime();
      if (expiresAt <= now) socket.close(SESSION_ENDED_CLOSE_CODE, 'Session expired');
      else next = Math.min(next, expiresAt);
    }
    if (next !== Infinity) this.expireAt(Math.max(next, now + EXPIRY_SWEEP_GAP_MS));
  }

  async release(socketId: string): Promise<void> {
    const socket = this.open.get(socketId);
    if (!socket) return;
    this.open.delete(socketId);
    try {
      await this.auth.closeSocket(this.orm.em.fork(), socketId);
    } catch (error) {
      // The row stops counting once it is stale; nothing else depends on it.
      this.log.warn('could not record a closed socket', loggableError(error));
    }
  }

  /** Sessions of this person ended somewhere: close the sockets whose session no longer resolves. */
  async closeRevoked(credentialId: string): Promise<void> {
    const affected = [...this.open.values()].filter((socket) => socket.viewer.credentialId === credentialId);
    if (affected.length === 0) return;
    const em = this.orm.em.fork();
    for (const socket of affected) {
      if (!(await this.auth.resolveSession(em, socket.token))) socket.close(SESSION_ENDED_CLOSE_CODE, 'Session ended');
    }
  }

  /**
   * Every minute: the rows of this instance's open sockets are renewed (and any other row of it dropped), and their
   * sessions looked at again, so a revocation whose notice this instance missed still closes its sockets.
   */
  private async renew(): Promise<void> {
    try {
      const em = this.orm.em.fork();
      const open = [...this.open.values()];
      await this.auth.renewSockets(
        em,
        this.instanceId,
        open.map((socket) => socket.id),
        this.staleBefore(),
      );
      const live = await this.auth.liveTokens(em, [...new Set(open.map((socket) => socket.token))]);
      for (const socket of open) {
        if (!live.has(socket.token)) socket.close(SESSION_ENDED_CLOSE_CODE, 'Session ended');
      }
    } catch (error) {
      this.log.warn('could not renew open sockets', loggableError(error));
    }
  }
}

declare module '../../common/context.js' {
  interface AppServices {
    /** The signed-in WebSockets of this instance, capped per session across instances. */
    sockets: SocketSessions;
  }
}
