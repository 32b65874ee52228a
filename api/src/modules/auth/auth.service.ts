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

  async login(em: EntityManager, attempt: LoginAttempt): Promise<LoginOutcome> {
    const username = attempt.username.trim();
    const missing: UserError[] = [];
    if (username === '') missing.push(userError('username', 'REQUIRED', '請輸入帳號。'));
    if (attempt.password === '') missing.push(userError('password', 'REQUIRED', '請輸入密碼。'));
    if (missing.length > 0) return { ok: false, userErrors: missing, retryAfterSeconds: null };

    const now = this.clock.now();
    const accountKey = `account:${username.toLowerCase()}`;
    const addressKey = `address:${attempt.ip}`;
    const [lock] = await em.execute<{ locked_until: string | null }[]>(
      'select auth_throttle_locked_until(?::text[], ?) as locked_until',
      [pgTextArray([accountKey, addressKey]), now],
    );
    if (lock?.locked_until) return this.lockedOutcome(toDate(lock.locked_until), now);

    const [credential] = await em.execute<{ credential_id: string; password_hash: string; active: boolean }[]>(
      'select * from auth_find_credential(?)',
      [username],
    );
    const passwordOk = await verifyPassword(credential?.password_hash ?? (await decoyPasswordHash()), attempt.password);
    if (!credential || !passwordOk) {
      const policy = this.throttle;
      // One after the other: the request's statements share one connection.
      const until: (Date | null)[] = [];
      for (const [key, max] of [
        [accountKey, policy.accountMaxFailures],
        [addressKey, policy.addressMaxFailures],
      ] as const) {
        const [row] = await em.execute<{ locked_until: string | null }[]>(
          'select auth_throttle_fail(?, ?, ?, ?, ?, ?) as locked_until',
          [key, max, policy.failureWindowSeconds, policy.lockBaseSeconds, policy.lockMaxSeconds, now],
        );
        until.push(row?.locked_until ? toDate(row.locked_until) : null);
      }
      const lockedUntil = until.filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
      if (lockedUntil) return this.lockedOutcome(lockedUntil, now);
      return {
        ok: false,
        userErrors: [userError('password', 'INVALID_CREDENTIALS', '帳號或密碼錯誤，請再試一次。')],
        retryAfterSeconds: null,
      };
    }
    if (!credential.active) {
      return {
        ok: false,
        userErrors: [userError('username', 'ACCOUNT_DISABLED', '此帳號已停用，請洽學校資訊組。')],
        retryAfterSeconds: null,
      };
    }

    await em.execute('select auth_throttle_clear(?)', [accountKey]);
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

  /** Ends the presented session; with allSessions, every session of the same person. Returns how many ended. */
  /** Tells every instance, when the transaction commits, that sessions of this person ended. */
  private async announceRevocation(em: EntityManager, credentialId: string, count: number): Promise<void> {
    if (count > 0)
      await em.execute('select pg_notify(?, ?)', [SESSIONS_REVOKED_CHANNEL, JSON.stringify({ credentialId })]);
  }

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
    await this.announceRevocation(em, credentialId, row?.count ?? 0);
    return row?.count ?? 0;
  }

  async revokeSession(em: EntityManager, token: string, sessionId: string, credentialId: string): Promise<boolean> {
    const [row] = await em.execute<{ count: number }[]>('select auth_revoke_sessions(?, ?, ?) as count', [
      hashToken(token),
      sessionId,
      this.clock.now(),
    ]);
    await this.announceRevocation(em, credentialId, row?.count ?? 0);
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
