import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountStatusPolicy, LoginThrottlePolicy } from '../../common/config.js';
import type { StatementPool } from '../../common/sql.js';
import type { Clock } from '../../common/clock.js';
import { newId } from '../../common/ids.js';
import { formatRocDateTime } from '../../common/roc.js';
import { pgTextArray, toDate } from '../../common/sql.js';
import { userError, type UserError } from '../../common/user-error.js';
import type { AccountKind, Viewer } from '../../common/viewer.js';
import type { AdminSection, Role } from '../../common/roles.js';
import { decoyPasswordHash, hashPassword, newPasswordProblem, verifyPassword } from '../people/password.js';
import { type AccessFacts, accountAccess } from '../people/account-access.js';
// A name that cannot be a login names nobody and is never looked up.
import { LOGIN_NAME } from '../people/student-login.service.js';
import type { StudentStatus } from '../people/people.enums.js';
import { SessionCache, type SessionFactsObserver } from './session-cache.js';

/** The worker's hourly job that deletes throttle rows which count for nothing any more. */
export const PRUNE_LOGIN_THROTTLE_TASK = 'prune_login_throttle';
export const PRUNE_LOGIN_THROTTLE_CRONTAB = `17 * * * * ${PRUNE_LOGIN_THROTTLE_TASK} ?max=1&jobKey=${PRUNE_LOGIN_THROTTLE_TASK}`;

/** Sessions kept per instance at most; ~1 KiB each. */
const SESSION_CACHE_MAX_ENTRIES = 50_000;

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

/** A login an identity provider's person may be, and what decides whether it may sign in. */
export interface SsoLogin {
  credentialId: string;
  accountKind: 'STUDENT' | 'STAFF' | 'BUREAU';
  active: boolean;
  /** Its password was set by somebody else (see retireTemporaryPassword). */
  passwordTemporary: boolean;
  /** Reset by 資訊組 and not yet used by its owner: single sign-on waits (credential.sso_hold). */
  resetPending: boolean;
  /** Linked to the subject signing in now, or to another subject of the same provider (see sso_link). */
  linkedHere: boolean;
  linkedElsewhere: boolean;
  /** For the account rules: the password is not theirs to use, so it counts as not temporary. */
  facts: AccessFacts;
}

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
  sign_in_provider: string | null;
  school_reference_version: string | null;
}

/** The columns auth_find_credential and auth_resolve_session both return for accountAccess. */
interface AccessFactRow {
  password_temporary: boolean;
  temporary_until: string | null;
  student_status: StudentStatus | null;
  status_changed_at: string | null;
  school_deactivated_at: string | null;
}

const accessFacts = (row: AccessFactRow): AccessFacts => ({
  passwordTemporary: row.password_temporary,
  temporaryUntil: row.temporary_until === null ? null : toDate(row.temporary_until),
  studentStatus: row.student_status,
  statusChangedAt: row.status_changed_at === null ? null : toDate(row.status_changed_at),
  schoolDeactivatedAt: row.school_deactivated_at === null ? null : toDate(row.school_deactivated_at),
});

const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * The address a throttle counts by: an IPv4 address as it is (also when written IPv4-mapped), an IPv6 address by its
 * /64, since one subscriber usually holds a whole /64 and could otherwise change address with every guess.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...headParts, ...Array<string>(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'), ...tailParts]
    : headParts;
  return `${groups
    .slice(0, 4)
    .map((group) => (Number.parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/**
 * Local accounts and server-side sessions. Every statement goes through the SECURITY DEFINER auth_* functions:
 * the application role cannot read credentials or sessions directly.
 */
export class AuthService {
  private readonly sessions: SessionCache<SessionRow & AccessFactRow>;

  constructor(
    private readonly clock: Clock,
    private readonly throttle: LoginThrottlePolicy,
    private readonly sessionTtlHours: number,
    /**
     * Single statements on connections of their own, committed one by one: the throttle, and the session lookup
     * that starts every request (before its transaction, which may then never be needed).
     */
    private readonly throttleStatements: StatementPool,
    private readonly accountPolicy: AccountStatusPolicy,
    /** The identity providers configured now: a session one opened ends once it is no longer among them. */
    private readonly ssoProviders: ReadonlySet<string>,
    /** How long a resolved session is kept (see SessionCache); 0 looks every request's session up. */
    sessionCacheSeconds: number,
  ) {
    this.sessions = new SessionCache(clock, sessionCacheSeconds * 1000, SESSION_CACHE_MAX_ENTRIES);
  }

  /** Told by the instance's LISTEN connection when session facts change (see SessionCache). */
  get sessionFacts(): SessionFactsObserver {
    return this.sessions;
  }

  /** The viewer of a session, read in `em`'s transaction (one that has just opened it, or a socket's check). */
  async resolveSession(em: EntityManager, token: string | null): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const now = this.clock.now();
    const rows = await em.execute<(SessionRow & AccessFactRow)[]>('select * from auth_resolve_session(?, ?)', [
      hashToken(token),
      now,
    ]);
    return this.viewerOf(rows[0], now);
  }

  /**
   * The viewer of a request's session: kept by this instance (SessionCache), or read by one statement on a connection
   * of its own. The request's transaction (and its connection) is begun only if the operation reads data.
   */
  async lookUpSession(token: string | null): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const hash = hashToken(token);
    const row = await this.sessions.resolve(hash.toString('base64'), async () => {
      const rows = await this.throttleStatements.query<SessionRow & AccessFactRow>(
        'select * from auth_resolve_session($1, $2)',
        [hash, this.clock.now()],
      );
      return rows[0];
    });
    return this.viewerOf(row, this.clock.now());
  }

  private viewerOf(row: (SessionRow & AccessFactRow) | undefined, now: Date): Viewer | null {
    if (!row) return null;
    // A kept row is judged again at every use: it may have expired since it was read.
    const expiresAt = toDate(row.expires_at);
    if (expiresAt <= now) return null;
    if (row.sign_in_provider !== null && !this.ssoProviders.has(row.sign_in_provider)) return null;
    // A status that ends access (a grace period over, a temporary account run out, the school deactivated) ends the
    // session with it, on its next request. Who signed in at their identity provider never used the password
    // somebody else set, so it does not hold them up.
    const facts = accessFacts(row);
    if (row.sign_in_provider !== null) facts.passwordTemporary = false;
    const access = accountAccess(facts, now, this.accountPolicy);
    if (!access.signIn) return null;
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
      sessionExpiresAt: expiresAt,
      signInProvider: row.sign_in_provider,
      schoolReferenceVersion: row.school_reference_version,
      restriction: access.restriction,
    };
  }

  /** Checks a password (see checkPassword) and opens a session. */
  async login(em: EntityManager, attempt: LoginAttempt): Promise<LoginOutcome> {
    const username = attempt.username.trim();
    const missing: UserError[] = [];
    if (username === '') missing.push(userError('username', 'REQUIRED', '請輸入帳號。'));
    if (attempt.password === '') missing.push(userError('password', 'REQUIRED', '請輸入密碼。'));
    if (missing.length > 0) return { ok: false, userErrors: missing, retryAfterSeconds: null };

    const now = this.clock.now();
    const checked = await this.checkPassword(em, username, attempt.password, attempt.ip);
    if (!checked.ok) {
      if (checked.lockedUntil) return this.lockedOutcome(checked.lockedUntil, now);
      return {
        ok: false,
        userErrors: [userError('password', 'INVALID_CREDENTIALS', '帳號或密碼錯誤，請再試一次。')],
        retryAfterSeconds: null,
      };
    }
    if (!checked.active) {
      return {
        ok: false,
        userErrors: [userError('username', 'ACCOUNT_DISABLED', '此帳號已停用，請洽學校資訊組。')],
        retryAfterSeconds: null,
      };
    }
    const access = accountAccess(checked.facts, now, this.accountPolicy);
    if (!access.signIn) {
      return { ok: false, userErrors: [userError('username', access.code, access.message)], retryAfterSeconds: null };
    }

    const device = { ip: attempt.ip, userAgent: attempt.userAgent, signInProvider: null };
    return { ok: true, ...(await this.openSession(em, checked.credentialId, device)) };
  }

  /**
   * Opens a session for a login whose person has proven who they are (a password, or an identity provider's answer
   * for `signInProvider`), and resolves it as the request's viewer.
   */
  async openSession(
    em: EntityManager,
    credentialId: string,
    device: { ip: string; userAgent: string; signInProvider: string | null },
  ): Promise<{ viewer: Viewer; token: string }> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.sessionTtlHours * 3600_000);
    await em.execute('select auth_create_session(?, ?, ?, ?, ?, ?, ?, ?)', [
      newId(),
      credentialId,
      hashToken(token),
      now,
      expiresAt,
      device.userAgent,
      device.ip,
      device.signInProvider,
    ]);
    const viewer = await this.resolveSession(em, token);
    if (!viewer) throw new Error('a session just created could not be resolved');
    return { viewer, token };
  }

  /**
   * The logins an identity provider's person may be (see auth_find_sso_logins), with what decides whether each may
   * sign in, and whether it is linked to this subject of the provider or to another (see sso_link).
   */
  async findSsoLogins(
    em: EntityManager,
    provider: string,
    person: { loginName: string | null; nationalIdDigest: string | null; subjectDigest: string },
  ): Promise<SsoLogin[]> {
    const loginName = person.loginName !== null && LOGIN_NAME.test(person.loginName) ? person.loginName : null;
    if (loginName === null && person.nationalIdDigest === null) return [];
    const rows = await em.execute<
      (AccessFactRow & {
        credential_id: string;
        account_kind: SsoLogin['accountKind'];
        active: boolean;
        reset_pending: boolean;
        linked_here: boolean;
        linked_elsewhere: boolean;
      })[]
    >('select * from auth_find_sso_logins(?, ?, ?, ?)', [
      loginName,
      person.nationalIdDigest,
      provider,
      person.subjectDigest,
    ]);
    return rows.map((row) => ({
      credentialId: row.credential_id,
      accountKind: row.account_kind,
      active: row.active,
      passwordTemporary: row.password_temporary,
      resetPending: row.reset_pending,
      linkedHere: row.linked_here,
      linkedElsewhere: row.linked_elsewhere,
      facts: accessFacts({ ...row, password_temporary: false }),
    }));
  }

  /** See auth_link_sso: false when another subject of the provider holds the login. */
  async linkSso(em: EntityManager, provider: string, subjectDigest: string, credentialId: string): Promise<boolean> {
    const [row] = await em.execute<{ linked: boolean }[]>('select auth_link_sso(?, ?, ?, ?) as linked', [
      provider,
      subjectDigest,
      credentialId,
      this.clock.now(),
    ]);
    return row?.linked ?? false;
  }

  /** See auth_unlink_sso; returns how many links went. */
  async unlinkSso(em: EntityManager, credentialId: string): Promise<number> {
    const [row] = await em.execute<{ unlinked: number }[]>('select auth_unlink_sso(?) as unlinked', [credentialId]);
    return row?.unlinked ?? 0;
  }

  /** See auth_retire_temporary_password. True when a password was retired. */
  async retireTemporaryPassword(em: EntityManager, credentialId: string): Promise<boolean> {
    const [row] = await em.execute<{ retired: boolean }[]>('select auth_retire_temporary_password(?) as retired', [
      credentialId,
    ]);
    return row?.retired ?? false;
  }

  /**
   * Whether this password is the login name's, counted by the throttle outside the request's transaction (each
   * statement committed on its own, so whatever else the request does, a counted failure stays counted). Keys, most
   * specific first: the login name from this address (a guesser elsewhere does not lock its owner out, until the next
   * key's far higher ceiling), the login name from anywhere, and the address (one address guessing many names).
   * A login name that cannot exist is checked against nothing and counted all the same.
   */
  private async checkPassword(
    em: EntityManager,
    username: string,
    password: string,
    ip: string,
  ): Promise<
    { ok: true; credentialId: string; active: boolean; facts: AccessFacts } | { ok: false; lockedUntil: Date | null }
  > {
    const now = this.clock.now();
    const policy = this.throttle;
    const name = LOGIN_NAME.test(username) ? username.toLowerCase() : '(not a login name)';
    const address = throttleAddress(ip);
    const keys = [`pair:${name}|${address}`, `account:${name}`, `address:${address}`];
    const maxes = `{${[policy.pairMaxFailures, policy.accountMaxFailures, policy.addressMaxFailures].join(',')}}`;
    const [begun] = await this.throttleStatements.query<{ refused_until: string | null }>(
      'select auth_throttle_begin($1::text[], $2::int[], $3, $4, $5, $6) as refused_until',
      [pgTextArray(keys), maxes, policy.failureWindowSeconds, policy.lockBaseSeconds, policy.lockMaxSeconds, now],
    );
    if (begun?.refused_until) return { ok: false, lockedUntil: toDate(begun.refused_until) };

    const [credential] = LOGIN_NAME.test(username)
      ? await em.execute<({ credential_id: string; password_hash: string; active: boolean } & AccessFactRow)[]>(
          'select * from auth_find_credential(?)',
          [username],
        )
      : [];
    const passwordOk = await verifyPassword(credential?.password_hash ?? (await decoyPasswordHash()), password);
    if (!credential || !passwordOk) {
      const [failed] = await this.throttleStatements.query<{ locked_until: string | null }>(
        'select auth_throttle_failed($1::text[], $2::int[], $3, $4, $5) as locked_until',
        [pgTextArray(keys), maxes, policy.lockBaseSeconds, policy.lockMaxSeconds, now],
      );
      return { ok: false, lockedUntil: failed?.locked_until ? toDate(failed.locked_until) : null };
    }
    await this.throttleStatements.query('select auth_throttle_succeeded($1::text[], $2::text[])', [
      pgTextArray(keys.slice(0, 2)),
      pgTextArray(keys.slice(2)),
    ]);
    return {
      ok: true,
      credentialId: credential.credential_id,
      active: credential.active,
      facts: accessFacts(credential),
    };
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

  async renewSockets(em: EntityManager, instanceId: string, open: string[], staleBefore: Date): Promise<void> {
    await em.execute('select auth_ws_renew(?, ?::uuid[], ?, ?)', [
      instanceId,
      pgTextArray(open),
      this.clock.now(),
      staleBefore,
    ]);
  }

  /**
   * Creates the login for an account of the tenant the transaction is scoped to. `temporary`: the password was set by
   * somebody else (an import's first password), so no admin section is granted before its owner sets their own.
   */
  async createCredential(
    em: EntityManager,
    username: string,
    password: string,
    accountId: string,
    temporary = false,
  ): Promise<string> {
    const credentialId = newId();
    await em.execute('select auth_create_credential(?, ?, ?, ?, ?)', [
      credentialId,
      username,
      await hashPassword(password),
      accountId,
      temporary,
    ]);
    return credentialId;
  }

  /**
   * The signed-in person sets a new password, giving the current one (counted like a login attempt, so a stolen
   * session cannot be used to guess it). Every other session of theirs ends.
   */
  async changePassword(
    em: EntityManager,
    viewer: Viewer,
    attempt: { token: string; currentPassword: string; newPassword: string; ip: string; personalWords?: string[] },
  ): Promise<{ ok: true } | { ok: false; userErrors: UserError[] }> {
    const problem = newPasswordProblem(attempt.newPassword, viewer.username, [
      viewer.displayName,
      ...(attempt.personalWords ?? []),
    ]);
    if (problem) return { ok: false, userErrors: [userError('newPassword', problem.code, problem.message)] };
    if (attempt.newPassword === attempt.currentPassword) {
      return {
        ok: false,
        userErrors: [userError('newPassword', 'SAME_PASSWORD', '新密碼不能與目前的密碼相同。')],
      };
    }
    const checked = await this.checkPassword(em, viewer.username, attempt.currentPassword, attempt.ip);
    if (!checked.ok) {
      const locked = checked.lockedUntil ? this.lockedOutcome(checked.lockedUntil, this.clock.now()) : null;
      return {
        ok: false,
        userErrors:
          locked && !locked.ok
            ? locked.userErrors
            : [userError('currentPassword', 'INVALID_CURRENT_PASSWORD', '目前的密碼不正確。')],
      };
    }
    const [row] = await em.execute<{ credential_id: string | null }[]>(
      'select auth_change_password(?, ?, ?) as credential_id',
      [hashToken(attempt.token), await hashPassword(attempt.newPassword), this.clock.now()],
    );
    if (!row?.credential_id) throw new Error('the session changing its password could not be found');
    await this.announceRevocation(em, row.credential_id);
    return { ok: true };
  }

  /** Of these session tokens, the ones whose session is still live. */
  async liveTokens(em: EntityManager, tokens: string[]): Promise<Set<string>> {
    if (tokens.length === 0) return new Set();
    const byHash = new Map(tokens.map((token) => [hashToken(token).toString('hex'), token]));
    const rows = await em.execute<{ alive: string }[]>('select auth_sessions_alive(?::text[], ?) as alive', [
      pgTextArray([...byHash.keys()]),
      this.clock.now(),
    ]);
    return new Set(rows.map((row) => byHash.get(row.alive)).filter((token): token is string => token !== undefined));
  }

  /** Deletes throttle rows that count for nothing any more; returns how many. */
  async pruneThrottle(): Promise<number> {
    const [row] = await this.throttleStatements.query<{ pruned: number }>(
      'select auth_throttle_prune($1, $2) as pruned',
      [this.clock.now(), this.throttle.failureWindowSeconds],
    );
    return row?.pruned ?? 0;
  }
}

declare module '../../common/context.js' {
  interface AppServices {
    auth: AuthService;
  }
}
