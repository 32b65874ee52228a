import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool, WindowSpec } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { putBytes } from '../support/uploads.js';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

/** A small but real PDF, PNG and MP4 start, and an executable's. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64, 2)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 3)]);

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const ALL_WINDOWS = [
  TaskKind.UPLOAD_COURSE_OUTCOMES,
  TaskKind.CERTIFY_COURSE_OUTCOMES,
  TaskKind.SELECT_COURSE_OUTCOMES,
  TaskKind.UPLOAD_PERFORMANCES,
  TaskKind.SELECT_PERFORMANCES,
];

interface Setup {
  school: TestSchool;
  section: CourseSection;
  student: ApiClient;
  teacher: ApiClient;
  enrolmentId: string;
}

/** A school whose evidence windows are open now, a section of the teacher's with the first class in it. */
async function setup(windows: (TaskKind | WindowSpec)[] = ALL_WINDOWS, studentsPerClass = 2): Promise<Setup> {
  const school = await city.school({ studentsPerClass });
  await city.timeline(
    windows.map((window) => (typeof window === 'string' ? { kind: window, startsAt: at(-1), endsAt: at(5) } : window)),
    [school],
  );
  const teacherAccount = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  const classmates = school.students.filter((student) => student.schoolClass?.id === school.classes[0]!.id);
  const [section] = await app.factory.sections(school, [
    { subjectName: '物理', teacher: teacherAccount, students: classmates },
  ]);
  const student = await app.client().login(school.logins.student.username, school.logins.student.password);
  const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
  const enrolment = await app.sqlOne<{ id: string }>(
    'select id from enrolment where section_id = ? and student_id = ?',
    [section!.id, school.students[0]!.id],
  );
  return { school, section: section!, student, teacher, enrolmentId: toGlobalId('Enrolment', enrolment.id) };
}

const REQUEST_UPLOAD = `mutation ($input: RequestUploadInput!) {
  requestUpload(input: $input) { upload { id } uploadUrl userErrors { code message } }
}`;

async function upload(client: ApiClient, purpose: 'DOCUMENT' | 'MEDIA', fileName: string, bytes: Buffer) {
  const slot = await client.ok<{
    requestUpload: { upload: { id: string } | null; uploadUrl: string | null; userErrors: { code: string }[] };
  }>(REQUEST_UPLOAD, { input: { purpose, fileName, size: bytes.length } });
  if (!slot.requestUpload.upload) return { id: null, errors: slot.requestUpload.userErrors.map((e) => e.code) };
  const put = await putBytes(app.url, client, slot.requestUpload.uploadUrl!, bytes);
  return { id: put.status === 200 ? put.body.upload!.id : null, errors: put.body.code ? [put.body.code] : [] };
}

const UPLOAD_OUTCOME = `mutation ($input: UploadCourseOutcomeInput!) {
  uploadCourseOutcome(input: $input) {
    outcome { id status currentVersion current { description document { sha256 url } } }
    userErrors { field code message }
  }
}`;

interface Outcome {
  id: string;
  status: string;
  currentVersion: number;
  current: { description: string; document: { sha256: string; url: string } | null };
}
interface Errors {
  userErrors: { field: string[]; code: string; message: string }[];
}

async function uploadOutcome(s: Setup, description = '物理實驗報告：單擺週期', bytes = PDF) {
  const file = await upload(s.student, 'DOCUMENT', 'report.pdf', bytes);
  const result = await s.student.ok<{ uploadCourseOutcome: Errors & { outcome: Outcome | null } }>(UPLOAD_OUTCOME, {
    input: { enrolmentId: s.enrolmentId, kind: 'OTHER', description, documentUploadId: file.id },
  });
  return result.uploadCourseOutcome;
}

const CERTIFY = `mutation ($input: CertifyCourseOutcomesInput!) {
  certifyCourseOutcomes(input: $input) { outcomes { id status } userErrors { field code message } }
}`;
const SELECT = `mutation ($input: SelectItemInput!) {
  selectItem(input: $input) {
    outcome { id selectedAt } performance { id selectedAt }
    summary { outcomesSelected outcomesMax performancesSelected performancesMax }
    userErrors { code message }
  }
}`;

const evidenceRows = async (school: TestSchool) =>
  app.sqlOne<{ outcomes: number; versions: number; performances: number }>(
    `select (select count(*)::int from course_outcome where school_id = ?) as outcomes,
            (select count(*)::int from course_outcome_version where school_id = ?) as versions,
            (select count(*)::int from diverse_performance where school_id = ?) as performances`,
    [school.school.id, school.school.id, school.school.id],
  );

describe('course learning outcomes', () => {
  it('goes from upload to certification to selection, with the file served only to those allowed', async () => {
    const s = await setup();
    const uploaded = await uploadOutcome(s);
    expect(uploaded.userErrors).toEqual([]);
    expect(uploaded.outcome).toMatchObject({ status: 'PENDING', currentVersion: 1 });
    const outcome = uploaded.outcome!;
    expect(outcome.current.document!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const queue = await s.teacher.ok<{ certificationQueue: { id: string; student: { name: string } }[] }>(
      '{ certificationQueue { id student { name } } }',
    );
    expect(queue.certificationQueue.map((item) => item.id)).toEqual([outcome.id]);

    // The file: the student and the teacher may open it, inline as a PDF; another student may not.
    const fetchAs = (client: ApiClient) =>
      fetch(`${app.url}${outcome.current.document!.url}`, { headers: { authorization: `Bearer ${client.token}` } });
    const asStudent = await fetchAs(s.student);
    expect(asStudent.status).toBe(200);
    expect(asStudent.headers.get('content-type')).toBe('application/pdf');
    expect(asStudent.headers.get('content-disposition')).toMatch(/^inline/);
    expect(asStudent.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(Buffer.from(await asStudent.arrayBuffer())).toEqual(PDF);
    expect((await fetchAs(s.teacher)).status).toBe(200);
    const classmate = await app
      .client()
      .login(`${s.school.logins.student.username.split('.')[0]}.s02`, 'test-password-1');
    expect((await fetchAs(classmate)).status).toBe(404);
    expect((await fetch(`${app.url}${outcome.current.document!.url}`)).status).toBe(401);

    const certified = await s.teacher.ok<{ certifyCourseOutcomes: Errors & { outcomes: { status: string }[] } }>(
      CERTIFY,
      {
        input: { outcomeIds: [outcome.id] },
      },
    );
    expect(certified.certifyCourseOutcomes).toMatchObject({ userErrors: [], outcomes: [{ status: 'CERTIFIED' }] });
    const selected = await s.student.ok<{ selectItem: Errors & { summary: Record<string, number> } }>(SELECT, {
      input: { itemId: outcome.id, selected: true },
    });
    expect(selected.selectItem.userErrors).toEqual([]);
    expect(selected.selectItem.summary).toMatchObject({ outcomesSelected: 1, outcomesMax: 6 });

    // A certified version never changes, even for the database owner.
    await expect(
      app.sql(`update course_outcome_version set description = 'changed' where outcome_id = ?`, [
        fromGlobalId(outcome.id)!.id,
      ]),
    ).rejects.toThrow();
    const audit = await app.sql<{ operation: string }>(
      `select operation from audit_log
       where school_id = ? and (operation like 'outcome.%' or operation like 'selection.%') order by id`,
      [s.school.school.id],
    );
    expect(audit.map((row) => row.operation)).toEqual(['outcome.upload', 'outcome.certify', 'selection.add']);
  });

  it('says plainly when a stored file cannot be read, without a stack trace', async () => {
    const s = await setup();
    const teacherId = s.school.accounts.find((account) => account.username === s.school.logins.teacher.username)!.id;
    await app.factory.outcomes(s.school, s.section, 1, teacherId);
    const queue = await s.teacher.ok<{
      certificationQueue: { current: { document: { url: string; sha256: string } } }[];
    }>('{ certificationQueue { current { document { url sha256 } } } }');
    // A file lost from storage: the upload's row names bytes the store no longer has.
    const lost = queue.certificationQueue[0]!.current.document.sha256;
    await rm(path.join(app.filesDir, ...storageKeyOf(lost).split('/')));
    const response = await fetch(`${app.url}${queue.certificationQueue[0]!.current.document.url}`, {
      headers: { authorization: `Bearer ${s.teacher.token}` },
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toMatch(/^檔案暫時無法讀取.*錯誤編號 [0-9a-f-]{36}/);
    expect(text).not.toMatch(/at |\/work\//);
    expect(app.logLines.some((line) => line.includes('stored file unreadable'))).toBe(true);
  });

  it('refuses bad files and bad input with a clear error and stores nothing', async () => {
    const s = await setup();
    const before = await evidenceRows(s.school);
    expect((await upload(s.student, 'DOCUMENT', 'virus.pdf', EXE)).errors).toEqual(['FILE_TYPE_MISMATCH']);
    // A student with a fake PDF is told to export a PDF, not to open Excel.
    const slot = await s.student.ok<{ requestUpload: { uploadUrl: string } }>(REQUEST_UPLOAD, {
      input: { purpose: 'DOCUMENT', fileName: 'virus.pdf', size: EXE.length },
    });
    const refused = await putBytes(app.url, s.student, slot.requestUpload.uploadUrl, EXE);
    expect(refused.body.message).toBe(
      '檔案內容與副檔名不符：「virus.pdf」不是真正的 .pdf 檔，請用原本的程式另存或匯出為 PDF（照片請存成 JPG 或 PNG）後再上傳。',
    );
    expect((await upload(s.student, 'DOCUMENT', 'photo.pdf', PNG)).errors).toEqual(['FILE_TYPE_MISMATCH']);
    expect((await upload(s.student, 'DOCUMENT', 'virus.exe', EXE)).errors).toEqual(['UNSUPPORTED_FILE_TYPE']);
    expect((await upload(s.student, 'DOCUMENT', 'empty.pdf', Buffer.alloc(0))).errors).toEqual(['EMPTY_FILE']);
    expect((await upload(s.student, 'DOCUMENT', 'big.pdf', Buffer.alloc(4 * 1024 * 1024 + 1))).errors).toEqual([
      'FILE_TOO_LARGE',
    ]);
    expect((await upload(s.student, 'MEDIA', 'clip.mp4', MP4)).id).not.toBeNull();
    const stored = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from upload where school_id = ? and stored_at is not null',
      [s.school.school.id],
    );
    expect(stored.n).toBe(1);

    const tooLong = await uploadOutcome(s, '字'.repeat(101));
    expect(tooLong.userErrors.map((e) => e.code)).toEqual(['DESCRIPTION_TOO_LONG']);
    expect(tooLong.userErrors[0]!.message).toContain('101');

    // Another student's enrolment.
    const other = await app.sqlOne<{ id: string }>('select id from enrolment where section_id = ? and student_id = ?', [
      s.section.id,
      s.school.students[1]!.id,
    ]);
    const file = await upload(s.student, 'DOCUMENT', 'mine.pdf', PDF);
    const foreign = await s.student.ok<{ uploadCourseOutcome: Errors }>(UPLOAD_OUTCOME, {
      input: {
        enrolmentId: toGlobalId('Enrolment', other.id),
        kind: 'OTHER',
        description: '冒名',
        documentUploadId: file.id,
      },
    });
    expect(foreign.uploadCourseOutcome.userErrors.map((e) => e.code)).toEqual(['ENROLMENT_NOT_FOUND']);
    expect(await evidenceRows(s.school)).toEqual(before);
  });

  it('keeps every version: not certified with a reason, replaced, then certified by a proxy', async () => {
    const s = await setup();
    const outcome = (await uploadOutcome(s)).outcome!;
    const reject = await s.teacher.ok<{ rejectCourseOutcome: Errors & { outcome: { status: string } } }>(
      `mutation ($input: RejectCourseOutcomeInput!) { rejectCourseOutcome(input: $input) { outcome { status } userErrors { field code message } } }`,
      { input: { outcomeId: outcome.id, reason: '檔案不是本課程的作業' } },
    );
    expect(reject.rejectCourseOutcome).toMatchObject({ userErrors: [], outcome: { status: 'REJECTED' } });
    const notCertified = await s.student.ok<{ selectItem: Errors }>(SELECT, {
      input: { itemId: outcome.id, selected: true },
    });
    expect(notCertified.selectItem.userErrors.map((e) => e.code)).toEqual(['NOT_CERTIFIED']);

    const file = await upload(s.student, 'DOCUMENT', 'v2.pdf', Buffer.concat([PDF, Buffer.from('% v2\n')]));
    const replaced = await s.student.ok<{ replaceCourseOutcome: Errors & { outcome: Outcome } }>(
      `mutation ($input: ReplaceCourseOutcomeInput!) { replaceCourseOutcome(input: $input) { outcome { id status currentVersion } userErrors { field code message } } }`,
      { input: { outcomeId: outcome.id, documentUploadId: file.id } },
    );
    expect(replaced.replaceCourseOutcome).toMatchObject({
      userErrors: [],
      outcome: { status: 'PENDING', currentVersion: 2 },
    });

    // 教學組 names a proxy for the teacher; the proxy certifies in the teacher's place.
    const teaching = await app.client().login(s.school.logins.teaching.username, s.school.logins.teaching.password);
    const accountId = (login: string) =>
      toGlobalId('UserAccount', s.school.accounts.find((account) => account.username === login)!.id);
    const proxyResult = await teaching.ok<{ setCertificationProxy: Errors }>(
      `mutation ($input: CertificationProxyInput!) { setCertificationProxy(input: $input, active: true) { userErrors { code } } }`,
      {
        input: {
          teacherId: accountId(s.school.logins.teacher.username),
          proxyId: accountId(s.school.logins.homeroom.username),
        },
      },
    );
    expect(proxyResult.setCertificationProxy.userErrors).toEqual([]);
    const proxy = await app.client().login(s.school.logins.homeroom.username, s.school.logins.homeroom.password);
    const certified = await proxy.ok<{ certifyCourseOutcomes: Errors }>(CERTIFY, {
      input: { outcomeIds: [outcome.id] },
    });
    expect(certified.certifyCourseOutcomes.userErrors).toEqual([]);

    const versions = await s.student.ok<{
      node: {
        versions: {
          version: number;
          status: string;
          reason: string | null;
          decidedAsProxyFor: { displayName: string } | null;
        }[];
      };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on CourseOutcome { versions { version status reason decidedAsProxyFor { displayName } } } } }',
      { id: outcome.id },
    );
    expect(versions.node.versions).toEqual([
      { version: 1, status: 'REJECTED', reason: '檔案不是本課程的作業', decidedAsProxyFor: null },
      { version: 2, status: 'CERTIFIED', reason: null, decidedAsProxyFor: { displayName: '任課老師' } },
    ]);
    const audit = await app.sqlOne<{ detail: { asProxyFor: string[] } }>(
      `select detail from audit_log where school_id = ? and operation = 'outcome.certify'`,
      [s.school.school.id],
    );
    expect(audit.detail.asProxyFor).toEqual([fromGlobalId(accountId(s.school.logins.teacher.username))!.id]);
  });

  it('lets a student replace a rejected outcome while certification is open, after uploads closed (補件)', async () => {
    const s = await setup([
      { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(-1), endsAt: at(1) },
      { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: at(-1), endsAt: at(4) },
    ]);
    const rejected = (await uploadOutcome(s, '第一份報告')).outcome!;
    const pending = (await uploadOutcome(s, '第二份報告')).outcome!;
    const reject = await s.teacher.ok<{ rejectCourseOutcome: Errors }>(
      `mutation ($input: RejectCourseOutcomeInput!) { rejectCourseOutcome(input: $input) { userErrors { code } } }`,
      { input: { outcomeId: rejected.id, reason: '缺少實驗數據' } },
    );
    expect(reject.rejectCourseOutcome.userErrors).toEqual([]);
    const REPLACE = `mutation ($input: ReplaceCourseOutcomeInput!) {
      replaceCourseOutcome(input: $input) { outcome { status currentVersion } userErrors { code message } }
    }`;
    type Replaced = { replaceCourseOutcome: Errors & { outcome: { status: string; currentVersion: number } | null } };
    // Sessions last hours, not days: sign in again after each jump of the clock.
    const signIn = (login: { username: string; password: string }) =>
      app.client().login(login.username, login.password);
    app.clock.advance(2 * DAY);
    try {
      s.student = await signIn(s.school.logins.student);
      s.teacher = await signIn(s.school.logins.teacher);
      const file = await upload(s.student, 'DOCUMENT', 'v2.pdf', Buffer.concat([PDF, Buffer.from('% v2\n')]));
      // Uploads have closed: an outcome waiting for its teacher cannot be swapped any more …
      const refused = await s.student.ok<Replaced>(REPLACE, {
        input: { outcomeId: pending.id, documentUploadId: file.id },
      });
      expect(refused.replaceCourseOutcome.outcome).toBeNull();
      expect(refused.replaceCourseOutcome.userErrors.map((e) => e.code)).toEqual(['WINDOW_CLOSED']);
      // … but the one the teacher did not certify can be fixed while certification runs, and waits for them again.
      const fixed = await s.student.ok<Replaced>(REPLACE, {
        input: { outcomeId: rejected.id, documentUploadId: file.id },
      });
      expect(fixed.replaceCourseOutcome).toEqual({ userErrors: [], outcome: { status: 'PENDING', currentVersion: 2 } });
      const queue = await s.teacher.ok<{
        certificationQueue: { id: string; status: string; current: { version: number } }[];
      }>(`{ certificationQueue(status: PENDING) { id status current { version } } }`);
      expect(queue.certificationQueue.find((item) => item.id === rejected.id)).toEqual({
        id: rejected.id,
        status: 'PENDING',
        current: { version: 2 },
      });

      // Once certification has closed too, nothing is replaced.
      const again = await s.teacher.ok<{ rejectCourseOutcome: Errors }>(
        `mutation ($input: RejectCourseOutcomeInput!) { rejectCourseOutcome(input: $input) { userErrors { code } } }`,
        { input: { outcomeId: rejected.id, reason: '仍缺少實驗數據' } },
      );
      expect(again.rejectCourseOutcome.userErrors).toEqual([]);
      app.clock.advance(3 * DAY);
      s.student = await signIn(s.school.logins.student);
      const late = await upload(s.student, 'DOCUMENT', 'v3.pdf', Buffer.concat([PDF, Buffer.from('% v3\n')]));
      const tooLate = await s.student.ok<Replaced>(REPLACE, {
        input: { outcomeId: rejected.id, documentUploadId: late.id },
      });
      expect(tooLate.replaceCourseOutcome.userErrors.map((e) => e.code)).toEqual(['WINDOW_CLOSED']);
    } finally {
      app.clock.set(DEFAULT_TEST_NOW);
    }
  });

  it('keeps the video when only the document is replaced', async () => {
    const s = await setup();
    const document = await upload(s.student, 'DOCUMENT', 'v1.pdf', PDF);
    const media = await upload(s.student, 'MEDIA', 'talk.mp4', MP4);
    const created = await s.student.ok<{ uploadCourseOutcome: Errors & { outcome: Outcome } }>(UPLOAD_OUTCOME, {
      input: {
        enrolmentId: s.enrolmentId,
        kind: 'PROJECT',
        description: '專題簡報與錄影',
        documentUploadId: document.id,
        mediaUploadId: media.id,
      },
    });
    expect(created.uploadCourseOutcome.userErrors).toEqual([]);
    const newer = await upload(s.student, 'DOCUMENT', 'v2.pdf', Buffer.concat([PDF, Buffer.from('% v2\n')]));
    const replaced = await s.student.ok<{ replaceCourseOutcome: Errors }>(
      `mutation ($input: ReplaceCourseOutcomeInput!) { replaceCourseOutcome(input: $input) { userErrors { code } } }`,
      { input: { outcomeId: created.uploadCourseOutcome.outcome.id, documentUploadId: newer.id } },
    );
    expect(replaced.replaceCourseOutcome.userErrors).toEqual([]);
    const versions = await s.student.ok<{
      node: { versions: { version: number; document: { fileName: string }; media: { fileName: string } | null }[] };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on CourseOutcome { versions { version document { fileName } media { fileName } } } } }',
      { id: created.uploadCourseOutcome.outcome.id },
    );
    expect(versions.node.versions).toEqual([
      { version: 1, document: { fileName: 'v1.pdf' }, media: { fileName: 'talk.mp4' } },
      { version: 2, document: { fileName: 'v2.pdf' }, media: { fileName: 'talk.mp4' } },
    ]);
  });

  it('refuses certifying outside one’s sections and outside the window, changing nothing', async () => {
    const s = await setup();
    const outcome = (await uploadOutcome(s)).outcome!;
    const stranger = await app.client().login(s.school.logins.counselor.username, s.school.logins.counselor.password);
    const notMine = await stranger.ok<{ certifyCourseOutcomes: Errors }>(CERTIFY, {
      input: { outcomeIds: [outcome.id] },
    });
    expect(notMine.certifyCourseOutcomes.userErrors.map((e) => e.code)).toEqual(['NOT_YOUR_SECTION']);
    app.clock.set(at(6));
    try {
      // Sessions last hours, not days: sign in again at the later time.
      s.teacher = await app.client().login(s.school.logins.teacher.username, s.school.logins.teacher.password);
      s.student = await app.client().login(s.school.logins.student.username, s.school.logins.student.password);
      const late = await s.teacher.ok<{ certifyCourseOutcomes: Errors }>(CERTIFY, {
        input: { outcomeIds: [outcome.id] },
      });
      expect(late.certifyCourseOutcomes.userErrors.map((e) => e.code)).toEqual(['WINDOW_CLOSED']);
      const lateUpload = await uploadOutcome(s);
      expect(lateUpload.userErrors.map((e) => e.code)).toEqual(['WINDOW_CLOSED']);
    } finally {
      app.clock.set(DEFAULT_TEST_NOW);
    }
    const status = await app.sqlOne<{ status: string }>('select status from course_outcome where id = ?', [
      fromGlobalId(outcome.id)!.id,
    ]);
    expect(status.status).toBe('PENDING');
  });

  it('holds the school’s own upload cap per term', async () => {
    const s = await setup();
    const teaching = await app.client().login(s.school.logins.teaching.username, s.school.logins.teaching.password);
    await teaching.ok('mutation { setOutcomeUploadCap(cap: 1) { userErrors { code } } }');
    expect((await uploadOutcome(s)).userErrors).toEqual([]);
    const second = await uploadOutcome(s);
    expect(second.userErrors.map((e) => e.code)).toEqual(['OUTCOME_CAP_REACHED']);
    expect(second.userErrors[0]!.message).toContain('1 件');
  });

  it('holds the cap for uploads sent at the same moment', async () => {
    const s = await setup();
    const teaching = await app.client().login(s.school.logins.teaching.username, s.school.logins.teaching.password);
    await teaching.ok('mutation { setOutcomeUploadCap(cap: 2) { userErrors { code } } }');
    const files = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        upload(s.student, 'DOCUMENT', `r${i}.pdf`, Buffer.concat([PDF, Buffer.from(`%${i}\n`)])),
      ),
    );
    const results = await Promise.all(
      files.map((file) =>
        s.student.ok<{ uploadCourseOutcome: Errors }>(UPLOAD_OUTCOME, {
          input: { enrolmentId: s.enrolmentId, kind: 'OTHER', description: '同時上傳', documentUploadId: file.id },
        }),
      ),
    );
    expect(results.filter((r) => r.uploadCourseOutcome.userErrors.length === 0)).toHaveLength(2);
    expect(results.filter((r) => r.uploadCourseOutcome.userErrors[0]?.code === 'OUTCOME_CAP_REACHED')).toHaveLength(4);
    expect((await evidenceRows(s.school)).outcomes).toBe(2);
  });
});

describe('selection', () => {
  it('caps outcomes at 6 per academic year, also for selections sent at the same moment', async () => {
    const s = await setup();
    const count = await app.factory.outcomes(
      s.school,
      s.section,
      8,
      s.school.accounts.find((account) => account.username === s.school.logins.teacher.username)!.id,
    );
    expect(count).toBe(16);
    const mine = await app.sql<{ id: string }>(
      `update course_outcome set status = 'CERTIFIED' where school_id = ? and student_id = ? returning id`,
      [s.school.school.id, s.school.students[0]!.id],
    );
    expect(mine).toHaveLength(8);
    const ids = mine.map((row) => toGlobalId('CourseOutcome', row.id));

    // Two tabs: eight selections at once, four from each.
    const secondTab = await app.client().login(s.school.logins.student.username, s.school.logins.student.password);
    const results = await Promise.all(
      ids.map((id, index) =>
        (index % 2 === 0 ? s.student : secondTab).ok<{ selectItem: Errors }>(SELECT, {
          input: { itemId: id, selected: true },
        }),
      ),
    );
    const refused = results.filter((result) => result.selectItem.userErrors.length > 0);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.selectItem.userErrors[0]).toMatchObject({ code: 'SELECTION_LIMIT_REACHED' });
    expect(refused[0]!.selectItem.userErrors[0]!.message).toContain('最多勾選 6 件');
    const selected = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from course_outcome where student_id = ? and selected_at is not null',
      [s.school.students[0]!.id],
    );
    expect(selected.n).toBe(6);
    const summary = await s.student.ok<{ mySelection: { outcomesSelected: number; outcomesMax: number } }>(
      '{ mySelection { outcomesSelected outcomesMax } }',
    );
    expect(summary.mySelection).toEqual({ outcomesSelected: 6, outcomesMax: 6 });
  });

  it('refuses selecting outside the selection window', async () => {
    const s = await setup([TaskKind.UPLOAD_COURSE_OUTCOMES, TaskKind.CERTIFY_COURSE_OUTCOMES]);
    const outcome = (await uploadOutcome(s)).outcome!;
    await s.teacher.ok(CERTIFY, { input: { outcomeIds: [outcome.id] } });
    const result = await s.student.ok<{ selectItem: Errors }>(SELECT, {
      input: { itemId: outcome.id, selected: true },
    });
    expect(result.selectItem.userErrors.map((e) => e.code)).toEqual(['WINDOW_NOT_OPEN']);
  });
});

describe('diverse performances', () => {
  const RECORD = `mutation ($input: RecordPerformanceInput!) {
    recordPerformance(input: $input) {
      performance { id category title details { key label value } externalLink document { sha256 } }
      userErrors { field code message }
    }
  }`;

  it('records a competition with its fields, a document and a link, and refuses bad fields and links', async () => {
    const s = await setup();
    const before = await evidenceRows(s.school);
    const bad = await s.student.ok<{ recordPerformance: Errors }>(RECORD, {
      input: {
        category: 'COMPETITION',
        title: '全國高中物理競賽',
        details: [
          { key: 'item', value: '實驗組' },
          { key: 'level', value: '宇宙' },
          { key: 'resultDate', value: '2026/11/01' },
        ],
        description: '與同學合作完成實驗。',
        externalLink: 'javascript:alert(1)',
      },
    });
    expect(bad.recordPerformance.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.details.level', 'INVALID_CHOICE'],
      ['input.details.award', 'REQUIRED'],
      ['input.details.resultDate', 'INVALID_DATE'],
      ['input.details.participation', 'REQUIRED'],
      ['input.externalLink', 'INVALID_LINK'],
    ]);
    expect(await evidenceRows(s.school)).toEqual(before);

    const file = await upload(s.student, 'DOCUMENT', '獎狀.png', PNG);
    const good = await s.student.ok<{
      recordPerformance: Errors & { performance: { details: { key: string; value: string }[]; externalLink: string } };
    }>(RECORD, {
      input: {
        category: 'COMPETITION',
        title: '全國高中物理競賽',
        details: [
          { key: 'item', value: '實驗組' },
          { key: 'level', value: '全國' },
          { key: 'award', value: '佳作' },
          { key: 'resultDate', value: '2026-11-01' },
          { key: 'participation', value: '團體' },
        ],
        description: '與同學合作完成實驗。',
        documentUploadId: file.id,
        externalLink: 'https://example.org/result',
      },
    });
    expect(good.recordPerformance.userErrors).toEqual([]);
    expect(good.recordPerformance.performance.details.map((d) => d.value)).toEqual([
      '實驗組',
      '全國',
      '佳作',
      '2026-11-01',
      '團體',
    ]);
    // The same file cannot be attached twice.
    const again = await s.student.ok<{ recordPerformance: Errors }>(RECORD, {
      input: { category: 'OTHER', title: '再用一次', details: [], description: '重複', documentUploadId: file.id },
    });
    expect(again.recordPerformance.userErrors.map((e) => e.code)).toEqual(['UPLOAD_ALREADY_ATTACHED']);
  });
});

describe('the certification queue and progress views', () => {
  const QUEUE = `{ certificationQueue {
    id status kind student { studentNumber name } course { subjectName } section { name }
    current { description status document { fileName sha256 url } }
    versions { version }
  } }`;

  async function queueStatements(size: number): Promise<{ statements: number; items: number }> {
    const s = await setup(ALL_WINDOWS, size);
    const teacherId = s.school.accounts.find((account) => account.username === s.school.logins.teacher.username)!.id;
    await app.factory.outcomes(s.school, s.section, 6, teacherId);
    const connection = app.services.orm.em.getConnection();
    const original = connection.execute.bind(connection);
    let statements = 0;
    connection.execute = ((...args: Parameters<typeof original>) => {
      statements += 1;
      return original(...args);
    }) as typeof connection.execute;
    let items = 0;
    try {
      items = (await s.teacher.ok<{ certificationQueue: unknown[] }>(QUEUE)).certificationQueue.length;
    } finally {
      connection.execute = original;
    }
    return { statements, items };
  }

  it('answers 40 students × 6 items with as many statements as 5 × 6', async () => {
    const small = await queueStatements(5);
    const large = await queueStatements(40);
    expect(small.items).toBe(30);
    expect(large.items).toBe(240);
    expect(large.statements).toBe(small.statements);
  });

  it('shows the homeroom teacher each student’s counts', async () => {
    const s = await setup();
    const outcome = (await uploadOutcome(s)).outcome!;
    await s.teacher.ok(CERTIFY, { input: { outcomeIds: [outcome.id] } });
    await s.student.ok(SELECT, { input: { itemId: outcome.id, selected: true } });
    const homeroom = await app.client().login(s.school.logins.homeroom.username, s.school.logins.homeroom.password);
    const progress = await homeroom.ok<{
      node: { students: { studentNumber: string; portfolioProgress: Record<string, number> }[] };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on SchoolClass { students { studentNumber portfolioProgress { outcomes certified pending outcomesSelected } } } } }',
      { id: toGlobalId('SchoolClass', s.school.classes[0]!.id) },
    );
    expect(progress.node.students.map((student) => student.portfolioProgress)).toEqual([
      { outcomes: 1, certified: 1, pending: 0, outcomesSelected: 1 },
      { outcomes: 0, certified: 0, pending: 0, outcomesSelected: 0 },
    ]);
  });
});
