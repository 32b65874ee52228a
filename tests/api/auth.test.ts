import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import type { TestSchool } from '../support/factory.js';

const ME = '{ me { displayName username roles school { displayName } } }';
const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { token retryAfterSeconds me { displayName } userErrors { field code message } }
}`;

interface LoginData {
  login: {
    token: string | null;
    retryAfterSeconds: number | null;
    me: { displayName: string } | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

let app: TestApp;
let school: TestSchool;

beforeAll(async () => {
  app = await startTestApp({
    LOGIN_PAIR_MAX_FAILURES: '3',
    LOGIN_ACCOUNT_MAX_FAILURES: '6',
    LOGIN_ADDRESS_MAX_FAILURES: '1000',
    TRUST_PROXY: 'loopback',
  });
  school = await (await app.factory.city()).school();
});
afterAll(() => app.close());

describe('login and sessions', () => {
  it('sets an httpOnly SameSite session cookie that authenticates the next request', async () => {
    const browser = app.client();
    const { registration } = school.logins;
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { input: registration } }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(setCookie).toMatch(/^portfolio_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // Relative lifetime, so a school PC with a wrong clock keeps the cookie: 12 hours.
    expect(setCookie).toMatch(/Max-Age=43200/);
    const body = (await response.json()) as { data: LoginData };
    expect(body.data.login.token).toBeNull();
    expect(body.data.login.me?.displayName).toBe('註冊組長');

    browser.cookie = setCookie.split(';')[0]!;
    const me = await browser.ok<{ me: { username: string; roles: string[]; school: { displayName: string } } }>(ME);
    expect(me.me.username).toBe(registration.username);
    expect(me.me.roles).toEqual(['SCHOOL_ADMIN']);
    expect(me.me.school.displayName).toContain(school.school.name);
  });

  it('gives API clients a bearer token, and me is null without one', async () => {
    const client = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    expect((await client.ok<{ me: { displayName: string } }>(ME)).me.displayName).toBe('任課老師');
    expect((await app.client().ok<{ me: null }>(ME)).me).toBeNull();
  });

  it('answers a wrong password and an unknown user with the same message, and records no session', async () => {
    const wrong = await app
      .client()
      .ok<LoginData>(LOGIN, { input: { username: school.logins.counselor.username, password: 'nope-nope' } });
    const unknown = await app
      .client()
      .ok<LoginData>(LOGIN, { input: { username: 'no.such.user', password: 'nope-nope' } });
    expect(wrong.login.userErrors).toEqual([
      { field: ['input', 'password'], code: 'INVALID_CREDENTIALS', message: '帳號或密碼錯誤，請再試一次。' },
    ]);
    expect(unknown.login.userErrors).toEqual(wrong.login.userErrors);
    expect(wrong.login.me).toBeNull();
    const sessions = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from auth_session s join credential c on c.id = s.credential_id where c.username = ?`,
      [school.logins.counselor.username],
    );
    expect(sessions.n).toBe(0);
  });

  it('asks for both fields when they are empty', async () => {
    const result = await app.client().ok<LoginData>(LOGIN, { input: { username: ' ', password: '' } });
    expect(result.login.userErrors.map((e) => e.code)).toEqual(['REQUIRED', 'REQUIRED']);
  });

  it('logout revokes the session on the server, not just the cookie', async () => {
    const client = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    const stolenCopy = client.token;
    const result = await client.ok<{ logout: { endedSessions: number } }>('mutation { logout { endedSessions } }');
    expect(result.logout.endedSessions).toBe(1);
    const replay = app.client();
    replay.token = stolenCopy;
    expect((await replay.ok<{ me: null }>(ME)).me).toBeNull();
  });

  it('lists sessions and revokes another device, and logout of all sessions ends every one', async () => {
    const { username, password } = school.logins.student;
    const laptop = await app.client().login(username, password);
    const phone = await app.client().login(username, password);
    const tablet = await app.client().login(username, password);
    const list = await laptop.ok<{ mySessions: { id: string; isCurrent: boolean }[] }>(
      '{ mySessions { id isCurrent } }',
    );
    expect(list.mySessions).toHaveLength(3);
    expect(list.mySessions.filter((s) => s.isCurrent)).toHaveLength(1);

    const phoneSession = (
      await phone.ok<{ mySessions: { id: string; isCurrent: boolean }[] }>('{ mySessions { id isCurrent } }')
    ).mySessions.find((s) => s.isCurrent)!;
    const revoked = await laptop.ok<{ revokeSession: { revoked: boolean } }>(
      'mutation ($input: RevokeSessionInput!) { revokeSession(input: $input) { revoked } }',
      { input: { sessionId: phoneSession.id } },
    );
    expect(revoked.revokeSession.revoked).toBe(true);
    expect((await phone.ok<{ me: null }>(ME)).me).toBeNull();
    expect((await tablet.ok<{ me: object | null }>(ME)).me).not.toBeNull();

    const all = await laptop.ok<{ logout: { endedSessions: number } }>(
      'mutation { logout(input: { allSessions: true }) { endedSessions } }',
    );
    expect(all.logout.endedSessions).toBe(2);
    expect((await tablet.ok<{ me: null }>(ME)).me).toBeNull();
    expect((await laptop.ok<{ me: null }>(ME)).me).toBeNull();
  });

  it('cannot revoke a session of somebody else', async () => {
    const victim = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const victimSession = (await victim.ok<{ mySessions: { id: string }[] }>('{ mySessions { id } }')).mySessions[0]!;
    const attacker = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    const result = await attacker.ok<{ revokeSession: { revoked: boolean; userErrors: { code: string }[] } }>(
      'mutation ($input: RevokeSessionInput!) { revokeSession(input: $input) { revoked userErrors { code } } }',
      { input: { sessionId: victimSession.id } },
    );
    expect(result.revokeSession).toEqual({ revoked: false, userErrors: [{ code: 'SESSION_NOT_FOUND' }] });
    expect((await victim.ok<{ me: object | null }>(ME)).me).not.toBeNull();
  });

  it('expires a session after its lifetime', async () => {
    const client = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    app.clock.advance(13 * 3600_000);
    try {
      expect((await client.ok<{ me: null }>(ME)).me).toBeNull();
    } finally {
      app.clock.advance(-13 * 3600_000);
    }
  });
});

describe('slowing down repeated failures', () => {
  it('locks an account after repeated failures, refuses even the right password until the lock ends, then lets in', async () => {
    const target = await (await app.factory.city()).school();
    const { username, password } = target.logins.counselor;
    const attempt = (pw: string) => app.client().ok<LoginData>(LOGIN, { input: { username, password: pw } });

    expect((await attempt('wrong-1')).login.userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
    expect((await attempt('wrong-2')).login.userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
    const locked = await attempt('wrong-3');
    expect(locked.login.userErrors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.login.retryAfterSeconds).toBe(30);
    expect(locked.login.userErrors[0]!.message).toMatch(/請於 115\/11\/28 09:00 後再試（30 秒）/);

    const stillLocked = await attempt(password);
    expect(stillLocked.login.userErrors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
    expect(stillLocked.login.me).toBeNull();

    app.clock.advance(31_000);
    try {
      const ok = await attempt(password);
      expect(ok.login.userErrors).toEqual([]);
      expect(ok.login.me).not.toBeNull();
    } finally {
      app.clock.advance(-31_000);
    }
  });

  it('doubles the lock with every further failure', async () => {
    const target = await (await app.factory.city()).school();
    const { username } = target.logins.teacher;
    const attempt = () => app.client().ok<LoginData>(LOGIN, { input: { username, password: 'wrong' } });
    await attempt();
    await attempt();
    expect((await attempt()).login.retryAfterSeconds).toBe(30);
    app.clock.advance(31_000);
    try {
      expect((await attempt()).login.retryAfterSeconds).toBe(60);
    } finally {
      app.clock.advance(-31_000);
    }
  });
});

/** A client seen as coming from its own address (TEST-NET-3), so other tests' failures do not count against it. */
function from(address: string): ReturnType<TestApp['client']> {
  const client = app.client();
  client.headers['x-forwarded-for'] = address;
  return client;
}
let addressCounter = 0;
const freshAddress = () => `203.0.113.${(addressCounter += 1)}`;

describe('guessing a password', () => {
  it('cannot undo its counted failures by making the rest of the request fail', async () => {
    const target = await (await app.factory.city()).school();
    const { username, password } = target.logins.counselor;
    const address = freshAddress();
    // A second field that always fails rolls back the request's transaction; the failure stays counted.
    const guessAndFail = `mutation ($input: LoginInput!) {
      login(input: $input) { userErrors { code } }
      broken: revokeSession(input: { sessionId: "not-an-id" }) { revoked }
    }`;
    for (let i = 0; i < 3; i += 1) {
      const result = await from(address).request<LoginData>(guessAndFail, { input: { username, password: `no-${i}` } });
      expect(result.errors.length).toBeGreaterThan(0);
    }
    const right = await from(address).ok<LoginData>(LOGIN, { input: { username, password } });
    expect(right.login.userErrors[0]?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('signs in once per request: two login fields are refused before either runs', async () => {
    const target = await (await app.factory.city()).school();
    const address = freshAddress();
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({
        query: `mutation ($a: LoginInput!, $b: LoginInput!) {
          a: login(input: $a) { me { id } }
          b: login(input: $b) { me { id } }
        }`,
        variables: {
          a: { username: target.logins.teacher.username, password: target.logins.teacher.password },
          b: { username: target.logins.counselor.username, password: 'guess' },
        },
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBe('一次請求只能做一件事：登入、登出或變更密碼，各請分開送出。');
    const sessions = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from auth_session s join credential c on c.id = s.credential_id where c.school_id = ?',
      [target.school.id],
    );
    expect(sessions.n).toBe(0);
  });

  it('sends no session cookie when the request that signed in is rolled back', async () => {
    const target = await (await app.factory.city()).school();
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify({
        query: `mutation ($input: LoginInput!) {
          login(input: $input) { me { id } }
          broken: revokeSession(input: { sessionId: "not-an-id" }) { revoked }
        }`,
        variables: { input: target.logins.teacher },
      }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(response.headers.get('set-cookie')).toBeNull();
    const sessions = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from auth_session s join credential c on c.id = s.credential_id where c.school_id = ?',
      [target.school.id],
    );
    expect(sessions.n).toBe(0);
  });

  it('lets parallel guesses through one at a time once the limit is reached', async () => {
    const target = await (await app.factory.city()).school();
    const address = freshAddress();
    const { username } = target.logins.homeroom;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        from(address).ok<LoginData>(LOGIN, { input: { username, password: `parallel-${i}` } }),
      ),
    );
    const checked = results.filter((result) => result.login.userErrors[0]?.code === 'INVALID_CREDENTIALS');
    // The limit (3), and at most one more let through as the limit is reached.
    expect(checked.length).toBeLessThanOrEqual(4);
    expect(results.length - checked.length).toBeGreaterThanOrEqual(16);
  });

  it('locks a name from the guesser’s address, while its owner still signs in from their own', async () => {
    const target = await (await app.factory.city()).school();
    const { username, password } = target.logins.student;
    const attacker = freshAddress();
    const home = freshAddress();
    for (let i = 0; i < 3; i += 1) await from(attacker).ok<LoginData>(LOGIN, { input: { username, password: 'x' } });
    const locked = await from(attacker).ok<LoginData>(LOGIN, { input: { username, password } });
    expect(locked.login.userErrors[0]?.code).toBe('TOO_MANY_ATTEMPTS');
    const owner = await from(home).ok<LoginData>(LOGIN, { input: { username, password } });
    expect(owner.login.userErrors).toEqual([]);
    expect(owner.login.me).not.toBeNull();
  });

  it('locks a name everywhere once guesses from many addresses pass the per-name ceiling', async () => {
    const target = await (await app.factory.city()).school();
    const { username, password } = target.logins.teacher;
    for (let i = 0; i < 6; i += 1) {
      await from(freshAddress()).ok<LoginData>(LOGIN, { input: { username, password: 'spray' } });
    }
    const owner = await from(freshAddress()).ok<LoginData>(LOGIN, { input: { username, password } });
    expect(owner.login.userErrors[0]?.code).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('many at once', () => {
  it('answers forty logins sent at the same moment (the throttle never waits for a request connection)', async () => {
    const target = await (await app.factory.city()).school();
    const people = Object.values(target.logins);
    const logins = Array.from({ length: 40 }, (_, i) =>
      from(freshAddress()).request<LoginData>(LOGIN, { input: people[i % people.length] }),
    );
    const stalled = new Promise<'stalled'>((resolve) => setTimeout(() => resolve('stalled'), 30_000).unref());
    const results = await Promise.race([Promise.all(logins), stalled]);
    expect(results).not.toBe('stalled');
    const answered = results as Awaited<(typeof logins)[number]>[];
    expect(answered.flatMap((result) => result.errors)).toEqual([]);
    expect(answered.filter((result) => result.data?.login.me).length).toBe(40);
  });
});

describe('changing one’s own password', () => {
  const CHANGE = `mutation ($input: ChangePasswordInput!) {
    changePassword(input: $input) { changed userErrors { field code message } }
  }`;
  interface Change {
    changePassword: { changed: boolean; userErrors: { field: string[]; code: string; message: string }[] };
  }

  it('takes the current password and a new one, and ends the other devices’ sessions', async () => {
    const target = await (await app.factory.city()).school();
    const { username, password } = target.logins.counselor;
    const address = freshAddress();
    const laptop = await from(address).login(username, password);
    const phone = await from(freshAddress()).login(username, password);

    const rules = await laptop.ok<Change>(CHANGE, { input: { currentPassword: password, newPassword: 'short' } });
    expect(rules.changePassword.userErrors.map((e) => e.code)).toEqual(['PASSWORD_LENGTH']);
    const withName = await laptop.ok<Change>(CHANGE, {
      input: { currentPassword: password, newPassword: `${username}-2026` },
    });
    expect(withName.changePassword.userErrors.map((e) => e.code)).toEqual(['PASSWORD_HAS_USERNAME']);
    const wrong = await laptop.ok<Change>(CHANGE, {
      input: { currentPassword: 'not-it', newPassword: 'a-much-better-one' },
    });
    expect(wrong.changePassword).toMatchObject({
      changed: false,
      userErrors: [{ code: 'INVALID_CURRENT_PASSWORD', message: '目前的密碼不正確。' }],
    });

    const done = await laptop.ok<Change>(CHANGE, {
      input: { currentPassword: password, newPassword: 'a-much-better-one' },
    });
    expect(done.changePassword).toEqual({ changed: true, userErrors: [] });
    expect((await laptop.ok<{ me: object | null }>(ME)).me).not.toBeNull();
    expect((await phone.ok<{ me: null }>(ME)).me).toBeNull();
    await expect(from(freshAddress()).login(username, password)).rejects.toThrow(/INVALID_CREDENTIALS/);
    expect(await from(freshAddress()).login(username, 'a-much-better-one')).toBeTruthy();
  });

  it('counts a wrong current password like a failed login, so a stolen session cannot guess it', async () => {
    const target = await (await app.factory.city()).school();
    const { username, password } = target.logins.teacher;
    const address = freshAddress();
    const session = await from(address).login(username, password);
    for (let i = 0; i < 3; i += 1) {
      await session.ok<Change>(CHANGE, { input: { currentPassword: `guess-${i}`, newPassword: 'another-long-one' } });
    }
    const locked = await session.ok<Change>(CHANGE, {
      input: { currentPassword: password, newPassword: 'another-long-one' },
    });
    expect(locked.changePassword.userErrors[0]?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.changePassword.changed).toBe(false);
  });
});

describe('an address guessing many accounts', () => {
  it('is slowed down across usernames', async () => {
    const strict = await startTestApp({
      LOGIN_PAIR_MAX_FAILURES: '100',
      LOGIN_ACCOUNT_MAX_FAILURES: '100',
      LOGIN_ADDRESS_MAX_FAILURES: '4',
      TRUST_PROXY: 'loopback',
    });
    // An address of its own (TEST-NET-2), so failures of other tests running at the same time do not count here.
    const address = `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
    const fromAddress = () => {
      const client = strict.client();
      client.headers['x-forwarded-for'] = address;
      return client;
    };
    try {
      const target = await (await strict.factory.city()).school();
      const codes: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const result = await fromAddress().ok<LoginData>(LOGIN, {
          input: { username: `guess${i}.user`, password: 'x-wrong' },
        });
        codes.push(result.login.userErrors[0]!.code);
      }
      expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
      const legit = await fromAddress().ok<LoginData>(LOGIN, { input: target.logins.student });
      expect(legit.login.userErrors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await strict.close();
    }
  });
});

describe('CSRF prevention', () => {
  it('rejects a simple form post and a GET mutation, changing nothing', async () => {
    const form = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation%7Blogout%7BendedSessions%7D%7D',
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/Cross-Site Request Forgery/);

    const client = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const get = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent('mutation { logout { endedSessions } }')}`, {
      headers: { authorization: `Bearer ${client.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(405);
    expect((await client.ok<{ me: object | null }>(ME)).me).not.toBeNull();
  });
});

describe('logs', () => {
  it('never contain passwords or session tokens', async () => {
    const client = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    await app
      .client()
      .request(LOGIN, { input: { username: school.logins.registration.username, password: 'Secret-Typo-42' } });
    // A national ID in a rejected input, and a malformed variable, must not reach the log either.
    await client.request('mutation ($input: CreateStudentInput!) { createStudent(input: $input) { student { id } } }', {
      input: { studentNumber: 'L1', name: '記錄測試', nationalId: 'F131104093', birthDate: '2009-01-01', cohort: 999 },
    });
    // A bug path: a malformed query variable still must not echo secrets into the log.
    await client.request('query ($x: Int!) { me { displayName } }', { x: 'TOP-SECRET-VALUE' });
    const log = app.logLines.join('\n');
    expect(log).not.toContain(school.logins.registration.password);
    expect(log).not.toContain('Secret-Typo-42');
    expect(log).not.toContain('TOP-SECRET-VALUE');
    expect(log).not.toContain('F131104093');
    expect(log).not.toContain(client.token!);
  });
});
