import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { keepBytes } from '../../api/src/modules/files/generated-upload.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) {
    submission { id category status idempotencyKey zipSha256 zipSize packageUrl rosters { path rows } }
    userErrors { code message }
  }
}`;

interface SubmitResult {
  submitTerm: {
    submission: {
      id: string;
      category: string;
      zipSha256: string;
      zipSize: number;
      packageUrl: string;
      rosters: { path: string; rows: number }[];
    } | null;
    userErrors: { code: string; message: string }[];
  };
}

interface Setup {
  school: TestSchool;
  termId: string;
  registration: ApiClient;
  physics: CourseSection;
}

/** A school with the SUBMIT window of `category` (open now by default) and two sections: six enrolments. */
async function setup(
  categories = [SubmissionCategory.COURSE_RECORDS],
  window: { startsAt: Date; endsAt: Date } = { startsAt: at(-1), endsAt: at(5) },
): Promise<Setup> {
  const school = await city.school();
  await city.timeline(
    categories.map((category) => ({ kind: TaskKind.SUBMIT, category, ...window })),
    [school],
  );
  const { physics, term } = await app.factory.gradedSections(school);
  const registration = await app
    .client()
    .login(school.logins.registration.username, school.logins.registration.password);
  return { school, termId: toGlobalId('Term', term.id), registration, physics };
}

const submit = (client: ApiClient, termId: string, idempotencyKey: string, category = 'COURSE_RECORDS') =>
  client.ok<SubmitResult>(SUBMIT, { input: { termId, category, idempotencyKey } });

async function download(client: ApiClient, url: string) {
  const response = await fetch(`${app.url}${url}`, { headers: { authorization: `Bearer ${client.token}` } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function firstSheet(bytes: Buffer): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as (string | number | null)[]).slice(1));
  });
  return rows;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('submission packages', () => {
  it('builds the course records package: subject and grade rosters, one row per enrolment with national ID and birth date', async () => {
    const { school, termId, registration } = await setup();
    const result = await submit(registration, termId, 'course-records-0001');
    expect(result.submitTerm.userErrors).toEqual([]);
    const submission = result.submitTerm.submission!;
    // The enrolment rosters of 重修 and 重讀 are written even when empty: the central database sees the same set.
    expect(submission.rosters).toEqual([
      { path: '01_學業表現上傳資料/1_科目名冊.xlsx', rows: 2 },
      { path: '01_學業表現上傳資料/3_學生成績名冊.xlsx', rows: 6 },
      { path: '01_學業表現上傳資料/4_學生重修成績名冊.xlsx', rows: 0 },
      { path: '01_學業表現上傳資料/5_學生重讀成績名冊.xlsx', rows: 0 },
    ]);

    const { response, bytes } = await download(registration, submission.packageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(sha(bytes)).toBe(submission.zipSha256);
    expect(bytes.length).toBe(submission.zipSize);

    const zip = await JSZip.loadAsync(bytes);
    const paths = Object.values(zip.files)
      .filter((file) => !file.dir)
      .map((file) => file.name)
      .sort();
    expect(paths).toEqual([
      '01_學業表現上傳資料/1_科目名冊.xlsx',
      '01_學業表現上傳資料/3_學生成績名冊.xlsx',
      '01_學業表現上傳資料/4_學生重修成績名冊.xlsx',
      '01_學業表現上傳資料/5_學生重讀成績名冊.xlsx',
    ]);
    const retakes = await firstSheet(
      await zip.file('01_學業表現上傳資料/4_學生重修成績名冊.xlsx')!.async('nodebuffer'),
    );
    expect(retakes).toEqual([
      (await firstSheet(await zip.file('01_學業表現上傳資料/3_學生成績名冊.xlsx')!.async('nodebuffer')))[0],
    ]);

    const term = await app.sqlOne<{ year: number; semester: number }>(
      'select y.year, t.semester from term t join academic_year y on y.id = t.academic_year_id where t.id = ?',
      [Buffer.from(termId, 'base64url').toString().split(':')[1]],
    );
    const subjects = await firstSheet(await zip.file('01_學業表現上傳資料/1_科目名冊.xlsx')!.async('nodebuffer'));
    expect(subjects[0]!.slice(0, 3)).toEqual(['學校代碼', '學年度', '學期']);
    expect(subjects).toHaveLength(3);

    const grades = await firstSheet(await zip.file('01_學業表現上傳資料/3_學生成績名冊.xlsx')!.async('nodebuffer'));
    expect(grades[0]!.slice(0, 5)).toEqual(['學校代碼', '學年度', '學期', '身分證號', '出生日期']);
    const rows = grades.slice(1);
    expect(rows).toHaveLength(6);
    const ids = school.students.map((student) => app.services.pii.decrypt(student.nationalIdEncrypted));
    for (const row of rows) {
      expect(row.slice(0, 3)).toEqual([school.school.code, term.year, term.semester]);
      expect(ids).toContain(row[3]);
      expect(row[4]).toBe('2008-05-01');
    }
    // Every student once in 國語文, the first class also in 物理.
    expect(rows.filter((row) => row[3] === ids[0])).toHaveLength(2);
    expect(rows.filter((row) => row[3] === ids[3])).toHaveLength(1);

    const audit = await app.sql('select 1 from audit_log where school_id = ? and operation = ?', [
      school.school.id,
      'submission.submit',
    ]);
    expect(audit).toHaveLength(1);
  });

  it('keeps what was submitted: a grade changed afterwards changes neither the stored rows nor the zip', async () => {
    const { school, termId, registration } = await setup();
    const submission = (await submit(registration, termId, 'copy-on-submit-01')).submitTerm.submission!;
    const rowsBefore = await app.sql<{ cells: unknown }>(
      'select cells from submission_row where school_id = ? order by roster, row_number',
      [school.school.id],
    );
    expect(rowsBefore).toHaveLength(8);

    await app.sql('update enrolment set term_grade = 42, passed = false where school_id = ?', [school.school.id]);

    const rowsAfter = await app.sql<{ cells: unknown }>(
      'select cells from submission_row where school_id = ? order by roster, row_number',
      [school.school.id],
    );
    expect(rowsAfter).toEqual(rowsBefore);
    const again = await download(registration, submission.packageUrl);
    expect(sha(again.bytes)).toBe(submission.zipSha256);
    const grades = await firstSheet(
      await (await JSZip.loadAsync(again.bytes)).file('01_學業表現上傳資料/3_學生成績名冊.xlsx')!.async('nodebuffer'),
    );
    expect(grades.slice(1).every((row) => row[10] === 80)).toBe(true);

    // The database refuses to change a submitted row, even for the owner.
    await expect(
      app.sql('update submission_row set cells = ? where school_id = ?', ['[]', school.school.id]),
    ).rejects.toThrow(/append-only/);

    // A new submission reads the data as it is now.
    const later = (await submit(registration, termId, 'copy-on-submit-02')).submitTerm.submission!;
    expect(later.zipSha256).not.toBe(submission.zipSha256);
  });

  it('creates exactly one submission per idempotency key, also for two identical requests at once', async () => {
    const { school, termId, registration } = await setup();
    const first = (await submit(registration, termId, 'same-key-00001')).submitTerm.submission!;
    const second = (await submit(registration, termId, 'same-key-00001')).submitTerm.submission!;
    expect(second.id).toBe(first.id);

    const [a, b] = await Promise.all([
      submit(registration, termId, 'racing-key-0001'),
      submit(registration, termId, 'racing-key-0001'),
    ]);
    expect(a.submitTerm.userErrors).toEqual([]);
    expect(b.submitTerm.userErrors).toEqual([]);
    expect(a.submitTerm.submission!.id).toBe(b.submitTerm.submission!.id);

    const counts = await app.sql<{ key: string; n: number }>(
      'select idempotency_key as key, count(*)::int as n from submission where school_id = ? group by 1 order by 1',
      [school.school.id],
    );
    expect(counts).toEqual([
      { key: 'racing-key-0001', n: 1 },
      { key: 'same-key-00001', n: 1 },
    ]);
    const rows = await app.sqlOne<{ n: number }>('select count(*)::int as n from submission_row where school_id = ?', [
      school.school.id,
    ]);
    expect(rows.n).toBe(16);

    // The same key for another category is refused rather than answered with the wrong package.
    const other = await submit(registration, termId, 'same-key-00001', 'BASIC');
    expect(other.submitTerm.userErrors.map((error) => error.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses outside the SUBMIT window of the category and writes nothing', async () => {
    const { school, termId, registration } = await setup([SubmissionCategory.COURSE_RECORDS], {
      startsAt: at(1),
      endsAt: at(3),
    });
    const early = await submit(registration, termId, 'too-early-0001');
    expect(early.submitTerm.submission).toBeNull();
    expect(early.submitTerm.userErrors.map((error) => error.code)).toEqual(['WINDOW_NOT_OPEN']);

    const noWindow = await submit(registration, termId, 'no-window-0001', 'BASIC');
    expect(noWindow.submitTerm.userErrors.map((error) => error.code)).toEqual(['WINDOW_NOT_OPEN']);

    app.clock.set(at(4));
    try {
      const again = await app.client().login(school.logins.registration.username, school.logins.registration.password);
      const late = await submit(again, termId, 'too-late-00001');
      expect(late.submitTerm.userErrors.map((error) => error.code)).toEqual(['WINDOW_CLOSED']);
    } finally {
      app.clock.set(DEFAULT_TEST_NOW);
    }
    for (const table of ['submission', 'submission_row']) {
      const rows = await app.sql(`select 1 from ${table} where school_id = ?`, [school.school.id]);
      expect(rows).toHaveLength(0);
    }
  });

  it('lets only the responsible sections submit: students, teachers and 訓育組 for course records are forbidden', async () => {
    const { school, termId } = await setup();
    for (const login of [school.logins.student, school.logins.teacher, school.logins.affairs]) {
      const client = await app.client().login(login.username, login.password);
      const result = await client.request(SUBMIT, {
        input: { termId, category: 'COURSE_RECORDS', idempotencyKey: 'forbidden-0001' },
      });
      expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const rows = await app.sql('select 1 from submission where school_id = ?', [school.school.id]);
    expect(rows).toHaveLength(0);
  });

  it("lists a school's submissions and hides another school's from node, the list and the download", async () => {
    const mine = await setup();
    const theirs = await setup();
    const own = (await submit(mine.registration, mine.termId, 'listing-key-0001')).submitTerm.submission!;
    const foreign = (await submit(theirs.registration, theirs.termId, 'listing-key-0001')).submitTerm.submission!;
    expect(foreign.id).not.toBe(own.id);

    const list = await mine.registration.ok<{ submissions: { id: string }[] }>(
      'query ($termId: ID!) { submissions(termId: $termId) { id } }',
      { termId: mine.termId },
    );
    expect(list.submissions.map((entry) => entry.id)).toEqual([own.id]);

    const node = await mine.registration.ok<{ a: { id: string } | null; b: { id: string } | null }>(
      'query ($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }',
      { a: own.id, b: foreign.id },
    );
    expect(node.a?.id).toBe(own.id);
    expect(node.b).toBeNull();

    const { response } = await download(mine.registration, foreign.packageUrl);
    expect(response.status).toBe(404);
    const student = await app.client().login(mine.school.logins.student.username, mine.school.logins.student.password);
    expect((await download(student, own.packageUrl)).response.status).toBe(404);
  });

  it('packages the year’s selected outcomes and performances once, in the second term’s round, with semester 0', async () => {
    const { school, termId, registration, physics } = await setup([
      SubmissionCategory.COURSE_OUTCOMES,
      SubmissionCategory.PERFORMANCES,
    ]);
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    // Two outcomes for each of the two physics students, all certified, the first of each student selected.
    await app.factory.outcomes(school, physics, 2, teacher.id);
    await app.sql(
      `update course_outcome_version set status = 'CERTIFIED', decided_at = now(), decided_by = ? where school_id = ?`,
      [teacher.id, school.school.id],
    );
    await app.sql(`update course_outcome set status = 'CERTIFIED' where school_id = ?`, [school.school.id]);
    await app.sql(
      `update course_outcome set selected_at = now() where school_id = ? and id in (
         select distinct on (student_id) id from course_outcome where school_id = ? order by student_id, id)`,
      [school.school.id, school.school.id],
    );
    const selected = await app.sql<{ file_name: string; sha256: string }>(
      `select '03_佐證檔案/' || u.sha256 || '.pdf' as file_name, u.sha256 from course_outcome o
       join course_outcome_version v on v.outcome_id = o.id and v.version = o.current_version
       join upload u on u.id = v.document_upload_id
       where o.school_id = ? and o.selected_at is not null order by u.sha256`,
      [school.school.id],
    );
    expect(selected).toHaveLength(2);
    // Two performances of the first student; only the one with a document is selected.
    const student = school.students[0]!;
    const year = school.years.at(-1)!;
    const docBytes = Buffer.from('%PDF-1.4 performance document');
    const docSha = await keepBytes(app.services.files, docBytes);
    await app.sql(
      `with u as (
         insert into upload (school_id, id, purpose, file_name, declared_size, created_by, created_at, expires_at,
                             sha256, size, content_type, stored_at)
         values (?, gen_random_uuid(), 'DOCUMENT', '獎狀.pdf', 100, ?, now(), now(), ?, 100, 'application/pdf', now())
         returning id)
       insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                        document_upload_id, selected_at, created_at, updated_at)
       select ?, gen_random_uuid(), ?, ?, 'OTHER', '淨灘志工', '簡述', u.id, now(), now(), now() from u`,
      [school.school.id, teacher.id, docSha, school.school.id, student.id, year.id],
    );
    await app.sql(
      `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                        created_at, updated_at)
       values (?, gen_random_uuid(), ?, ?, 'OTHER', '未勾選', '簡述', now(), now())`,
      [school.school.id, student.id, year.id],
    );
    const nationalId = app.services.pii.decrypt(student.nationalIdEncrypted);

    // Outcomes and performances go to the central database once a year: not in the first term's round.
    const firstTerm = (await submit(registration, termId, 'outcomes-term-1', 'COURSE_OUTCOMES')).submitTerm;
    expect(firstTerm.userErrors).toEqual([
      {
        code: 'ANNUAL_CATEGORY',
        message: '「課程學習成果」每學年提交一次：請在 115學年度第2學期的梯次提交，內容為整個 115學年度。',
      },
    ]);
    expect(
      await app.sqlOne<{ n: number }>('select count(*)::int as n from submission where school_id = ?', [
        school.school.id,
      ]),
    ).toEqual({ n: 0 });
    const secondTerm = school.terms.find((t) => t.semester === 2 && t.academicYear.id === year.id)!;
    const roundTermId = toGlobalId('Term', secondTerm.id);

    const outcomes = (await submit(registration, roundTermId, 'outcomes-key-0001', 'COURSE_OUTCOMES')).submitTerm;
    expect(outcomes.userErrors).toEqual([]);
    expect(outcomes.submission!.rosters).toEqual([
      { path: '01_學業表現上傳資料/7_學生課程學習成果名冊.xlsx', rows: 2 },
    ]);
    const outcomeZip = await JSZip.loadAsync((await download(registration, outcomes.submission!.packageUrl)).bytes);
    const outcomeRows = await firstSheet(
      await outcomeZip.file('01_學業表現上傳資料/7_學生課程學習成果名冊.xlsx')!.async('nodebuffer'),
    );
    expect(outcomeRows[0]).toEqual([
      '學校代碼',
      '學年度',
      '學期',
      '身分證號',
      '出生日期',
      '課程代碼',
      '科目名稱',
      '成果類別',
      '簡述',
      '文件檔名',
      '文件SHA-256',
      '影音檔名',
      '影音SHA-256',
    ]);
    expect(
      outcomeRows
        .slice(1)
        .map((row) => ({ file_name: row[9], sha256: row[10] }))
        .sort((a, b) => String(a.sha256).localeCompare(String(b.sha256))),
    ).toEqual(selected);
    expect(outcomeRows.slice(1).every((row) => row[6] === '物理')).toBe(true);
    // The first term's outcomes, submitted as the year's: 學期 0.
    expect(outcomeRows.slice(1).every((row) => row[1] === year.year && row[2] === 0)).toBe(true);
    // The package carries every listed file under the name the roster lists, with the bytes its hash names.
    const evidenceNames = Object.keys(outcomeZip.files).filter((name) => name.startsWith('03_佐證檔案/'));
    expect(evidenceNames.sort()).toEqual(selected.map((file) => file.file_name).sort());
    for (const file of selected) {
      expect(sha(await outcomeZip.file(file.file_name)!.async('nodebuffer'))).toBe(file.sha256);
    }

    const performances = (await submit(registration, roundTermId, 'performances-key-1', 'PERFORMANCES')).submitTerm;
    expect(performances.userErrors).toEqual([]);
    const performanceZip = await JSZip.loadAsync(
      (await download(registration, performances.submission!.packageUrl)).bytes,
    );
    // One roster per category, every category of the policy (here all) even without rows, in the central order.
    expect(Object.keys(performanceZip.files).filter((name) => name.endsWith('.xlsx'))).toEqual([
      '02_非學業表現上傳資料/2_幹部經歷暨事蹟名冊.xlsx',
      '02_非學業表現上傳資料/3_競賽參與名冊.xlsx',
      '02_非學業表現上傳資料/4_檢定證照名冊.xlsx',
      '02_非學業表現上傳資料/5_服務學習名冊.xlsx',
      '02_非學業表現上傳資料/6_彈性學習時間名冊.xlsx',
      '02_非學業表現上傳資料/7_團體活動時間名冊.xlsx',
      '02_非學業表現上傳資料/8_作品成果名冊.xlsx',
      '02_非學業表現上傳資料/9_大學及技專校院先修課程名冊.xlsx',
      '02_非學業表現上傳資料/10_其他多元表現名冊.xlsx',
      '02_非學業表現上傳資料/11_職場學習名冊.xlsx',
    ]);
    const performanceRows = await firstSheet(
      await performanceZip.file('02_非學業表現上傳資料/10_其他多元表現名冊.xlsx')!.async('nodebuffer'),
    );
    expect(performanceRows).toHaveLength(2);
    const [header, row] = performanceRows as [string[], (string | number | null)[]];
    expect(header).toEqual([
      '學校代碼',
      '學年度',
      '學期',
      '身分證號',
      '出生日期',
      '開始日期',
      '結束日期',
      '名稱',
      '簡述',
      '外部連結',
      '文件檔名',
      '文件SHA-256',
      '影音檔名',
      '影音SHA-256',
    ]);
    expect(row.slice(0, 5)).toEqual([school.school.code, year.year, 0, nationalId, '2008-05-01']);
    expect(row[header.indexOf('名稱')]).toBe('淨灘志工');
    expect([row[header.indexOf('文件檔名')], row[header.indexOf('文件SHA-256')]]).toEqual([
      `03_佐證檔案/${docSha}.pdf`,
      docSha,
    ]);
    const emptyRoster = await firstSheet(
      await performanceZip.file('02_非學業表現上傳資料/3_競賽參與名冊.xlsx')!.async('nodebuffer'),
    );
    expect(emptyRoster).toHaveLength(1);
    expect(await performanceZip.file(`03_佐證檔案/${docSha}.pdf`)!.async('nodebuffer')).toEqual(docBytes);
  });

  it('packages basic data (student register and cadres); 訓育組 submits it, only 註冊組 downloads it', async () => {
    const { school, termId, registration } = await setup([SubmissionCategory.BASIC]);
    const term = Buffer.from(termId, 'base64url').toString().split(':')[1];
    await app.sql(
      `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
       values (?, gen_random_uuid(), ?, ?, '班級', '班長', 1, '2026-09-01', '2027-01-20')`,
      [school.school.id, school.students[1]!.id, term],
    );
    const affairs = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    const result = (await submit(affairs, termId, 'basic-data-key-01', 'BASIC')).submitTerm;
    expect(result.userErrors).toEqual([]);
    expect(result.submission!.rosters).toEqual([
      { path: '01_學業表現上傳資料/2_學生資料名冊.xlsx', rows: 4 },
      { path: '02_非學業表現上傳資料/1_校內幹部經歷名冊.xlsx', rows: 1 },
    ]);
    expect((await download(affairs, result.submission!.packageUrl)).response.status).toBe(404);
    const zip = await JSZip.loadAsync((await download(registration, result.submission!.packageUrl)).bytes);
    const cadres = await firstSheet(
      await zip.file('02_非學業表現上傳資料/1_校內幹部經歷名冊.xlsx')!.async('nodebuffer'),
    );
    expect(cadres[1]!.slice(3)).toEqual([
      app.services.pii.decrypt(school.students[1]!.nationalIdEncrypted),
      '2008-05-01',
      '班級',
      '班長',
      1,
      '2026-09-01',
      '2027-01-20',
    ]);
    const register = await firstSheet(await zip.file('01_學業表現上傳資料/2_學生資料名冊.xlsx')!.async('nodebuffer'));
    expect(register[0]!.slice(0, 7)).toEqual(['學校代碼', '學年度', '學期', '身分證號', '出生日期', '學號', '姓名']);
    expect(register[0]!.slice(-2)).toEqual(['學籍狀態代碼', '學籍狀態']);
    expect(register.slice(1).map((r) => r[5])).toEqual(school.students.map((s) => s.studentNumber).sort());
    expect(register.slice(1).every((r) => r.slice(-2).join() === '1,在學')).toBe(true);
  });
});
