import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { testDatabaseUrl } from '../support/test-database.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

const CADRE = `mutation ($input: RecordCadreInput!) {
  recordCadre(input: $input) { record { id } userErrors { field code message } }
}`;
const COUNSELING = `mutation ($input: RecordCounselingInput!) {
  recordCounseling(input: $input) { record { id } userErrors { field code message } }
}`;
const PERFORMANCE = `mutation ($input: RecordPerformanceInput!) {
  recordPerformance(input: $input) { performance { id externalLink } userErrors { field code message } }
}`;
const CREATE_STUDENT = `mutation ($input: CreateStudentInput!) {
  createStudent(input: $input) { student { id } userErrors { field code message } }
}`;
const REQUEST_UPLOAD = `mutation ($input: RequestUploadInput!) {
  requestUpload(input: $input) { upload { id } userErrors { code } }
}`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { me { id } userErrors { code } } }`;

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let affairs: ApiClient;
let counselor: ApiClient;
let registration: ApiClient;
let student: ApiClient;

const studentId = (index: number) => toGlobalId('Student', school.students[index]!.id);

async function footprint(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['cadre_record', 'counseling_record', 'diverse_performance', 'student', 'upload', 'audit_log']) {
    const row = await app.sqlOne<{ n: number }>(`select count(*)::int as n from ${table} where school_id = ?`, [
      school.school.id,
    ]);
    counts[table] = row.n;
  }
  return counts;
}

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  school = await city.school({ studentsPerClass: 3 });
  await city.timeline(
    [TaskKind.UPLOAD_PERFORMANCES].map((kind) => ({ kind, startsAt: at(-1), endsAt: at(5) })),
    [school],
  );
  const signIn = (login: { username: string; password: string }) => app.client().login(login.username, login.password);
  affairs = await signIn(school.logins.affairs);
  counselor = await signIn(school.logins.counselor);
  registration = await signIn(school.logins.registration);
  student = await signIn(school.logins.student);
});
afterAll(() => app.close());

const cadre = (unit: string, position = '班長') => ({
  studentId: studentId(0),
  unit,
  position,
  level: 1,
  startsOn: '2026-09-01',
  endsOn: '2027-01-20',
});
const counseling = (topic: string, content: string) => ({
  kind: 'INDIVIDUAL',
  studentIds: [studentId(1)],
  heldOn: '2026-11-20',
  topic,
  content,
});
const performance = (fields: Partial<{ title: string; description: string; value: string; link: string }>) => ({
  category: 'GROUP_ACTIVITY',
  title: fields.title ?? '淨灘',
  details: [{ key: 'activity', value: fields.value ?? '社團活動' }],
  description: fields.description ?? '協助社區淨灘。',
  externalLink: fields.link ?? null,
});
const newStudent = (name: string) => ({
  studentNumber: `H${Math.floor(Math.random() * 1e6)}`,
  name,
  nationalId: 'A123456789',
  birthDate: '2009-01-01',
  cohort: 115,
});

describe('text no database can store, refused at the one edge', () => {
  const NUL = '\u0000';
  const cases: [string, () => ApiClient, string, () => Record<string, unknown>][] = [
    ['anonymous login name', () => app.client(), LOGIN, () => ({ input: { username: `a${NUL}b`, password: 'x' } })],
    [
      'upload file name',
      () => student,
      REQUEST_UPLOAD,
      () => ({ input: { purpose: 'DOCUMENT', fileName: `成果${NUL}.pdf`, size: 100 } }),
    ],
    ['performance title', () => student, PERFORMANCE, () => ({ input: performance({ title: `志工${NUL}` }) })],
    ['performance 簡述', () => student, PERFORMANCE, () => ({ input: performance({ description: `簡述${NUL}` }) })],
    ['performance detail', () => student, PERFORMANCE, () => ({ input: performance({ value: `其他${NUL}` }) })],
    [
      'performance detail, a lone surrogate',
      () => student,
      PERFORMANCE,
      () => ({ input: performance({ value: '\uD800' }) }),
    ],
    ['counseling topic', () => counselor, COUNSELING, () => ({ input: counseling(`主題${NUL}`, '內容') })],
    ['counseling content', () => counselor, COUNSELING, () => ({ input: counseling('主題', `內容${NUL}`) })],
    ['cadre unit', () => affairs, CADRE, () => ({ input: cadre(`班級${NUL}`) })],
    ['student name', () => registration, CREATE_STUDENT, () => ({ input: newStudent(`王${NUL}明`) })],
    [
      'student name, a direction override',
      () => registration,
      CREATE_STUDENT,
      () => ({ input: newStudent('\u202E明小王') }),
    ],
    [
      'a cursor',
      () => registration,
      'query ($after: String) { students(after: $after) { nodes { id } } }',
      () => ({ after: `eyJ${NUL}` }),
    ],
    [
      'an escape in the document itself',
      () => affairs,
      'mutation { recordCadre(input: { studentId: "x", unit: "\\u0000", position: "p", level: 1, startsOn: "2026-09-01", endsOn: "2026-09-02" }) { record { id } } }',
      () => ({}),
    ],
  ];

  it.each(cases)(
    '%s: 400 BAD_USER_INPUT, nothing written, nothing of it logged',
    async (_label, client, query, variables) => {
      const before = await footprint();
      const logged = app.logLines.length;
      const result = await client().request(query, variables());
      expect(result.status).toBe(400);
      expect(result.data).toBeNull();
      expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors[0]?.message).toMatch(/無法處理的字元/);
      expect(await footprint()).toEqual(before);
      expect(app.logLines.slice(logged).filter((line) => /"level":"error"/.test(line))).toEqual([]);
    },
  );

  it('allows tab and line breaks where a person writes paragraphs, and refuses them in one-line fields', async () => {
    const inTopic = await counselor.request(COUNSELING, { input: counseling('主題\n第二行', '內容') });
    expect(inTopic.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.topic' } });
    expect(inTopic.errors[0]?.message).toMatch(/只能填一行文字/);
    const paragraphs = await counselor.ok<{ recordCounseling: { userErrors: unknown[] } }>(COUNSELING, {
      input: counseling('選課諮詢', '第一段\n\t第二段\r\n第三段'),
    });
    expect(paragraphs.recordCounseling.userErrors).toEqual([]);
  });
});

describe('what the database would refuse, refused as the user’s input', () => {
  it('stores an HTTPS:// link, whatever the case of its scheme', async () => {
    for (const link of ['HTTPS://example.org/Result', 'Http://example.org/x']) {
      const result = await student.ok<{
        recordPerformance: { performance: { externalLink: string } | null; userErrors: unknown[] };
      }>(PERFORMANCE, { input: performance({ link }) });
      expect(result.recordPerformance.userErrors).toEqual([]);
      expect(result.recordPerformance.performance?.externalLink).toBe(link.replace(/^https?/i, (s) => s.toLowerCase()));
    }
  });

  it('answers the same cadre position twice with a userError, also when both arrive at once', async () => {
    const first = await affairs.ok<{ recordCadre: { userErrors: unknown[] } }>(CADRE, {
      input: cadre('學生會', '會長'),
    });
    expect(first.recordCadre.userErrors).toEqual([]);
    const again = await affairs.ok<{ recordCadre: { userErrors: { code: string }[] } }>(CADRE, {
      input: cadre('學生會', '會長'),
    });
    expect(again.recordCadre.userErrors.map((e) => e.code)).toEqual(['DUPLICATE_CADRE']);

    const both = await Promise.all(
      [0, 1].map(() =>
        affairs.request<{ recordCadre: { userErrors: { code: string }[] } }>(CADRE, { input: cadre('社團', '社長') }),
      ),
    );
    const outcomes = both.map((result) =>
      result.errors.length > 0
        ? String(result.errors[0]?.extensions?.code)
        : (result.data?.recordCadre.userErrors[0]?.code ?? 'OK'),
    );
    expect(outcomes).toContain('OK');
    expect(outcomes).not.toContain('INTERNAL_SERVER_ERROR');
    const rows = await app.sqlOne<{ n: number }>(
      "select count(*)::int as n from cadre_record where school_id = ? and unit = '社團'",
      [school.school.id],
    );
    expect(rows.n).toBe(1);
    expect(app.logLines.join('\n')).not.toContain('社長');
  });

  it('answers a duplicate that got past the service’s check as a userError, undoing only that field', async () => {
    // A request that records a cadre position and then a counseling session is held at its insert, after its check
    // for a duplicate found none; meanwhile the same position is recorded and committed.
    const owner = new pg.Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
    await owner.query('begin');
    await owner.query('lock table cadre_record in share row exclusive mode');
    const logged = app.logLines.length;
    const both = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    await app.sql("update user_account set roles = '{SCHOOL_ADMIN,COUNSELOR}' where school_id = ? and username = ?", [
      school.school.id,
      school.logins.affairs.username,
    ]);
    const request = both.request<{
      recordCadre: { record: { id: string } | null; userErrors: { field: string[]; code: string; message: string }[] };
      recordCounseling: { record: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($cadre: RecordCadreInput!, $counseling: RecordCounselingInput!) {
        recordCadre(input: $cadre) { record { id } userErrors { field code message } }
        recordCounseling(input: $counseling) { record { id } userErrors { code } }
      }`,
      { cadre: cadre('糾察隊', '隊長'), counseling: counseling('糾察隊的選課', '談選課') },
    );
    await expect
      .poll(
        async () =>
          (
            await owner.query(
              "select count(*)::int as n from pg_locks where relation = 'cadre_record'::regclass and not granted",
            )
          ).rows[0].n as number,
        { timeout: 10_000 },
      )
      .toBe(1);
    await owner.query(
      `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
       values ($1, gen_random_uuid(), $2, $3, '糾察隊', '隊長', 1, '2026-09-01', '2027-01-20')`,
      [school.school.id, school.students[0]!.id, app.factory.currentTerm(school).id],
    );
    await owner.query('commit');
    await owner.end();
    const result = await request;
    await app.sql("update user_account set roles = '{SCHOOL_ADMIN}' where school_id = ? and username = ?", [
      school.school.id,
      school.logins.affairs.username,
    ]);
    expect(result.errors).toEqual([]);
    expect(result.data!.recordCadre).toEqual({
      record: null,
      userErrors: [{ field: [], code: 'DUPLICATE', message: '已有相同的資料，請勿重複建立；請重新整理頁面確認。' }],
    });
    // The field after the refused one ran and was kept: the refusal rolled back to its own savepoint only.
    expect(result.data!.recordCounseling.userErrors).toEqual([]);
    expect(
      await app.sql("select 1 from counseling_record where school_id = ? and topic = '糾察隊的選課'", [
        school.school.id,
      ]),
    ).toHaveLength(1);
    expect(
      await app.sql("select 1 from cadre_record where school_id = ? and unit = '糾察隊'", [school.school.id]),
    ).toHaveLength(1);
    // The refused field's audit row went with it; the counseling session's stayed.
    const audited = await app.sql<{ operation: string }>(
      'select operation from audit_log where school_id = ? and actor_account_id = (select id from user_account where school_id = ? and username = ?) order by occurred_at',
      [school.school.id, school.school.id, school.logins.affairs.username],
    );
    expect(
      audited
        .map((row) => row.operation)
        .filter((op) => op !== 'auth.login')
        .slice(-1),
    ).toEqual(['counseling.record']);
    const warning = app.logLines.slice(logged).filter((line) => line.includes('database refused input'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatch(/database error 23505 \(cadre_record /);
    expect(warning[0]).not.toContain('糾察隊');
  });

  it('refuses a name made only of invisible characters', async () => {
    for (const name of ['\u200B\u200B', '\u3164', ' \u200D ']) {
      const result = await registration.ok<{ createStudent: { userErrors: { code: string }[] } }>(CREATE_STUDENT, {
        input: newStudent(name),
      });
      expect(result.createStudent.userErrors.map((e) => e.code)).toContain('INVALID_NAME');
    }
  });
});

describe('request bodies GraphQL never sees', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it.each([
    ['malformed JSON', () => post('{"query": "{ me { id } }"'), 400],
    ['a JSON string', () => post('"{ me { id } }"'), 400],
    ['a body over the limit', () => post(JSON.stringify({ query: `{ me { id } } #${'x'.repeat(1_100_000)}` })), 413],
    ['an unknown Content-Encoding', () => post('{}', { 'content-encoding': 'x-unknown' }), 415],
    ['gzip that is not gzip', () => post('not gzip at all', { 'content-encoding': 'gzip' }), 400],
  ])('answers %s with its 4xx and a readable error', async (_label, send, status) => {
    const logged = app.logLines.length;
    const response = await send();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    // Its access line only: method, route, status, time, size, request id; nothing of the body.
    const lines = app.logLines.slice(logged).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ message, route, status }) => ({ message, route, status }))).toEqual([
      { message: 'http request', route: '/graphql', status },
    ]);
  });

  it('still takes a gzipped request', async () => {
    const response = await post(gzipSync(JSON.stringify({ query: '{ __typename }' })), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
  });
});
