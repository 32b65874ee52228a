import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { pruneAccessLog } from '../../api/src/modules/privacy/access-log-retention.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { putBytes } from '../support/uploads.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

interface LogRow {
  student_id: string;
  actor_account_id: string;
  actor_name: string;
  office: string;
  kind: string;
  target_id: string | null;
  request_id: string;
  occurred_at: Date;
}

/** The log rows of one request, read as the owner (outside row-level security). */
const rowsOf = (requestId: string) =>
  app.sql<LogRow>('select * from pii_access_log where request_id = ? order by student_id', [requestId]);

const accountId = (school: TestSchool, username: string) =>
  school.accounts.find((account) => account.username === username)!.id;

const NATIONAL_ID = `query ($id: ID!) { node(id: $id) { ... on Student { id nationalId alsoNationalId: nationalId } } }`;
const STUDENTS = `query { students(first: 100) { nodes { id nationalId } } }`;
const ACCESS_LOG = `query ($studentId: ID, $first: Int, $after: String) {
  piiAccessLog(studentId: $studentId, first: $first, after: $after) {
    nodes { id occurredAt office kind kindLabel actorName requestId }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Entry {
  id: string;
  occurredAt: string;
  office: string;
  kind: string;
  kindLabel: string;
  actorName: string | null;
  requestId: string | null;
}
interface LogPage {
  piiAccessLog: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

interface Setup {
  school: TestSchool;
  registration: ApiClient;
  teacher: ApiClient;
  homeroom: ApiClient;
  student: ApiClient;
  classmate: ApiClient;
}

async function setup(windows: TaskKind[] = []): Promise<Setup> {
  const school = await city.school();
  if (windows.length > 0) {
    await city.timeline(
      windows.map((kind) => ({
        kind,
        ...(kind === TaskKind.SUBMIT && { category: SubmissionCategory.BASIC }),
        startsAt: at(-1),
        endsAt: at(5),
      })),
      [school],
    );
  }
  const login = (credentials: { username: string; password: string }) =>
    app.client().login(credentials.username, credentials.password);
  const prefix = school.logins.student.username.replace(/\.student1$/, '');
  return {
    school,
    registration: await login(school.logins.registration),
    teacher: await login(school.logins.teacher),
    homeroom: await login(school.logins.homeroom),
    student: await login(school.logins.student),
    classmate: await login({ username: `${prefix}.s12`, password: school.logins.student.password }),
  };
}

/** A GraphQL request with a request id of the test's choosing, checked to come back as the response's header. */
async function withRequestId<T>(client: ApiClient, requestId: string, query: string, variables?: object) {
  client.headers['x-request-id'] = requestId;
  try {
    const response = await client.request<T>(query, variables as Record<string, unknown>);
    expect(response.errors).toEqual([]);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    return response.data!;
  } finally {
    delete client.headers['x-request-id'];
  }
}

/** A GET of a download route as the client, with a request id; the response's status and its request id header. */
async function download(client: ApiClient, path: string, requestId: string) {
  const response = await fetch(`${app.url}${path}`, {
    headers: { authorization: `Bearer ${client.token}`, 'x-request-id': requestId },
  });
  await response.arrayBuffer();
  return { status: response.status, requestId: response.headers.get('x-request-id') };
}

const requestId = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

describe('reads of a full national ID', () => {
  it('are recorded once per student and request, with who, the office, the time and the request id', async () => {
    const s = await setup();
    const [first] = s.school.students;
    const id = requestId('nid');
    const data = await withRequestId<{ node: { nationalId: string } }>(s.registration, id, NATIONAL_ID, {
      id: toGlobalId('Student', first!.id),
    });
    expect(data.node.nationalId).toBe(app.services.pii.decrypt(first!.nationalIdEncrypted));
    const rows = await rowsOf(id);
    // Two fields with the number, one row: once per student and request.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      student_id: first!.id,
      actor_account_id: accountId(s.school, s.school.logins.registration.username),
      actor_name: '註冊組長',
      office: '註冊組',
      kind: 'NATIONAL_ID_VIEW',
      request_id: id,
    });
    expect(new Date(rows[0]!.occurred_at).getTime()).toBe(DEFAULT_TEST_NOW.getTime());

    // A page of the list is one row for each student on it.
    const listId = requestId('list');
    await withRequestId(s.registration, listId, STUDENTS);
    expect((await rowsOf(listId)).map((row) => row.student_id).sort()).toEqual(
      s.school.students.map((student) => student.id).sort(),
    );
  });

  it('are not recorded for staff who see the number masked, nor for the student reading their own record', async () => {
    const s = await setup();
    const id = requestId('masked');
    const data = await withRequestId<{ students: { nodes: { nationalId: string }[] } }>(s.homeroom, id, STUDENTS);
    expect(data.students.nodes[0]!.nationalId).toContain('****');
    expect(await rowsOf(id)).toEqual([]);
    const own = requestId('own');
    await withRequestId(s.student, own, `query { me { student { nationalId } } }`);
    expect(await rowsOf(own)).toEqual([]);
  });
});

describe("a student's access log", () => {
  it('shows the student the office and the time, 註冊組 the staff name too, and nobody else anything', async () => {
    const s = await setup();
    const [first] = s.school.students;
    const studentId = toGlobalId('Student', first!.id);
    const id = requestId('seen');
    await withRequestId(s.registration, id, NATIONAL_ID, { id: studentId });

    const own = await s.student.ok<LogPage>(ACCESS_LOG, {});
    expect(own.piiAccessLog.nodes).toEqual([
      {
        id: expect.any(String),
        occurredAt: DEFAULT_TEST_NOW.toISOString(),
        office: '註冊組',
        kind: 'NATIONAL_ID_VIEW',
        kindLabel: '檢視完整身分證號',
        actorName: null,
        requestId: null,
      },
    ]);
    const byRegistration = await s.registration.ok<LogPage>(ACCESS_LOG, { studentId });
    expect(byRegistration.piiAccessLog.nodes).toEqual([
      expect.objectContaining({ office: '註冊組', actorName: '註冊組長', requestId: id }),
    ]);

    // Another student, a subject teacher and the homeroom teacher may not read it, nor the bureau.
    for (const client of [s.classmate, s.teacher, s.homeroom]) {
      const refused = await client.request(ACCESS_LOG, { studentId });
      expect(refused.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    expect((await bureau.request(ACCESS_LOG, { studentId })).errors[0]?.extensions?.code).toBe('FORBIDDEN');
    // A staff member with no student record of their own has no log of their own.
    expect((await s.teacher.request(ACCESS_LOG, {})).errors[0]?.extensions?.code).toBe('FORBIDDEN');

    // Reading the log shows no national ID and records nothing.
    const { n } = await app.sqlOne<{ n: number }>('select count(*)::int as n from pii_access_log where school_id = ?', [
      s.school.school.id,
    ]);
    expect(n).toBe(1);
  });

  it('pages newest first with the connection cursor', async () => {
    const s = await setup();
    const studentId = toGlobalId('Student', s.school.students[0]!.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      // Minutes apart: the session lasts hours.
      app.clock.set(new Date(DEFAULT_TEST_NOW.getTime() + i * 60_000));
      const id = requestId(`page${i}`);
      ids.push(id);
      await withRequestId(s.registration, id, NATIONAL_ID, { id: studentId });
    }
    app.clock.set(DEFAULT_TEST_NOW);
    const first = await s.registration.ok<LogPage>(ACCESS_LOG, { studentId, first: 2 });
    expect(first.piiAccessLog.nodes.map((node) => node.requestId)).toEqual([ids[2], ids[1]]);
    expect(first.piiAccessLog.pageInfo.hasNextPage).toBe(true);
    const second = await s.registration.ok<LogPage>(ACCESS_LOG, {
      studentId,
      first: 2,
      after: first.piiAccessLog.pageInfo.endCursor,
    });
    expect(second.piiAccessLog.nodes.map((node) => node.requestId)).toEqual([ids[0]]);
    expect(second.piiAccessLog.pageInfo.hasNextPage).toBe(false);
  });
});

describe('downloads and exports', () => {
  it('records the submission package and the pre-check roster for every student they name', async () => {
    const s = await setup([TaskKind.SUBMIT, TaskKind.PRECHECK]);
    const { term } = await app.factory.gradedSections(s.school);
    const termId = toGlobalId('Term', term.id);
    const submitted = await s.registration.ok<{ submitTerm: { submission: { id: string; packageUrl: string } } }>(
      `mutation ($input: SubmitTermInput!) { submitTerm(input: $input) { submission { id packageUrl } } }`,
      { input: { termId, category: 'BASIC', idempotencyKey: `pii-log-${Date.now()}` } },
    );
    const submission = submitted.submitTerm.submission;
    const packageId = requestId('package');
    expect(await download(s.registration, submission.packageUrl, packageId)).toEqual({
      status: 200,
      requestId: packageId,
    });
    const packageRows = await rowsOf(packageId);
    const packaged = await app.sql<{ student_id: string }>(
      `select distinct student_id from submission_row
       where school_id = ? and student_id is not null order by student_id`,
      [s.school.school.id],
    );
    expect(packaged.length).toBeGreaterThan(0);
    expect(packageRows.map((row) => row.student_id)).toEqual(packaged.map((row) => row.student_id));
    expect(packageRows[0]).toMatchObject({
      kind: 'PACKAGE_DOWNLOAD',
      office: '註冊組',
      actor_account_id: accountId(s.school, s.school.logins.registration.username),
      target_id: Buffer.from(submission.id, 'base64url').toString().split(':')[1],
    });

    const exported = await s.registration.ok<{ exportPrecheckRoster: { precheckRun: { rosterUrl: string } } }>(
      `mutation ($input: ExportPrecheckRosterInput!) { exportPrecheckRoster(input: $input) { precheckRun { rosterUrl } } }`,
      { input: { termId } },
    );
    const rosterId = requestId('roster');
    expect((await download(s.registration, exported.exportPrecheckRoster.precheckRun.rosterUrl, rosterId)).status).toBe(
      200,
    );
    const rosterRows = await rowsOf(rosterId);
    expect(rosterRows.map((row) => row.student_id).sort()).toEqual(
      s.school.students.map((student) => student.id).sort(),
    );
    expect(rosterRows.every((row) => row.kind === 'ROSTER_DOWNLOAD' && row.office === '註冊組')).toBe(true);

    // Refused downloads record nothing.
    const refusedId = requestId('refused');
    expect((await download(s.teacher, submission.packageUrl, refusedId)).status).toBe(404);
    expect(await rowsOf(refusedId)).toEqual([]);
  });

  it("records staff opening a student's evidence, not the student opening their own", async () => {
    const s = await setup([TaskKind.UPLOAD_COURSE_OUTCOMES]);
    const teacherAccount = s.school.accounts.find((a) => a.username === s.school.logins.teacher.username)!;
    const [first] = s.school.students;
    const [section] = await app.factory.sections(s.school, [
      { subjectName: '物理', teacher: teacherAccount, students: [first!] },
    ]);
    const enrolment = await app.sqlOne<{ id: string }>('select id from enrolment where section_id = ?', [section!.id]);
    const slot = await s.student.ok<{ requestUpload: { uploadUrl: string } }>(
      `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl } }`,
      { input: { purpose: 'DOCUMENT', fileName: 'report.pdf', size: PDF.length } },
    );
    const put = await putBytes(app.url, s.student, slot.requestUpload.uploadUrl, PDF);
    const uploaded = await s.student.ok<{
      uploadCourseOutcome: { outcome: { current: { document: { url: string } } } };
    }>(
      `mutation ($input: UploadCourseOutcomeInput!) {
        uploadCourseOutcome(input: $input) { outcome { current { document { url } } } }
      }`,
      {
        input: {
          enrolmentId: toGlobalId('Enrolment', enrolment.id),
          kind: 'OTHER',
          description: '物理實驗報告',
          documentUploadId: put.body.upload!.id,
        },
      },
    );
    const url = uploaded.uploadCourseOutcome.outcome.current.document.url;

    const ownId = requestId('own-file');
    expect((await download(s.student, url, ownId)).status).toBe(200);
    expect(await rowsOf(ownId)).toEqual([]);

    const teacherId = requestId('teacher-file');
    expect(await download(s.teacher, url, teacherId)).toEqual({ status: 200, requestId: teacherId });
    expect(await rowsOf(teacherId)).toEqual([
      expect.objectContaining({
        student_id: first!.id,
        kind: 'EVIDENCE_DOWNLOAD',
        office: '任課教師',
        actor_account_id: teacherAccount.id,
        target_id: Buffer.from(put.body.upload!.id, 'base64url').toString().split(':')[1],
      }),
    ]);
    const homeroomId = requestId('homeroom-file');
    expect((await download(s.homeroom, url, homeroomId)).status).toBe(200);
    expect((await rowsOf(homeroomId))[0]).toMatchObject({ office: '導師、任課教師', kind: 'EVIDENCE_DOWNLOAD' });

    // The student sees both, by office.
    const own = await s.student.ok<LogPage>(ACCESS_LOG, {});
    expect(own.piiAccessLog.nodes.map((node) => [node.office, node.kindLabel, node.actorName]).sort()).toEqual([
      ['任課教師', '下載學生檔案', null],
      ['導師、任課教師', '下載學生檔案', null],
    ]);
  });

  it("records the homeroom teacher's export of the class confirmation sheet for each student on it", async () => {
    const s = await setup();
    const term = app.factory.currentTerm(s.school);
    const schoolClass = s.school.classes[0]!;
    const path = `/classes/${toGlobalId('SchoolClass', schoolClass.id)}/confirmation-sheet.xlsx?termId=${toGlobalId('Term', term.id)}`;
    const id = requestId('sheet');
    expect(await download(s.homeroom, path, id)).toEqual({ status: 200, requestId: id });
    const rows = await rowsOf(id);
    expect(rows.map((row) => row.student_id).sort()).toEqual(
      s.school.students
        .filter((student) => student.schoolClass?.id === schoolClass.id)
        .map((student) => student.id)
        .sort(),
    );
    expect(rows.every((row) => row.kind === 'STUDENT_EXPORT' && row.target_id === schoolClass.id)).toBe(true);
  });
});

describe('the log itself', () => {
  it('refuses UPDATE and DELETE, to the application and to the owner alike', async () => {
    const s = await setup();
    const id = requestId('frozen');
    await withRequestId(s.registration, id, NATIONAL_ID, { id: toGlobalId('Student', s.school.students[0]!.id) });
    await expect(app.sql(`update pii_access_log set office = '教務處' where request_id = ?`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(app.sql('delete from pii_access_log where request_id = ?', [id])).rejects.toThrow(/append-only/);
    // portfolio_app, the role every request runs as, has no UPDATE or DELETE at all.
    const asApp = (statement: string) =>
      app.owner.em.fork().transactional(async (tx) => {
        await tx.execute('set local role portfolio_app');
        await tx.execute("select set_config('app.school_id', ?, true)", [s.school.school.id]);
        await tx.execute(statement, [id]);
      });
    await expect(asApp('delete from pii_access_log where request_id = ?')).rejects.toThrow(/permission denied/);
    await expect(asApp(`update pii_access_log set office = 'x' where request_id = ?`)).rejects.toThrow(
      /permission denied/,
    );
    expect(await rowsOf(id)).toHaveLength(1);
  });

  it('keeps rows for the retention policy (1,826 days by default) and the daily job deletes only older ones', async () => {
    expect(app.services.config.privacy.accessLogRetentionDays).toBe(1826);
    const s = await setup();
    const studentId = toGlobalId('Student', s.school.students[0]!.id);
    const realNow = new Date();
    const old = requestId('old');
    const kept = requestId('kept');
    try {
      app.clock.set(new Date(realNow.getTime() - 1830 * DAY));
      await withRequestId(s.registration, old, NATIONAL_ID, { id: studentId });
      app.clock.set(new Date(realNow.getTime() - 1820 * DAY));
      await withRequestId(s.registration, kept, NATIONAL_ID, { id: studentId });

      app.clock.set(realNow);
      expect(await pruneAccessLog(app.services)).toBeGreaterThanOrEqual(1);
      expect(await rowsOf(old)).toEqual([]);
      expect(await rowsOf(kept)).toHaveLength(1);
      expect(app.logLines.some((line) => line.includes('personal-data access log pruned'))).toBe(true);

      // A clock set far ahead cannot make rows look old: the database's own time bounds the cut-off.
      app.clock.set(new Date(realNow.getTime() + 4000 * DAY));
      await pruneAccessLog(app.services);
      expect(await rowsOf(kept)).toHaveLength(1);

      // Less than a year is never taken, whatever the caller asks.
      app.clock.set(DEFAULT_TEST_NOW);
      const recent = requestId('recent');
      await withRequestId(s.registration, recent, NATIONAL_ID, { id: studentId });
      await app.sql('select privacy_prune_access_log(?, 0, 1000)', [realNow]);
      expect(await rowsOf(recent)).toHaveLength(1);
    } finally {
      app.clock.set(DEFAULT_TEST_NOW);
    }
  });

  it('refuses a retention policy under a year at start', async () => {
    const { loadConfig } = await import('../../api/src/common/config.js');
    expect(loadConfig({ PII_ACCESS_LOG_RETENTION_DAYS: '3650' }).privacy.accessLogRetentionDays).toBe(3650);
    expect(() => loadConfig({ PII_ACCESS_LOG_RETENTION_DAYS: '30' })).toThrow(/至少須為 365/);
    expect(() => loadConfig({ PII_ACCESS_LOG_RETENTION_DAYS: 'five years' })).toThrow(/非負整數/);
  });
});
