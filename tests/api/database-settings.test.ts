import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bootPlatform } from '../../api/src/bootstrap.js';
import { loadConfig } from '../../api/src/common/config.js';
import { derivedAppPassword } from '../../api/src/db/connections.js';
import { haveClusterTools, type PgBouncerHandle, startPgBouncer } from '../support/cluster.js';
import { freePort } from '../support/free-port.js';
import { testDatabaseUrl } from '../support/test-database.js';

/*
 * Bad input here is bad configuration: each database setting that cannot work stops the start with one message that
 * says which setting and what to do, never a hang, a stack trace or a password.
 */
const superuserUrl = testDatabaseUrl();
const superuserPassword = decodeURIComponent(new URL(superuserUrl).password);

function boot(env: Record<string, string>): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: superuserUrl,
    PII_ENCRYPTION_KEY: inject('piiKey'),
    RUN_WORKER: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return bootPlatform(config, config.databaseUrl!).then(
    async (platform) => {
      await platform.close();
      return 'started';
    },
    (error: Error) => error.message,
  );
}

describe('database settings that cannot work', () => {
  it('refuses a request login that is the owner: the database would stop separating schools', async () => {
    const message = await boot({ DATABASE_APP_URL: superuserUrl });
    expect(message).toBe(
      'DATABASE_APP_URL 必須以 portfolio_app 登入（目前是 postgres，超級使用者，可略過資料列安全）：各校資料的隔離靠這個角色。',
    );
  });

  it('says which URL it cannot reach, where it points, and never its password', async () => {
    const nobody = new URL(superuserUrl);
    nobody.port = String(await freePort());
    const message = await boot({ DATABASE_DIRECT_URL: nobody.toString() });
    expect(message).toMatch(
      new RegExp(`^無法連線到 DATABASE_DIRECT_URL（postgres@127\\.0\\.0\\.1:${nobody.port}/\\w+）：.*ECONNREFUSED`),
    );
    expect(message).not.toContain(superuserPassword);

    const wrongPassword = new URL(superuserUrl);
    wrongPassword.password = 'not-the-password';
    const refused = await boot({
      DATABASE_APP_URL: wrongPassword.toString().replace('postgres:not', 'portfolio_app:not'),
    });
    expect(refused).toMatch(/^無法連線到 DATABASE_APP_URL（portfolio_app@127\.0\.0\.1:\d+\/\w+）：/);
    expect(refused).not.toContain('not-the-password');
  });

  it('refuses a URL that is not a PostgreSQL URL, without repeating it', () => {
    expect(() => loadConfig({ DATABASE_URL: superuserUrl, DATABASE_APP_URL: 'mysql://u:secret@h/db' })).toThrow(
      '環境變數 DATABASE_APP_URL 必須是 postgres://使用者:密碼@主機:連接埠/資料庫 形式的網址',
    );
    expect(() => loadConfig({ DATABASE_DIRECT_URL: superuserUrl })).toThrow(
      '設定 DATABASE_DIRECT_URL 或 DATABASE_APP_URL 時也必須設定 DATABASE_URL',
    );
  });
});

describe.skipIf(!haveClusterTools)('a direct URL through PgBouncer in transaction mode', () => {
  let bouncer: PgBouncerHandle;
  const appUser = { name: 'portfolio_app', password: derivedAppPassword(inject('piiKey')) };
  beforeAll(async () => {
    const target = new URL(superuserUrl);
    bouncer = await startPgBouncer({
      postgresHost: target.hostname,
      postgresPort: Number(target.port),
      database: target.pathname.slice(1),
      users: [{ name: 'postgres', password: superuserPassword }, appUser],
    });
  });
  afterAll(() => bouncer?.stop());

  it('is refused before any lock is taken through it: LISTEN there hears nothing', async () => {
    const through = bouncer.urlFor({ name: 'postgres', password: superuserPassword });
    const message = await boot({ DATABASE_DIRECT_URL: through });
    expect(message).toBe(
      `DATABASE_DIRECT_URL（postgres@127.0.0.1:${bouncer.port}/${new URL(superuserUrl).pathname.slice(1)}）收不到 LISTEN 的通知：它必須直接連到 PostgreSQL（或 session 模式的 PgBouncer），不能經過 transaction 模式的 PgBouncer。`,
    );
    // The deployment's way: the owner and the request login through PgBouncer, the direct URL beside them. (The
    // operator gives portfolio_app its password; here a start without DATABASE_APP_URL does, with the derived one.)
    expect(await boot({})).toBe('started');
    expect(
      await boot({
        DATABASE_URL: through,
        DATABASE_APP_URL: bouncer.urlFor(appUser),
        DATABASE_DIRECT_URL: superuserUrl,
      }),
    ).toBe('started');
  });
});
