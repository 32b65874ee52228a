import { createHmac } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../common/logger.js';

/**
 * The three ways the platform reaches PostgreSQL. Requests never depend on session state, because behind PgBouncer in
 * transaction mode each transaction may run on another server connection: the request pools log in as portfolio_app
 * itself (no SET ROLE to leak or to miss). What needs a session (migrations under an advisory lock, LISTEN, the job
 * queue) uses the direct URL.
 */
export interface DatabaseUrls {
  /** The schema owner, possibly through PgBouncer: start-up maintenance, seeding, the operator's commands. */
  owner: string;
  /** The schema owner straight to PostgreSQL (or a session-mode pool): migrations, LISTEN, graphile-worker. */
  direct: string;
  /** portfolio_app's own login, possibly through PgBouncer: every request. */
  app: string;
  /** Whether the app login is the platform's own (derived password, set by the platform at start). */
  appDerived: boolean;
}

/** The role every request runs as; it logs in itself, so no request depends on a SET ROLE. */
export const APP_ROLE = 'portfolio_app';

/** A start that cannot go on because of the database settings, with a message that says which and what to do. */
export class DatabaseSetupProblem extends Error {}

/** Where a URL points, for messages: never its password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${decodeURIComponent(parsed.username) || '（未指定使用者）'}@${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '（無法解析的網址）';
  }
}

/**
 * portfolio_app's password when no DATABASE_APP_URL is given: derived from the PII key, which every instance of an
 * installation shares already, so all of them log in with the same one and no second secret has to be handed out.
 */
export function derivedAppPassword(piiKey: string): string {
  return createHmac('sha256', piiKey).update('portfolio_app login').digest('base64url');
}

export function resolveDatabaseUrls(
  settings: { owner: string; direct: string | undefined; app: string | undefined },
  piiKey: string,
): DatabaseUrls {
  const direct = settings.direct ?? settings.owner;
  if (settings.app) return { owner: settings.owner, direct, app: settings.app, appDerived: false };
  const app = new URL(settings.owner);
  app.username = APP_ROLE;
  app.password = derivedAppPassword(piiKey);
  return { owner: settings.owner, direct, app: app.toString(), appDerived: true };
}

const CONNECT_TIMEOUT_MS = 10_000;

export function clientOptions(url: string): pg.ClientConfig {
  return { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
}

async function withClient<T>(url: string, what: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(clientOptions(url));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DatabaseSetupProblem(
      `無法連線到 ${what}（${describeUrl(url)}）：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs fn while holding the installation-wide migration lock, so N instances starting together migrate once. */
export async function underMigrationLock<T>(directUrl: string, fn: () => Promise<T>): Promise<T> {
  return withClient(directUrl, 'DATABASE_DIRECT_URL', async (client) => {
    // Session-level on purpose: held across the migrations' own transactions on other connections.
    await client.query("select pg_advisory_lock(hashtext('portfolio:migrations'))");
    try {
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock(hashtext('portfolio:migrations'))").catch(() => undefined);
    }
  });
}

/**
 * With a derived app login, gives portfolio_app LOGIN and that password, unless it can already log in with it (so
 * instances and test servers starting together do not rewrite the role at once). Runs under the migration lock.
 */
export async function ensureAppLogin(urls: DatabaseUrls, log: Logger): Promise<void> {
  if (!urls.appDerived) return;
  if (await canLogIn(urls.app)) return;
  const password = new URL(urls.app).password;
  await withClient(urls.direct, 'DATABASE_DIRECT_URL', async (client) => {
    const quoted = (await client.query<{ q: string }>('select quote_literal($1) as q', [decodeURIComponent(password)]))
      .rows[0]!.q;
    try {
      await client.query(`alter role ${APP_ROLE} with login password ${quoted}`);
    } catch (error) {
      throw new DatabaseSetupProblem(
        `資料庫擁有者無法讓 ${APP_ROLE} 登入（${error instanceof Error ? error.message : String(error)}）。請給擁有者 CREATEROLE，或自行建立 ${APP_ROLE} 的登入密碼並設定 DATABASE_APP_URL。`,
      );
    }
  });
  log.info('portfolio_app login set up', { role: APP_ROLE });
}

/** Whether a login works (a connection of its own, closed at once). */
async function canLogIn(url: string): Promise<boolean> {
  const client = new pg.Client(clientOptions(url));
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The request login must be portfolio_app and nothing more: were it the owner (or a superuser, or a role that
 * bypasses row-level security), the database would stop separating schools without anyone noticing.
 */
export async function checkAppLogin(urls: DatabaseUrls): Promise<void> {
  await withClient(
    urls.app,
    urls.appDerived ? `${APP_ROLE}（由 DATABASE_URL 推得）` : 'DATABASE_APP_URL',
    async (client) => {
      const { rows } = await client.query<{ user: string; super: boolean; bypass: boolean }>(
        `select current_user as user, r.rolsuper as super, r.rolbypassrls as bypass
       from pg_roles r where r.rolname = current_user`,
      );
      const role = rows[0];
      if (!role || role.user !== APP_ROLE || role.super || role.bypass) {
        throw new DatabaseSetupProblem(
          `DATABASE_APP_URL 必須以 ${APP_ROLE} 登入（目前是 ${role?.user ?? '未知'}${role?.super ? '，超級使用者' : ''}${role?.bypass ? '，可略過資料列安全' : ''}）：各校資料的隔離靠這個角色。`,
        );
      }
    },
  );
}

/**
 * LISTEN only works on a real session: through PgBouncer in transaction mode it is accepted and then never hears a
 * thing. So the direct URL proves it at start, before any lock is taken through it: one session listens, another
 * notifies, and the note must arrive.
 */
export async function checkListenWorks(urls: DatabaseUrls): Promise<void> {
  const channel = `portfolio_start_${process.pid}_${Date.now()}`;
  await withClient(urls.direct, 'DATABASE_DIRECT_URL', async (listener) => {
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      listener.on('notification', (message) => {
        if (message.channel === channel) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    });
    await listener.query(`listen ${channel}`);
    await withClient(urls.direct, 'DATABASE_DIRECT_URL', (notifier) =>
      notifier.query('select pg_notify($1, $2)', [channel, 'x']),
    );
    if (!(await heard)) {
      throw new DatabaseSetupProblem(
        `DATABASE_DIRECT_URL（${describeUrl(urls.direct)}）收不到 LISTEN 的通知：它必須直接連到 PostgreSQL（或 session 模式的 PgBouncer），不能經過 transaction 模式的 PgBouncer。`,
      );
    }
    await listener.query(`unlisten ${channel}`);
  });
}
