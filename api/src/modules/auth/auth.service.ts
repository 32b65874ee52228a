import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoginThrottlePolicy } from '../../config.js';
import type { Clock } from '../../common/clock.js';
import { newId } from '../../common/ids.js';
import { formatRocDateTime } from '../../common/roc.js';
import { pgTextArray, toDate } from '../../common/sql.js';
import { userError, type UserError } from '../../common/user-error.js';
import type { AccountKind, Viewer } from '../../common/viewer.js';
import type { AdminSection, Role } from '../people/people.enums.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.js';

export const SESSION_COOKIE = 'portfolio_session';

/** NOTIFY channel telling every instance that sessions of one person ended, so open subscriptions can be closed. */
export const SESSIONS_REVOKED_CHANNEL = 'sessions_revoked';

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
  userAgent: string;
}

export type LoginOutcome =
  | { ok: true; viewer: Viewer; token: string }
  | { ok: false; userErrors: UserError[]; retryAfterSeconds: number | null };

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  isCurrent: boolean;
}

interface SessionRow {
  session_id: string;
  credential_id: string;
  kind: AccountKind;
  account_id: string;
  school_id: string | null;
  authority_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  admin_sections: AdminSection[];
  expires_at: string;
}

const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * Local accounts and server-side sessions. Every statement goes through the SECURITY DEFINER auth_* functions:
 * the application role cannot read credentials or sessions directly.
 */
export class AuthService {
  constructor(
    private readonly clock: Clock,
    private readonly throttle: LoginThrottlePolicy,
    private readonly sessionTtlHours: number,
  ) {}

  async resolveSession(em: EntityManager, token: string | null): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const rows = await em.execute<SessionRow[]>('select * from auth_resolve_session(?, ?)', [
      hashToken(token),
      this.clock.now(),
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.session_id,
      credentialId: row.credential_id,
      kind: row.kind,
      accountId: row.account_id,
      schoolId: row.school_id,
      authorityId: row.authority_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      adminSections: row.admin_sections,
      sessionExpiresAt: toDate(row.expires_at),
    };
  }

  /**
   * Checks a password and opens a session. The throttle is written by `throttleEm`, outside the request's
   * transaction: whatever else the request does, a counted failure stays counted. Keys, most specific first: the
   * login name from this address (the owner elsewhere is not locked out by a guesser), the login name from anywhere
   * (a far higher ceiling), and the address (one address guessing many names).
   */
  async login(em: EntityManager, throttleEm: EntityManager, attempt: LoginAttempt): Promise<LoginOutcome> {
    const username = attempt.username.trim();
    const missing: UserError[] = [];
    if (username === '') missing.push(userError('username', 'REQUIRED', '請輸入帳號。'));
    if (attempt.password === '') missing.push(userError('password', 'REQUIRED', '請輸入密碼。'));
    if (missing.length > 0) return { ok: false, userErrors: missing, retryAfterSeconds: null };

    const now = this.clock.now();
    const policy = this.throttle;
    const name = username.toLowerCase();
    const keys = [`pair:${name}|${attempt.ip}`, `account:${name}`, `address:${attempt.ip}`];
    const maxes = [policy.pairMaxFailures, policy.accountMaxFailures, policy.addressMaxFailures];
    const [begun] = await throttleEm.execute<{ refused_until: string | null }[]>(
      'select auth_throttle_begin(?::text[], ?::int[], ?, ?, ?, ?) as refused_until',
      [
        pgTextArray(keys),
        `{${maxes.join(',')}}`,
        policy.failureWindowSeconds,
        policy.lockBaseSeconds,
        policy.lockMaxSeconds,
        now,
      ],
    );
    if (begun?.refused_until) return this.lockedOutcome(toDate(begun.refused_until), now);

    const [credential] = await em.execute<{ credential_id: string; password_hash: string; active: boolean }[]>(
      'select * from auth_find_credential(?)',
      [username],
    );
    const passwordOk = await verifyPassword(credential?.password_hash ?? (await decoyPasswordHash()), attempt.password);
    if (!credential || !passwordOk) {
      const [failed] = await throttleEm.execute<{ locked_until: string | null }[]>(
        'select auth_throttle_failed(?::text[], ?::int[], ?, ?, ?) as locked_until',
        [pgTextArray(keys), `{${maxes.join(',')}}`, policy.lockBaseSeconds, policy.lockMaxSeconds, now],
      );
      if (failed?.locked_until) return this.lockedOutcome(toDate(failed.locked_until), now);
      return {
        ok: false,
        userErrors: [userError('password', 'INVALID_CREDENTIALS', '帳號或密碼錯誤，請再試一次。')],
        retryAfterSeconds: null,
      };
    }
    await throttleEm.execute('select auth_throttle_succeeded(?::text[], ?::text[])', [
      pgTextArray(keys.slice(0, 2)),
      pgTextArray(keys.slice(2)),
    ]);
    if (!credential.active) {
      return {
        ok: false,
        userErrors: [userError('username', 'ACCOUNT_DISABLED', '此帳號已停用，請洽學校資訊組。')],
        retryAfterSeconds: null,
      };
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.sessionTtlHours * 3600_000);
    await em.execute('select auth_create_session(?, ?, ?, ?, ?, ?, ?)', [
      newId(),
      credential.credential_id,
      hashToken(token),
      now,
      expiresAt,
      attempt.userAgent,
      attempt.ip,
    ]);
    const viewer = await this.resolveSession(em, token);
    if (!viewer) throw new Error('a session just created could not be resolved');
    return { ok: true, viewer, token };
  }

  private lockedOutcome(lockedUntil: Date, now: Date): LoginOutcome {
    const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
    const wait = seconds >= 60 ? `約 ${Math.ceil(seconds / 60)} 分鐘` : `${seconds} 秒`;
    return {
      ok: false,
      userErrors: [
        userError(
          null,
          'TOO_MANY_ATTEMPTS',
          `登入失敗次數過多，為保護帳號已暫停登入，請於 ${formatRocDateTime(lockedUntil)} 後再試（${wait}）。`,
        ),
      ],
      retryAfterSeconds: seconds,
    };
  }

  /** Tells every instance, when the transaction commits, that sessions of this person ended. */
  async announceRevocation(em: EntityManager, credentialId: string): Promise<void> {
    await em.execute('select pg_notify(?, ?)', [SESSIONS_REVOKED_CHANNEL, JSON.stringify({ credentialId })]);
  }

  /** Ends the presented session; with allSessions, every session of the same person. Returns how many ended. */
  async logout(em: EntityManager, token: string, allSessions: boolean, credentialId: string): Promise<number> {
    const now = this.clock.now();
    const [row] = allSessions
      ? await em.execute<{ count: number }[]>('select auth_revoke_sessions(?, null, ?) as count', [
          hashToken(token),
          now,
        ])
      : await em.execute<{ count: number }[]>('select auth_revoke_session_by_token(?, ?) as count', [
          hashToken(token),
          now,
        ]);
    if (row?.count) await this.announceRevocation(em, credentialId);
    return row?.count ?? 0;
  }

  async revokeSession(em: EntityManager, token: string, sessionId: string, credentialId: string): Promise<boolean> {
    const [row] = await em.execute<{ count: number }[]>('select auth_revoke_sessions(?, ?, ?) as count', [
      hashToken(token),
      sessionId,
      this.clock.now(),
    ]);
    if (row?.count) await this.announceRevocation(em, credentialId);
    return (row?.count ?? 0) > 0;
  }

  async listSessions(em: EntityManager, token: string): Promise<SessionSummary[]> {
    const rows = await em.execute<
      {
        session_id: string;
        created_at: string;
        last_seen_at: string;
        expires_at: string;
        user_agent: string | null;
        ip: string | null;
        is_current: boolean;
      }[]
    >('select * from auth_list_sessions(?, ?)', [hashToken(token), this.clock.now()]);
    return rows.map((row) => ({
      id: row.session_id,
      createdAt: toDate(row.created_at),
      lastSeenAt: toDate(row.last_seen_at),
      expiresAt: toDate(row.expires_at),
      userAgent: row.user_agent,
      ip: row.ip,
      isCurrent: row.is_current,
    }));
  }

  /**
   * Claims a place for one more WebSocket of the session behind a token, counted across every instance: OPEN, or
   * why not. `staleBefore` is when rows stop counting that their instance no longer renews.
   */
  async openSocket(
    em: EntityManager,
    token: string,
    socket: { id: string; instanceId: string; maxPerSession: number; staleBefore: Date },
  ): Promise<'OPEN' | 'NO_SESSION' | 'TOO_MANY'> {
    if (token.length > 200) return 'NO_SESSION';
    const [row] = await em.execute<{ outcome: 'OPEN' | 'NO_SESSION' | 'TOO_MANY' }[]>(
      'select auth_ws_open(?, ?, ?, ?, ?, ?) as outcome',
      [hashToken(token), socket.id, socket.instanceId, socket.maxPerSession, this.clock.now(), socket.staleBefore],
    );
    return row?.outcome ?? 'NO_SESSION';
  }

  async closeSocket(em: EntityManager, id: string): Promise<void> {
    await em.execute('select auth_ws_close(?)', [id]);
  }

  async renewSockets(em: EntityManager, instanceId: string, staleBefore: Date): Promise<void> {
    await em.execute('select auth_ws_renew(?, ?, ?)', [instanceId, this.clock.now(), staleBefore]);
  }

  /** Creates the login for an account of the tenant the transaction is scoped to. */
  async createCredential(em: EntityManager, username: string, password: string, accountId: string): Promise<string> {
    const credentialId = newId();
    await em.execute('select auth_create_credential(?, ?, ?, ?)', [
      credentialId,
      username,
      await hashPassword(password),
      accountId,
    ]);
    return credentialId;
  }
}
