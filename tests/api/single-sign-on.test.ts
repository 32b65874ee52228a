import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/common/config.js';
import { toGlobalId } from '../../api/src/common/ids.js';
import { applyTenantScope } from '../../api/src/common/tenant.js';
import { freePort } from '../support/free-port.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import type { TestSchool } from '../support/factory.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';

/**
 * A browser's part of the protocol, by hand: cookies by host (as browsers keep them, whatever the port, so two
 * instances behind one address share them), redirects seen one at a time.
 */
class Browserish {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((attribute) => /^\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** The Location a redirect answer points to, made absolute. */
  static location(response: Response, base: string): string {
    expect([302, 303], `redirect expected, got ${response.status}`).toContain(response.status);
    return new URL(response.headers.get('location')!, base).href;
  }

  async graphql<T>(appUrl: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await this.request(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }
}

const SECRET = 'a-long-test-secret-of-enough-length-123';

let tpe: TestIdentityProvider;
let edu: TestIdentityProvider;
let app: TestApp;
let other: TestApp;
let school: TestSchool;
let publicUrl: string;
let studentNationalId: string;
let teacherPasswordHash: string;

/** Starts a sign-in at the platform; returns the provider's authorization URL (the handshake cookie is kept). */
async function begin(browser: Browserish, provider: string, returnTo = '#/outcomes', at = publicUrl): Promise<string> {
  const start = await browser.request(`${at}/auth/sso/${provider}/start?return=${encodeURIComponent(returnTo)}`);
  return Browserish.location(start, at);
}

/**
 * Signs in at the provider's own pages as `login` (its development pages take any login as that subject) and
 * agrees to share; returns the answer's URL, the platform's callback with code and state.
 */
async function signInAtProvider(browser: Browserish, authorizationUrl: string, login: string): Promise<string> {
  let url = authorizationUrl;
  for (let step = 0; step < 12; step += 1) {
    if (url.startsWith(`${publicUrl}/auth/sso/`)) return url;
    const response = await browser.request(url);
    if (response.status === 200) {
      const page = await response.text();
      const prompt = page.includes('name="prompt" value="login"') ? 'login' : 'consent';
      const submitted = await browser.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'whatever' } : { prompt }),
      });
      url = Browserish.location(submitted, url);
    } else {
      url = Browserish.location(response, url);
    }
  }
  throw new Error('the provider never answered the platform');
}

/** Brings the provider's answer to the platform (at `at`, the instance it lands on); returns where it sends on. */
async function answer(browser: Browserish, callbackUrl: string, at = publicUrl): Promise<URL> {
  const landed = callbackUrl.replace(publicUrl, at);
  const response = await browser.request(landed);
  return new URL(Browserish.location(response, at));
}

async function signInThrough(provider: string, login: string, returnTo = '#/outcomes') {
  const browser = new Browserish();
  const callback = await signInAtProvider(browser, await begin(browser, provider, returnTo), login);
  const landed = await answer(browser, callback);
  return { browser, landed };
}

const sessionCount = async (): Promise<number> =>
  Number((await app.sqlOne<{ n: string }>('select count(*) as n from auth_session')).n);

const ME = '{ me { username passwordIsTemporary signedInWith { id label } } }';
type MeData = {
  me: { username: string; passwordIsTemporary: boolean; signedInWith: { id: string; label: string } | null } | null;
};

describe('single sign-on through OpenID Connect providers', () => {
  beforeAll(async () => {
    const [appPort, otherPort, tpePort, eduPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    publicUrl = `http://127.0.0.1:${appPort}`;
    const client = (id: string, secret?: string) => ({
      clientId: 'portfolio',
      ...(secret ? { clientSecret: secret } : {}),
      redirectUris: [`${publicUrl}/auth/sso/${id}/callback`],
      postLogoutRedirectUris: [`${publicUrl}/`],
    });
    tpe = await startIdentityProvider({ port: tpePort, clients: [client('tpe', SECRET)] });
    // The national education cloud: a public client (PKCE alone), matched by national ID.
    edu = await startIdentityProvider({ port: eduPort, clients: [client('edu')] });
    const env = {
      PUBLIC_URL: publicUrl,
      SSO_PROVIDERS: 'tpe,edu',
      OIDC_TPE_ISSUER: tpe.issuer,
      OIDC_TPE_CLIENT_ID: 'portfolio',
      OIDC_TPE_CLIENT_SECRET: SECRET,
      OIDC_TPE_LABEL: '臺北市校園單一身分驗證',
      OIDC_TPE_CLAIM: 'preferred_username',
      OIDC_EDU_ISSUER: edu.issuer,
      OIDC_EDU_CLIENT_ID: 'portfolio',
      OIDC_EDU_LABEL: '教育雲',
      OIDC_EDU_MATCH: 'NATIONAL_ID',
      OIDC_EDU_CLAIM: 'national_id',
    };
    app = await startTestApp({ ...env, PORT: String(appPort) });
    // A second instance of the same installation, behind the same public address.
    other = await startTestApp({ ...env, PORT: String(otherPort) });
    const city = await app.factory.city();
    school = await city.school();
    tpe.addPerson({ sub: 'tpe-teacher', claims: { preferred_username: school.logins.teacher.username } });
    tpe.addPerson({ sub: 'tpe-stranger', claims: { preferred_username: 'nobody.here' } });
    tpe.addPerson({ sub: 'tpe-no-claim', claims: { name: '王小明' } });
    tpe.addPerson({ sub: 'tpe-bureau', claims: { preferred_username: city.bureauLogin.username } });
    // Another person of the same provider whose claim names the teacher's login (a name passed on, a renamed account).
    tpe.addPerson({ sub: 'tpe-impostor', claims: { preferred_username: school.logins.teacher.username } });
    teacherPasswordHash = (
      await app.sqlOne<{ password_hash: string }>(
        'select password_hash from credential where lower(username) = lower(?)',
        [school.logins.teacher.username],
      )
    ).password_hash;
    studentNationalId = app.services.pii.decrypt(school.students[0]!.nationalIdEncrypted);
    edu.addPerson({ sub: 'edu-student', claims: { national_id: studentNationalId.toLowerCase() } });
    edu.addPerson({ sub: 'edu-stranger', claims: { national_id: 'A123456789' } });
  });

  afterAll(async () => {
    await other?.close();
    await app?.close();
    await tpe?.close();
    await edu?.close();
  });

  it('lists the providers for the sign-in page', async () => {
    const data = await new Browserish().graphql<{
      signInProviders: { id: string; label: string; startPath: string }[];
    }>(publicUrl, '{ signInProviders { id label startPath } }');
    expect(data.signInProviders).toEqual([
      { id: 'tpe', label: '臺北市校園單一身分驗證', startPath: '/auth/sso/tpe/start' },
      { id: 'edu', label: '教育雲', startPath: '/auth/sso/edu/start' },
    ]);
  });

  it('signs a teacher in by login name, with PKCE, and lands on the page asked for', async () => {
    const browser = new Browserish();
    const authorization = new URL(await begin(browser, 'tpe', '#/certification'));
    expect(authorization.origin).toBe(tpe.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${publicUrl}/auth/sso/tpe/callback`);
    for (const param of ['state', 'nonce', 'code_challenge']) {
      expect(authorization.searchParams.get(param)).toMatch(/^[\w-]{32,}$/);
    }
    // The handshake is sealed: neither the verifier nor the nonce can be read from the cookie.
    const sealed = browser.cookies.get('portfolio_sso')!;
    expect(sealed).toBeTruthy();
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain(authorization.searchParams.get('nonce'));

    const callback = await signInAtProvider(browser, authorization.href, 'tpe-teacher');
    const landed = await answer(browser, callback);
    expect(landed.href).toBe(`${publicUrl}/#/certification`);
    expect(browser.cookies.has('portfolio_sso')).toBe(false);
    const { me } = await browser.graphql<MeData>(publicUrl, ME);
    expect(me).toEqual({
      username: school.logins.teacher.username,
      passwordIsTemporary: false,
      signedInWith: { id: 'tpe', label: '臺北市校園單一身分驗證' },
    });
    const audit = await app.sqlOne<{ detail: { provider: string } }>(
      "select detail from audit_log where operation = 'auth.login' and school_id = ? order by occurred_at desc limit 1",
      [school.school.id],
    );
    expect(audit.detail.provider).toBe('tpe');
  });

  it('signs a student in by national ID, matched through its keyed digest, and retires a password somebody else set', async () => {
    // The student holds a password somebody else set (here the teacher's, known to be another's): by password they
    // would have to change it first.
    const own = await app.sqlOne<{ password_hash: string }>(
      'select password_hash from credential where lower(username) = lower(?)',
      [school.logins.student.username],
    );
    await app.sql(
      'update credential set password_hash = (select password_hash from credential where lower(username) = lower(?)), password_temporary = true, slip_pending = true where lower(username) = lower(?)',
      [school.logins.teacher.username, school.logins.student.username],
    );
    const byPassword = await app.client().login(school.logins.student.username, school.logins.teacher.password);
    expect((await byPassword.ok<MeData>(ME)).me?.passwordIsTemporary).toBe(true);

    const { browser, landed } = await signInThrough('edu', 'edu-student', '#/selection');
    expect(landed.href).toBe(`${publicUrl}/#/selection`);
    const { me } = await browser.graphql<MeData>(publicUrl, ME);
    expect(me).toEqual({
      username: school.logins.student.username,
      passwordIsTemporary: false,
      signedInWith: { id: 'edu', label: '教育雲' },
    });
    // The password somebody else set signs nobody in any more, no slip is owed, and the audit says so.
    await expect(app.client().login(school.logins.student.username, school.logins.teacher.password)).rejects.toThrow(
      'INVALID_CREDENTIALS',
    );
    const credential = await app.sqlOne<{ password_temporary: boolean; slip_pending: boolean }>(
      'select password_temporary, slip_pending from credential where lower(username) = lower(?)',
      [school.logins.student.username],
    );
    expect(credential).toEqual({ password_temporary: false, slip_pending: false });
    const audit = await app.sqlOne<{ detail: { provider: string; retiredTemporaryPassword: boolean } }>(
      "select detail from audit_log where operation = 'auth.login' and school_id = ? order by occurred_at desc limit 1",
      [school.school.id],
    );
    expect(audit.detail).toMatchObject({ provider: 'edu', retiredTemporaryPassword: true });
    // Nothing of the national ID in clear is kept with the session or the audit.
    const kept = JSON.stringify([
      await app.sql('select * from auth_session order by created_at desc limit 3'),
      await app.sql('select * from audit_log where school_id = ? order by occurred_at desc limit 3', [
        school.school.id,
      ]),
    ]);
    expect(kept).not.toContain(studentNationalId);
    // Their own password again, for the tests after this one.
    await app.sql('update credential set password_hash = ? where lower(username) = lower(?)', [
      own.password_hash,
      school.logins.student.username,
    ]);
  });

  it('follows the linking rules: a login of a kind the provider may not sign in, a disabled one, two at once', async () => {
    const before = await sessionCount();
    expect((await signInThrough('tpe', 'tpe-bureau')).landed.searchParams.get('failure')).toBe('KIND_NOT_ALLOWED');
    expect((await signInThrough('edu', 'edu-stranger')).landed.searchParams.get('failure')).toBe('NO_ACCOUNT');

    await app.sql('update user_account set active = false where school_id = ? and lower(username) = lower(?)', [
      school.school.id,
      school.logins.student.username,
    ]);
    expect((await signInThrough('edu', 'edu-student')).landed.searchParams.get('failure')).toBe('ACCOUNT_UNAVAILABLE');
    await app.sql('update user_account set active = true where school_id = ? and lower(username) = lower(?)', [
      school.school.id,
      school.logins.student.username,
    ]);

    // The same person enrolled at a second school (its night division, say): which login is meant is not guessed.
    const second = await (await app.factory.city()).school();
    const twin = second.students[0]!;
    const original = await app.sqlOne<{ national_id_digest: string }>(
      'select national_id_digest from student where id = ?',
      [twin.id],
    );
    await app.sql('update student set national_id_digest = ? where id = ?', [
      school.students[0]!.nationalIdDigest,
      twin.id,
    ]);
    const twinStatus = await app.sqlOne<{ status: string; status_changed_at: string | null }>(
      'select status, status_changed_at from student where id = ?',
      [twin.id],
    );
    // The student signed in through 教育雲 before (an earlier test): that link would say which login is meant.
    await app.sql("delete from sso_link where provider = 'edu'");
    try {
      expect((await signInThrough('edu', 'edu-student')).landed.searchParams.get('failure')).toBe('AMBIGUOUS');
      // Once the other school's record has left (轉出, read-only for its grace period), the one with full access is meant.
      await app.sql(
        "update student set status = 'TRANSFERRED', status_changed_at = now() - interval '1 day' where id = ?",
        [twin.id],
      );
      const { browser, landed } = await signInThrough('edu', 'edu-student');
      expect(landed.searchParams.get('failure')).toBeNull();
      expect((await browser.graphql<MeData>(publicUrl, ME)).me?.username).toBe(school.logins.student.username);
      // Both may sign in again: the one this subject signed in as is meant now, not guessed.
      await app.sql('update student set status = ?, status_changed_at = ? where id = ?', [
        twinStatus.status,
        twinStatus.status_changed_at,
        twin.id,
      ]);
      const linked = await signInThrough('edu', 'edu-student');
      expect((await linked.browser.graphql<MeData>(publicUrl, ME)).me?.username).toBe(school.logins.student.username);
    } finally {
      await app.sql('update student set national_id_digest = ? where id = ?', [original.national_id_digest, twin.id]);
    }
    expect(await sessionCount()).toBe(before + 2);
  });

  it('links a login to the provider subject that signed in as it, until 資訊組 resets its password', async () => {
    // The teacher has signed in through the city's provider before (the first test): the login is linked to them.
    await signInThrough('tpe', 'tpe-teacher');
    const links = await app.sql<{ provider: string; subject_digest: string }>(
      'select provider, subject_digest from sso_link where credential_id = (select id from credential where lower(username) = lower(?))',
      [school.logins.teacher.username],
    );
    expect(links).toHaveLength(1);
    expect(links[0]!.provider).toBe('tpe');
    expect(links[0]!.subject_digest).not.toContain('tpe-teacher');

    const before = await sessionCount();
    const impostor = await signInThrough('tpe', 'tpe-impostor');
    expect(impostor.landed.searchParams.get('failure')).toBe('LINKED_ELSEWHERE');
    expect(await sessionCount()).toBe(before);

    // 資訊組 resets the teacher's password: whoever holds the login is being re-established, and the link goes.
    const it = await app.client().login(school.logins.teaching.username, school.logins.teaching.password);
    const { id: accountId } = await app.sqlOne<{ id: string }>(
      'select id from user_account where school_id = ? and username = ?',
      [school.school.id, school.logins.teacher.username],
    );
    const { resetAccountPassword } = await it.ok<{ resetAccountPassword: { temporaryPassword: string } }>(
      'mutation ($input: ResetAccountPasswordInput!) { resetAccountPassword(input: $input) { temporaryPassword } }',
      { input: { accountId: toGlobalId('UserAccount', accountId) } },
    );
    expect(
      await app.sql(
        'select 1 from sso_link where credential_id = (select id from credential where lower(username) = lower(?))',
        [school.logins.teacher.username],
      ),
    ).toEqual([]);
    // Until the owner has used the one-time password, nobody reaches the login through the provider: not the other
    // subject, whose claim still names it, and not the teacher either.
    expect((await signInThrough('tpe', 'tpe-impostor')).landed.searchParams.get('failure')).toBe('RESET_PENDING');
    expect((await signInThrough('tpe', 'tpe-teacher')).landed.searchParams.get('failure')).toBe('RESET_PENDING');
    const teacher = await app.client().login(school.logins.teacher.username, resetAccountPassword.temporaryPassword);
    const { changePassword } = await teacher.ok<{ changePassword: { changed: boolean } }>(
      'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }',
      {
        input: { currentPassword: resetAccountPassword.temporaryPassword, newPassword: 'Kestrel-orchard-4417-lantern' },
      },
    );
    expect(changePassword.changed).toBe(true);
    // Then the teacher signs in at their provider and is linked afresh; the other subject is refused again.
    expect((await signInThrough('tpe', 'tpe-teacher')).landed.searchParams.get('failure')).toBeNull();
    expect((await signInThrough('tpe', 'tpe-impostor')).landed.searchParams.get('failure')).toBe('LINKED_ELSEWHERE');
    await app.sql('update credential set password_hash = ? where lower(username) = lower(?)', [
      teacherPasswordHash,
      school.logins.teacher.username,
    ]);
  });

  it('moves a subject’s link with it, unlinks a corrected national ID, and keeps the links out of the application’s reach', async () => {
    const linkOf = async (username: string) =>
      app.sql<{ subject_digest: string }>(
        'select subject_digest from sso_link where credential_id = (select id from credential where lower(username) = lower(?))',
        [username],
      );
    tpe.addPerson({ sub: 'tpe-mover', claims: { preferred_username: school.logins.homeroom.username } });
    await signInThrough('tpe', 'tpe-mover');
    const [homeroomLink] = await linkOf(school.logins.homeroom.username);
    expect(homeroomLink).toBeDefined();
    tpe.addPerson({ sub: 'tpe-mover', claims: { preferred_username: school.logins.counselor.username } });
    expect((await signInThrough('tpe', 'tpe-mover')).landed.searchParams.get('failure')).toBeNull();
    expect(await linkOf(school.logins.homeroom.username)).toEqual([]);
    expect(await linkOf(school.logins.counselor.username)).toEqual([homeroomLink]);

    // 註冊組 corrects the student's national ID: whoever the wrong one let in loses the link.
    await signInThrough('edu', 'edu-student');
    expect(await linkOf(school.logins.student.username)).toHaveLength(1);
    const student = school.students[0]!;
    await app.sql('update student set national_id_digest = ? where school_id = ? and id = ?', [
      'corrected',
      school.school.id,
      student.id,
    ]);
    await app.sql('update student set national_id_digest = ? where school_id = ? and id = ?', [
      student.nationalIdDigest,
      school.school.id,
      student.id,
    ]);
    expect(await linkOf(school.logins.student.username)).toEqual([]);

    // The application role cannot touch the links except through the functions, and those keep to their rules.
    const privileges = await app.sqlOne<{ s: boolean; i: boolean; d: boolean }>(
      "select has_table_privilege('portfolio_app', 'sso_link', 'select') as s, has_table_privilege('portfolio_app', 'sso_link', 'insert') as i, has_table_privilege('portfolio_app', 'sso_link', 'delete') as d",
    );
    expect(privileges).toEqual({ s: false, i: false, d: false });
    const counselorCredential = (
      await app.sqlOne<{ id: string }>('select id from credential where lower(username) = lower(?)', [
        school.logins.counselor.username,
      ])
    ).id;
    const other = await (await app.factory.city()).school();
    await app.services.orm.em.fork().transactional(async (tx) => {
      const linked = await tx.execute<{ linked: boolean }[]>('select auth_link_sso(?, ?, ?, now()) as linked', [
        'tpe',
        'someone-else',
        counselorCredential,
      ]);
      expect(linked[0]!.linked).toBe(false);
      // No tenant, then another school's: nothing is reached, and the transaction goes on.
      const unlinked = await tx.execute<{ n: number }[]>('select auth_unlink_sso(?) as n', [counselorCredential]);
      expect(unlinked[0]!.n).toBe(0);
      await applyTenantScope(tx, { schoolId: other.school.id, authorityId: null });
      const elsewhere = await tx.execute<{ n: number }[]>('select auth_unlink_sso(?) as n', [counselorCredential]);
      expect(elsewhere[0]!.n).toBe(0);
    });
    expect(await linkOf(school.logins.counselor.username)).toEqual([homeroomLink]);
  });

  it('refuses a person the platform has no login for, with a message and no session', async () => {
    const before = await sessionCount();
    const { browser, landed } = await signInThrough('tpe', 'tpe-stranger', '#/outcomes');
    expect(landed.searchParams.get('sso')).toBe('tpe');
    expect(landed.searchParams.get('failure')).toBe('NO_ACCOUNT');
    expect(landed.hash).toBe('#/outcomes');
    expect(await sessionCount()).toBe(before);
    const data = await browser.graphql<{ me: null; signInFailureMessage: string }>(
      publicUrl,
      '{ me { username } signInFailureMessage(provider: "tpe", failure: NO_ACCOUNT) }',
    );
    expect(data.me).toBeNull();
    expect(data.signInFailureMessage).toContain('找不到對應的帳號');
  });

  it('refuses a person whose provider does not give the claim the platform matches on', async () => {
    const { landed } = await signInThrough('tpe', 'tpe-no-claim');
    expect(landed.searchParams.get('failure')).toBe('CLAIM_MISSING');
  });

  it('refuses an answer whose state was changed on the way', async () => {
    const before = await sessionCount();
    const browser = new Browserish();
    const authorization = new URL(await begin(browser, 'tpe'));
    authorization.searchParams.set('state', 'S'.repeat(43));
    const callback = await signInAtProvider(browser, authorization.href, 'tpe-teacher');
    expect(new URL(callback).searchParams.get('state')).toBe('S'.repeat(43));
    const landed = await answer(browser, callback);
    expect(landed.searchParams.get('failure')).toBe('ANSWER_REJECTED');
    expect(await sessionCount()).toBe(before);
  });

  it('refuses an ID token made for another nonce', async () => {
    const before = await sessionCount();
    const browser = new Browserish();
    const authorization = new URL(await begin(browser, 'tpe'));
    authorization.searchParams.set('nonce', 'N'.repeat(43));
    const landed = await answer(browser, await signInAtProvider(browser, authorization.href, 'tpe-teacher'));
    expect(landed.searchParams.get('failure')).toBe('ANSWER_REJECTED');
    expect(await sessionCount()).toBe(before);
  });

  it('refuses an answer that names another issuer', async () => {
    const browser = new Browserish();
    const callback = new URL(await signInAtProvider(browser, await begin(browser, 'tpe'), 'tpe-teacher'));
    expect(callback.searchParams.get('iss')).toBe(tpe.issuer);
    callback.searchParams.set('iss', edu.issuer);
    const landed = await answer(browser, callback.href);
    expect(landed.searchParams.get('failure')).toBe('ANSWER_REJECTED');
  });

  it('refuses a handshake begun for another provider even when everything else in the answer fits', async () => {
    // A handshake for 教育雲 carrying exactly the state, nonce and verifier of a sign-in at the city's provider.
    const verifier = oidc.randomPKCECodeVerifier();
    const handshake = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, returnTo: '#/' };
    const sealer = app.services.pii.sealer('sso-handshake');
    const authorization = new URL(`${tpe.issuer}/auth`);
    for (const [name, value] of Object.entries({
      client_id: 'portfolio',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${publicUrl}/auth/sso/tpe/callback`,
      state: handshake.state,
      nonce: handshake.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    })) {
      authorization.searchParams.set(name, value);
    }
    const seal = (provider: string) =>
      sealer.seal(JSON.stringify({ ...handshake, provider, startedAt: app.clock.now().getTime() }));
    const browser = new Browserish();
    const callback = await signInAtProvider(browser, authorization.href, 'tpe-teacher');
    browser.cookies.set('portfolio_sso', seal('edu'));
    expect((await answer(browser, callback)).searchParams.get('failure')).toBe('ANSWER_REJECTED');
    // The same answer with a handshake for the city's provider is a sign-in: only the provider was wrong.
    const fits = new Browserish();
    const fitting = await signInAtProvider(fits, authorization.href, 'tpe-teacher');
    fits.cookies.set('portfolio_sso', seal('tpe'));
    expect((await answer(fits, fitting)).searchParams.get('failure')).toBeNull();
    // An answer that long is nobody's, however well the rest fits.
    const padded = new Browserish();
    const long = await signInAtProvider(padded, authorization.href, 'tpe-teacher');
    padded.cookies.set('portfolio_sso', seal('tpe'));
    expect((await answer(padded, `${long}&pad=${'x'.repeat(5000)}`)).searchParams.get('failure')).toBe(
      'ANSWER_REJECTED',
    );
  });

  it('refuses an answer meant for another provider, whichever way it arrives', async () => {
    const before = await sessionCount();
    // Begun at 教育雲, the answer is brought to the city's callback.
    const browser = new Browserish();
    const eduCallback = await signInAtProvider(browser, await begin(browser, 'edu'), 'edu-anyone');
    const crossed = await answer(browser, eduCallback.replace('/auth/sso/edu/', '/auth/sso/tpe/'));
    expect(crossed.searchParams.get('failure')).toBe('ANSWER_REJECTED');
    // The city's answer (its code, its state) arrives while this browser's handshake is for 教育雲.
    const tpeBrowser = new Browserish();
    const tpeCallback = await signInAtProvider(tpeBrowser, await begin(tpeBrowser, 'tpe'), 'tpe-teacher');
    const mixed = new Browserish();
    await begin(mixed, 'edu');
    const refused = await answer(mixed, tpeCallback);
    expect(refused.searchParams.get('failure')).toBe('ANSWER_REJECTED');
    expect(await sessionCount()).toBe(before);
  });

  it('completes a sign-in begun on one instance when the answer lands on another', async () => {
    const otherUrl = other.url.replace('localhost', '127.0.0.1');
    const browser = new Browserish();
    const authorization = await begin(browser, 'tpe', '#/outcomes', publicUrl);
    const callback = await signInAtProvider(browser, authorization, 'tpe-teacher');
    const response = await browser.request(callback.replace(publicUrl, otherUrl));
    expect(response.headers.get('location')).toBe(`${publicUrl}/#/outcomes`);
    // The session is the installation's: the first instance knows it too.
    const { me } = await browser.graphql<MeData>(publicUrl, ME);
    expect(me?.username).toBe(school.logins.teacher.username);
  });

  it('says a handshake is missing or has run out', async () => {
    const browser = new Browserish();
    const callback = await signInAtProvider(browser, await begin(browser, 'tpe'), 'tpe-teacher');
    browser.cookies.delete('portfolio_sso');
    expect((await answer(browser, callback)).searchParams.get('failure')).toBe('HANDSHAKE_MISSING');

    const slow = new Browserish();
    const slowCallback = await signInAtProvider(slow, await begin(slow, 'tpe'), 'tpe-teacher');
    app.clock.advance(11 * 60_000);
    other.clock.advance(11 * 60_000);
    expect((await answer(slow, slowCallback)).searchParams.get('failure')).toBe('HANDSHAKE_MISSING');
  });

  it('says so when the person cancels at the provider', async () => {
    const browser = new Browserish();
    const interaction = Browserish.location(await browser.request(await begin(browser, 'tpe')), tpe.issuer);
    const aborted = await browser.request(`${interaction}/abort`);
    let url = Browserish.location(aborted, interaction);
    while (!url.startsWith(publicUrl)) url = Browserish.location(await browser.request(url), url);
    expect((await answer(browser, url)).searchParams.get('failure')).toBe('CANCELLED');
  });

  it('answers an unknown provider with 404 and a broken answer without a 500', async () => {
    const browser = new Browserish();
    expect((await browser.request(`${publicUrl}/auth/sso/nope/start`)).status).toBe(404);
    expect((await browser.request(`${publicUrl}/auth/sso/nope/callback?code=x`)).status).toBe(404);
    // A provider segment that is no valid percent-encoding: the request's fault, not the server's.
    const errorsBefore = app.logLines.filter((line) => line.includes('"level":"error"')).length;
    for (const path of ['/auth/sso/%E0%A4%A/start', '/auth/sso/%/callback']) {
      expect((await browser.request(`${publicUrl}${path}`)).status).toBe(400);
    }
    expect(app.logLines.filter((line) => line.includes('"level":"error"')).length).toBe(errorsBefore);
    await begin(browser, 'tpe');
    for (const query of ['', '?code=x', '?code=x&state=y', `?state=${'x'.repeat(5000)}`, '?error=server_error']) {
      const response = await browser.request(`${publicUrl}/auth/sso/tpe/callback${query}`);
      expect(response.status).toBe(303);
      expect(new URL(response.headers.get('location')!).searchParams.get('failure')).toMatch(
        /^(ANSWER_REJECTED|HANDSHAKE_MISSING)$/,
      );
      await begin(browser, 'tpe');
    }
    // A forged handshake cookie is no handshake.
    browser.cookies.set('portfolio_sso', 'forged');
    const forged = await browser.request(`${publicUrl}/auth/sso/tpe/callback?code=x&state=y`);
    expect(new URL(forged.headers.get('location')!).searchParams.get('failure')).toBe('HANDSHAKE_MISSING');
    // Only the platform's own pages are returned to.
    const away = new Browserish();
    const start = await away.request(`${publicUrl}/auth/sso/tpe/start?return=${encodeURIComponent('//evil.example/')}`);
    expect(start.status).toBe(303);
    const callback = await signInAtProvider(away, Browserish.location(start, publicUrl), 'tpe-teacher');
    expect((await answer(away, callback)).href).toBe(`${publicUrl}/#/`);
  });

  it('ends the platform session at logout and offers the provider’s logout', async () => {
    const { browser } = await signInThrough('tpe', 'tpe-teacher');
    const { logout } = await browser.graphql<{ logout: { endedSessions: number; providerLogoutUrl: string | null } }>(
      publicUrl,
      'mutation { logout { endedSessions providerLogoutUrl } }',
    );
    expect(logout.endedSessions).toBe(1);
    const providerLogout = new URL(logout.providerLogoutUrl!);
    expect(providerLogout.origin).toBe(tpe.issuer);
    expect(providerLogout.searchParams.get('client_id')).toBe('portfolio');
    expect(providerLogout.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/`);
    expect((await browser.graphql<MeData>(publicUrl, ME)).me).toBeNull();

    // At the provider: its confirmation page, then back to the platform.
    const page = await (await browser.request(providerLogout.href)).text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    expect(xsrf).toBeTruthy();
    const confirmed = await browser.request(`${tpe.issuer}/session/end/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }),
    });
    let url = Browserish.location(confirmed, tpe.issuer);
    while (!url.startsWith(publicUrl)) url = Browserish.location(await browser.request(url), url);
    expect(url).toBe(`${publicUrl}/`);
    // Signed out there too: the next sign-in asks for the login again.
    const next = await browser.request(await begin(browser, 'tpe'));
    const interaction = Browserish.location(next, tpe.issuer);
    expect(await (await browser.request(interaction)).text()).toContain('name="prompt" value="login"');

    // A password session offers no provider logout.
    const password = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const { logout: plain } = await password.ok<{ logout: { providerLogoutUrl: string | null } }>(
      'mutation { logout { providerLogoutUrl } }',
    );
    expect(plain.providerLogoutUrl).toBeNull();
  });

  it('keeps the national ID and the protocol values out of the logs', () => {
    const logged = app.logLines.join('\n') + other.logLines.join('\n');
    expect(logged).toContain('sso sign-in refused');
    for (const form of [studentNationalId, studentNationalId.toLowerCase(), school.students[0]!.nationalIdDigest]) {
      expect(logged).not.toContain(form);
    }
    expect(logged).not.toMatch(/code=|nonce=|code_verifier|state=/);
  });

  it('ends a session opened through a provider once that provider is taken out of the settings', async () => {
    const { browser } = await signInThrough('tpe', 'tpe-teacher');
    const withoutTpe = await startTestApp({
      PUBLIC_URL: publicUrl,
      SSO_PROVIDERS: 'edu',
      OIDC_EDU_ISSUER: edu.issuer,
      OIDC_EDU_CLIENT_ID: 'portfolio',
      OIDC_EDU_LABEL: '教育雲',
      OIDC_EDU_MATCH: 'NATIONAL_ID',
      OIDC_EDU_CLAIM: 'national_id',
    });
    try {
      expect((await browser.graphql<MeData>(publicUrl, ME)).me?.username).toBe(school.logins.teacher.username);
      const there = withoutTpe.url.replace('localhost', '127.0.0.1');
      expect((await browser.graphql<MeData>(there, ME)).me).toBeNull();
    } finally {
      await withoutTpe.close();
    }
  });
});

describe('single sign-on settings', () => {
  const base = {
    NODE_ENV: 'test',
    SSO_PROVIDERS: 'tpe',
    PUBLIC_URL: 'https://portfolio.example.tw',
    OIDC_TPE_ISSUER: 'https://sso.example.tw',
    OIDC_TPE_CLIENT_ID: 'portfolio',
    OIDC_TPE_LABEL: '臺北市校園單一身分驗證',
    OIDC_TPE_CLAIM: 'preferred_username',
  };

  it('reads a provider with its defaults', () => {
    expect(loadConfig(base).sso).toEqual({
      publicUrl: 'https://portfolio.example.tw',
      providers: [
        {
          id: 'tpe',
          label: '臺北市校園單一身分驗證',
          issuer: 'https://sso.example.tw',
          clientId: 'portfolio',
          clientSecret: null,
          scope: 'openid',
          claim: 'preferred_username',
          match: 'LOGIN_NAME',
          accounts: ['STUDENT', 'STAFF'],
        },
      ],
    });
    expect(loadConfig({ NODE_ENV: 'test' }).sso).toEqual({ publicUrl: null, providers: [] });
  });

  it('never repeats a URL that may hold a password', () => {
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'https://user:s3cret@portfolio.example.tw' })).toThrow('PUBLIC_URL');
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'https://user:s3cret@portfolio.example.tw' })).not.toThrow('s3cret');
  });

  it.each([
    [{ OIDC_TPE_ISSUER: '' }, 'OIDC_TPE_ISSUER'],
    [{ PUBLIC_URL: '' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'portfolio.example.tw' }, 'PUBLIC_URL'],
    [{ OIDC_TPE_MATCH: 'EMAIL' }, 'OIDC_TPE_MATCH'],
    [{ OIDC_TPE_CLAIM: '' }, 'OIDC_TPE_CLAIM'],
    [{ OIDC_TPE_CLAIM: 'a b' }, 'OIDC_TPE_CLAIM'],
    [{ OIDC_TPE_MATCH: 'NATIONAL_ID', OIDC_TPE_CLAIM: 'nid', OIDC_TPE_ACCOUNTS: 'STAFF' }, '只能用於學生帳號'],
    [{ OIDC_TPE_ACCOUNTS: 'TEACHER' }, 'OIDC_TPE_ACCOUNTS'],
    [{ OIDC_TPE_SCOPE: 'profile' }, 'openid'],
    [{ SSO_PROVIDERS: 'TPE' }, '小寫'],
    [{ SSO_PROVIDERS: 'tpe,tpe' }, '不可重複'],
    [{ NODE_ENV: 'production', OIDC_TPE_ISSUER: 'http://sso.example.tw' }, 'https://'],
  ])('stops the start on %o', (change, named) => {
    expect(() => loadConfig({ ...base, ...change })).toThrow(named);
  });

  it('stops the start when the issuer answers as another', async () => {
    const provider = await startIdentityProvider({ clients: [] });
    try {
      // The same server under another name: its discovery document names 127.0.0.1.
      const start = startTestApp({
        ...base,
        PUBLIC_URL: 'http://127.0.0.1:9',
        OIDC_TPE_ISSUER: provider.issuer.replace('127.0.0.1', 'localhost'),
      });
      await expect(start).rejects.toThrow(/OIDC_TPE_ISSUER.*沒有回應正確的 OpenID Connect 設定/);
    } finally {
      await provider.close();
    }
  });

  it('starts while a provider cannot be reached, and says so at sign-in', async () => {
    const port = await freePort();
    const unreachable = await startTestApp({
      ...base,
      PUBLIC_URL: 'http://127.0.0.1:9',
      OIDC_TPE_ISSUER: `http://127.0.0.1:${port}`,
    });
    try {
      const response = await fetch(`${unreachable.url}/auth/sso/tpe/start`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(new URL(response.headers.get('location')!).searchParams.get('failure')).toBe('PROVIDER_UNAVAILABLE');
    } finally {
      await unreachable.close();
    }
  });
});
