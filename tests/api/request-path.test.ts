import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// The request path of issue 22: what a request sends to PostgreSQL, and that the school's cached reference rows
// (its own row, years, terms) are never older than what the request's session lookup saw.

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

/** The statements the API process sends while `fn` runs (this test's app is in the test's own process). */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const sent: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const query = args[0] as string | { text?: string };
    sent.push(typeof query === 'string' ? query : (query.text ?? ''));
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return sent;
}

const ME = `{ me { school { displayName outcomeUploadCap } currentTerm { id rocPeriod label } student { studentNumber } } }`;

interface MeAnswer {
  me: {
    school: { displayName: string; outcomeUploadCap: number | null };
    currentTerm: { id: string; rocPeriod: string; label: string } | null;
    student: { studentNumber: string } | null;
  };
}

describe('a request', () => {
  let school: TestSchool;
  let student: ApiClient;

  beforeAll(async () => {
    school = await city.school({ studentsPerClass: 1 });
    student = await app.client().login(school.logins.student.username, school.logins.student.password);
  });

  it('that reads no data opens no transaction: { __typename } looks its session up once, then sends nothing', async () => {
    await student.ok('{ __typename }'); // the school's reference rows are kept from now on
    const fresh = await app.client().login(school.logins.student.username, school.logins.student.password);
    const first = await statementsOf(() => fresh.ok('{ __typename }'));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/auth_resolve_session/);
    expect(await statementsOf(() => fresh.ok('{ __typename }'))).toEqual([]);
  });

  it('begins its transaction in one message with the tenant settings, and sends BEGIN nowhere else', async () => {
    const sent = await statementsOf(() => student.ok<MeAnswer>(ME));
    const begins = sent.filter((sql) => /^\s*begin\b/i.test(sql));
    expect(begins).toHaveLength(1);
    expect(begins[0]).toMatch(
      /^BEGIN; select set_config\('app\.school_id', .*, true\), set_config\('app\.authority_id'/,
    );
    expect(sent.at(-1)).toMatch(/^COMMIT/);
  });

  it('reads its school, year and term from the cache, and a change to any of them at once', async () => {
    const term = app.factory.currentTerm(school);
    const first = await student.ok<MeAnswer>(ME);
    expect(first.me.currentTerm?.id).toBe(toGlobalId('Term', term.id));
    const sent = await statementsOf(() => student.ok<MeAnswer>(ME));
    expect(sent.filter((sql) => /\b(school|term|academic_year)\b"? /.test(sql) && !/auth_resolve/.test(sql))).toEqual(
      [],
    );

    // Written straight to the database (as an operator would), not through this process: the process learns of it
    // by the version the session lookup returns, once the school's NOTIFY has made it forget the sessions it kept
    // (settled() waits for the notices committed so far to arrive).
    await app.sql('update term set ends_on = ends_on + 1 where id = ?', [term.id]);
    await app.services.alerts.settled();
    const moved = await student.ok<MeAnswer>(ME);
    expect(moved.me.currentTerm?.rocPeriod).not.toBe(first.me.currentTerm?.rocPeriod);

    await app.sql('update school set outcome_upload_cap = 7 where id = ?', [school.school.id]);
    await app.services.alerts.settled();
    expect((await student.ok<MeAnswer>(ME)).me.school.outcomeUploadCap).toBe(7);

    // A new term that starts today becomes the current one on the next request.
    await app.sql('update term set starts_on = current_date - 400, ends_on = current_date - 300 where id = ?', [
      term.id,
    ]);
    await app.services.alerts.settled();
    expect((await student.ok<MeAnswer>(ME)).me.currentTerm).toBeNull();
  });

  it('never answers another school’s term from that school’s cached rows', async () => {
    const other = await city.school({ studentsPerClass: 1 });
    const otherStudent = await app.client().login(other.logins.student.username, other.logins.student.password);
    await otherStudent.ok<MeAnswer>(ME); // the other school's rows are now cached in this process
    const otherTerm = toGlobalId('Term', app.factory.currentTerm(other).id);
    const answer = await student.ok<{ node: { id: string } | null }>(
      'query ($id: ID!) { node(id: $id) { id ... on Term { label } } }',
      { id: otherTerm },
    );
    expect(answer.node).toBeNull();
    const own = await otherStudent.ok<{ node: { id: string } | null }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: otherTerm,
    });
    expect(own.node?.id).toBe(otherTerm);
  });
});

describe('the sessions an instance keeps', () => {
  let school: TestSchool;
  const ME_ID = '{ me { id } }';
  const signedIn = async (client: ApiClient) => (await client.ok<{ me: { id: string } | null }>(ME_ID)).me !== null;

  beforeAll(async () => {
    school = await city.school({ studentsPerClass: 2 });
  });

  it('end with a logout before its answer is sent, every time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const client = await app.client().login(school.logins.student.username, school.logins.student.password);
      const stolenCopy = app.client();
      stolenCopy.token = client.token;
      expect(await signedIn(stolenCopy)).toBe(true); // kept now
      await client.ok('mutation { logout { endedSessions } }');
      expect(await signedIn(stolenCopy)).toBe(false);
    }
  });

  it('end when the database ends them, whoever writes it', async () => {
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    expect(await signedIn(student)).toBe(true);
    expect(await signedIn(teacher)).toBe(true);

    await app.sql(
      `update auth_session set revoked_at = now()
       where revoked_at is null and credential_id in (select id from credential where username = ?)`,
      [school.logins.student.username],
    );
    await app.services.alerts.settled();
    expect(await signedIn(student)).toBe(false);

    const teacherAccount = 'select account_id from credential where username = ?';
    await app.sql(`update user_account set active = false where id = (${teacherAccount})`, [
      school.logins.teacher.username,
    ]);
    await app.services.alerts.settled();
    expect(await signedIn(teacher)).toBe(false);
    await app.sql(`update user_account set active = true where id = (${teacherAccount})`, [
      school.logins.teacher.username,
    ]);
  });

  it('are not kept while the instance cannot hear changes', async () => {
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    await student.ok(ME_ID);
    app.services.auth.sessionFacts.lost();
    try {
      const sent = await statementsOf(() => student.ok(ME_ID));
      expect(sent.filter((sql) => /auth_resolve_session/.test(sql))).toHaveLength(1);
      const again = await statementsOf(() => student.ok(ME_ID));
      expect(again.filter((sql) => /auth_resolve_session/.test(sql))).toHaveLength(1);
    } finally {
      app.services.auth.sessionFacts.listening();
    }
  });
});
