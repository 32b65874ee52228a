import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalCourseCode, fictionalNationalId } from '../../api/src/db/seed/builders.js';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import { readTabularFile } from '../../api/src/common/tabular-file.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, putBytes, requestUpload, uploadImportFile, xlsxFile } from '../support/uploads.js';

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const RUN_FIELDS = `id kind status rowCount problemCount toCreate toUpdate unchanged fileSha256
  problems(limit: 1000) { rowNumber column code message }`;
const PREVIEW = `mutation ($input: PreviewImportInput!) {
  previewImport(input: $input) { importRun { ${RUN_FIELDS} } userErrors { code message } }
}`;
const COMMIT = `mutation ($input: CommitImportInput!) {
  commitImport(input: $input) {
    importRun { ${RUN_FIELDS} committedAt }
    initialPasswords { username displayName password }
    userErrors { code message }
  }
}`;

interface Problem {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
}
interface Run {
  id: string;
  status: string;
  rowCount: number;
  problemCount: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  fileSha256: string;
  problems: Problem[];
}
interface UserErrors {
  userErrors: { code: string; message: string }[];
}

const STUDENT_HEADER = ['學號', '身分證號', '姓名', '出生日期', '性別', '班級', '座號', '入學年度', '學籍狀態'];
let serial = 500_000;
/** A valid roster row with a fresh national ID. */
function studentRow(number: string, className = '102', seat = '1'): string[] {
  serial += 7;
  return [
    number,
    fictionalNationalId(serial, 'F'),
    `匯入生${number}`,
    '98/03/05',
    '女',
    className,
    seat,
    '115',
    '在學',
  ];
}

async function signIn(login: { username: string; password: string }): Promise<ApiClient> {
  return app.client().login(login.username, login.password);
}

async function preview(client: ApiClient, kind: string, fileName: string, bytes: Buffer): Promise<Run> {
  const upload = await uploadImportFile(app.url, client, fileName, bytes);
  const result = await client.ok<{ previewImport: UserErrors & { importRun: Run | null } }>(PREVIEW, {
    input: { kind, uploadId: upload.id },
  });
  expect(result.previewImport.userErrors).toEqual([]);
  return result.previewImport.importRun!;
}

async function commit(client: ApiClient, run: Run) {
  return (
    await client.ok<{
      commitImport: UserErrors & {
        importRun: Run | null;
        initialPasswords: { username: string; password: string }[];
      };
    }>(COMMIT, { input: { importId: run.id } })
  ).commitImport;
}

interface Footprint {
  students: number;
  classes: number;
  accounts: number;
  courses: number;
  sections: number;
  enrolments: number;
  last_student_update: string | null;
  commits: number;
}

/** Rows and audit entries of one school, to show that a refused import wrote nothing. */
async function footprint(school: TestSchool) {
  return app.sqlOne<Footprint>(
    `with target as (select ?::uuid as id)
     select (select count(*)::int from student where school_id = (select id from target)) as students,
            (select count(*)::int from school_class where school_id = (select id from target)) as classes,
            (select count(*)::int from user_account where school_id = (select id from target)) as accounts,
            (select count(*)::int from course where school_id = (select id from target)) as courses,
            (select count(*)::int from course_section where school_id = (select id from target)) as sections,
            (select count(*)::int from enrolment where school_id = (select id from target)) as enrolments,
            (select max(updated_at) from student where school_id = (select id from target))::text as last_student_update,
            (select count(*)::int from audit_log where school_id = (select id from target) and operation = 'import.commit') as commits`,
    [school.school.id],
  );
}

describe('uploads', () => {
  it('stores a file by its SHA-256 after a complete, matching PUT', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const bytes = csvFile([STUDENT_HEADER, studentRow('9000001')]);
    const upload = await uploadImportFile(app.url, staff, 'roster.csv', bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(upload).toMatchObject({ sha256, size: bytes.length });
    expect(existsSync(path.join(app.filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true);
    const row = await app.sqlOne<{ sha256: string; size: string }>(
      'select sha256, size::text from upload where id = ?',
      [fromGlobalId(upload.id)!.id],
    );
    expect(row).toEqual({ sha256, size: String(bytes.length) });
  });

  it('refuses a wrong file type, an old .xls and a file over the limit before any byte is sent', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const codes = async (fileName: string, size: number) =>
      (await requestUpload(staff, fileName, size)).requestUpload.userErrors.map((error) => error.code);
    expect(await codes('roster.pdf', 100)).toEqual(['UNSUPPORTED_FILE_TYPE']);
    expect(await codes('roster.xls', 100)).toEqual(['OLD_EXCEL_FORMAT']);
    expect(await codes('roster.csv', 0)).toEqual(['EMPTY_FILE']);
    expect(await codes('roster.xlsx', 30 * 1024 * 1024)).toEqual(['FILE_TOO_LARGE']);
    expect(
      (await app.sqlOne<{ n: number }>('select count(*)::int as n from upload where school_id = ?', [school.school.id]))
        .n,
    ).toBe(0);
  });

  it('refuses a mismatched, truncated, foreign or repeated PUT and keeps no file', async () => {
    const school = await city.school();
    const other = await city.school();
    const staff = await signIn(school.logins.registration);
    const csv = csvFile([STUDENT_HEADER, studentRow('9000002')]);

    // CSV bytes under an .xlsx name: the magic bytes do not match.
    const fake = await requestUpload(staff, 'roster.xlsx', csv.length);
    const mismatch = await putBytes(app.url, staff, fake.requestUpload.uploadUrl!, csv);
    expect(mismatch).toMatchObject({ status: 400, body: { code: 'FILE_TYPE_MISMATCH' } });
    expect(mismatch.body.message).toContain('副檔名不符');
    expect(mismatch.body.message).toContain('請用 Excel 重新另存為 .xlsx 或 CSV');

    // Fewer bytes than announced: a dropped connection.
    const slot = await requestUpload(staff, 'roster.csv', csv.length + 10);
    const truncated = await putBytes(app.url, staff, slot.requestUpload.uploadUrl!, csv);
    expect(truncated).toMatchObject({ status: 400, body: { code: 'INCOMPLETE_UPLOAD' } });

    // More bytes than announced.
    const small = await requestUpload(staff, 'roster.csv', 10);
    expect((await putBytes(app.url, staff, small.requestUpload.uploadUrl!, csv)).status).toBe(413);

    // Someone else's slot, and no session at all.
    const stranger = await signIn(other.logins.registration);
    const mine = await requestUpload(staff, 'roster.csv', csv.length);
    expect((await putBytes(app.url, stranger, mine.requestUpload.uploadUrl!, csv)).status).toBe(404);
    expect((await putBytes(app.url, app.client(), mine.requestUpload.uploadUrl!, csv)).status).toBe(401);

    const stored = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from upload where school_id = ? and stored_at is not null',
      [school.school.id],
    );
    expect(stored.n).toBe(0);
    const kept = readdirSync(app.filesDir).filter((entry) => entry !== 'tmp');
    const temporary = readdirSync(path.join(app.filesDir, 'tmp'));
    expect(temporary).toEqual([]);
    // Other tests of this file may have stored files; none of these bytes is among them.
    const sha = createHash('sha256').update(csv).digest('hex');
    expect(
      kept.includes(sha.slice(0, 2)) && existsSync(path.join(app.filesDir, sha.slice(0, 2), sha.slice(2, 4), sha)),
    ).toBe(false);

    // The slot is still good for the right bytes, once.
    expect((await putBytes(app.url, staff, mine.requestUpload.uploadUrl!, csv)).status).toBe(200);
    expect((await putBytes(app.url, staff, mine.requestUpload.uploadUrl!, csv)).body.code).toBe('ALREADY_UPLOADED');
  });

  it('keeps nothing when the connection is cut in the middle of an upload', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const bytes = csvFile([
      STUDENT_HEADER,
      ...Array.from({ length: 2000 }, (_, i) => studentRow(String(9_800_000 + i))),
    ]);
    const slot = await requestUpload(staff, 'big.csv', bytes.length);
    const target = new URL(`${app.url}${slot.requestUpload.uploadUrl!}`);
    await new Promise<void>((resolve) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'PUT',
          headers: { authorization: `Bearer ${staff.token}`, 'content-length': bytes.length },
        },
        () => resolve(),
      );
      req.on('error', () => resolve());
      req.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
        // Half the file is on its way: the line drops.
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 200);
      });
    });
    // The server notices the cut and cleans up; give it a moment.
    await expect.poll(() => readdirSync(path.join(app.filesDir, 'tmp')).length, { timeout: 5000 }).toBe(0);
    const row = await app.sqlOne<{ stored_at: string | null }>('select stored_at from upload where id = ?', [
      fromGlobalId(slot.requestUpload.upload!.id)!.id,
    ]);
    expect(row.stored_at).toBeNull();
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(existsSync(path.join(app.filesDir, sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(false);
  });

  it('refuses an upload from someone who may not import', async () => {
    const school = await city.school();
    const teacher = await signIn(school.logins.teacher);
    const result = await teacher.request(
      `mutation { requestUpload(input: { purpose: IMPORT, fileName: "a.csv", size: 10 }) { uploadUrl } }`,
    );
    expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('student roster import', () => {
  it('imports a Big5 roster with new classes, records it, and a second import of the same file changes nothing', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const bytes = csvFile(
      [
        STUDENT_HEADER,
        studentRow('9100001', '102', '1'),
        studentRow('9100002', '102', '2'),
        studentRow('9100003', '101', '3'),
      ],
      'big5',
    );
    const before = await footprint(school);
    const run = await preview(staff, 'STUDENTS', '學生名冊.csv', bytes);
    expect(run).toMatchObject({
      status: 'PREVIEWED',
      rowCount: 3,
      problemCount: 0,
      toCreate: 3,
      toUpdate: 0,
      unchanged: 0,
    });
    expect(await footprint(school)).toEqual(before);

    const committed = await commit(staff, run);
    expect(committed.userErrors).toEqual([]);
    expect(committed.importRun).toMatchObject({ status: 'COMMITTED', toCreate: 3 });
    const after = await footprint(school);
    expect(after).toMatchObject({ students: before.students + 3, classes: before.classes + 1, commits: 1 });
    const created = await app.sqlOne<{ name: string; birth_date: string; gender: string; grade_year: number }>(
      `select s.name, s.birth_date::text, s.gender, c.grade_year from student s
       join school_class c on c.school_id = s.school_id and c.id = s.class_id
       where s.school_id = ? and s.student_number = '9100001'`,
      [school.school.id],
    );
    expect(created).toEqual({ name: '匯入生9100001', birth_date: '2009-03-05', gender: 'F', grade_year: 10 });
    const audit = await app.sqlOne<{ detail: { kind: string; fileSha256: string; toCreate: number } }>(
      `select detail from audit_log where school_id = ? and operation = 'import.commit'`,
      [school.school.id],
    );
    expect(audit.detail).toMatchObject({ kind: 'STUDENTS', fileSha256: run.fileSha256, toCreate: 3 });

    // The same file again: every row unchanged, nothing written but the record of the import.
    const again = await preview(staff, 'STUDENTS', '學生名冊.csv', bytes);
    expect(again).toMatchObject({ status: 'PREVIEWED', toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect((await commit(staff, again)).userErrors).toEqual([]);
    expect(await footprint(school)).toEqual({ ...after, commits: 2 });

    // Read back from the database, newest first, with their timestamps.
    const recent = await staff.ok<{ recentImports: { status: string; committedAt: string }[] }>(
      '{ recentImports { status committedAt } }',
    );
    expect(recent.recentImports).toEqual([
      { status: 'COMMITTED', committedAt: app.clock.now().toISOString() },
      { status: 'COMMITTED', committedAt: app.clock.now().toISOString() },
    ]);

    // A committed import cannot be committed twice.
    expect((await commit(staff, run)).userErrors.map((error) => error.code)).toEqual(['ALREADY_COMMITTED']);
  });

  it('updates an existing student by 學號 (class and seat moved)', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const row = studentRow('9200001', '101', '5');
    await commit(staff, await preview(staff, 'STUDENTS', 'a.csv', csvFile([STUDENT_HEADER, row])));
    const moved = [...row];
    moved[5] = '301';
    moved[6] = '9';
    const run = await preview(staff, 'STUDENTS', 'b.csv', csvFile([STUDENT_HEADER, moved]));
    expect(run).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 0 });
    await commit(staff, run);
    const student = await app.sqlOne<{ class_name: string; seat_number: number }>(
      `select c.name as class_name, s.seat_number from student s join school_class c on c.id = s.class_id
       where s.school_id = ? and s.student_number = '9200001'`,
      [school.school.id],
    );
    expect(student).toEqual({ class_name: '301', seat_number: 9 });
  });

  it('names every problem by row and column, and a file with problems cannot be committed', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const existing = school.students[0]!;
    const existingId = await app.sqlOne<{ national_id_encrypted: string }>(
      'select national_id_encrypted from student where id = ?',
      [existing.id],
    );
    const existingNationalId = app.services.pii.decrypt(existingId.national_id_encrypted);
    const badId = studentRow('9300002');
    badId[1] = 'A123456788';
    const duplicateA = studentRow('9300003');
    const duplicateB = studentRow('9300003');
    const takenId = studentRow('9300005');
    takenId[1] = existingNationalId;
    const unknownClass = studentRow('9300006', '甲班');
    const bytes = await xlsxFile([
      STUDENT_HEADER,
      studentRow('9300001'),
      badId,
      duplicateA,
      duplicateB,
      takenId,
      unknownClass,
      [
        '9300007',
        fictionalNationalId(777_001),
        { formula: 'CONCAT("王","小明")', result: '王小明' },
        '98/01/01',
        '男',
        '101',
        '1',
        '115',
        '在學',
      ],
      [
        '9300008',
        fictionalNationalId(777_002),
        '李小華',
        '98/01/01',
        '男',
        '101',
        new Date(Date.UTC(2026, 0, 2)),
        '115',
        '在學',
      ],
      // A name with a line break typed into its cell (Alt+Enter): one line, as in the form.
      ['9300009', fictionalNationalId(777_003), '王\n小明', '98/01/01', '男', '101', '2', '115', '在學'],
    ]);
    const before = await footprint(school);
    const run = await preview(staff, 'STUDENTS', 'roster.xlsx', bytes);
    expect(run.status).toBe('REJECTED');
    const byRow = run.problems.map((problem) => [problem.rowNumber, problem.column, problem.code]);
    expect(byRow).toEqual([
      [3, '身分證號', 'INVALID_NATIONAL_ID'],
      [5, '學號', 'DUPLICATE_IN_FILE'],
      [6, '身分證號', 'DUPLICATE_NATIONAL_ID'],
      [7, '班級', 'UNKNOWN_CLASS'],
      [8, '姓名', 'FORMULA_CELL'],
      [9, '座號', 'INVALID_NUMBER'],
      [10, '姓名', 'LINE_BREAK_IN_CELL'],
    ]);
    expect(run.problems[0]!.message).toMatch(/^第 3 列「身分證號」：/);
    expect(run.problems[2]!.message).toContain(existing.studentNumber);
    expect((await commit(staff, run)).userErrors.map((error) => error.code)).toEqual(['HAS_PROBLEMS']);
    expect(await footprint(school)).toEqual(before);
  });

  it('refuses whole files that cannot be read, with one clear message and nothing written', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const before = await footprint(school);
    const xlsx = await xlsxFile([STUDENT_HEADER, studentRow('9400001')]);
    const hundredThousand = csvFile([
      STUDENT_HEADER,
      ...Array.from({ length: 100_000 }, (_, i) => [String(9_500_000 + i)]),
    ]);
    const cases: [string, Buffer, string][] = [
      ['empty.csv', Buffer.from('\uFEFF學號,身分證號,姓名\r\n', 'utf8'), 'EMPTY_FILE'],
      ['truncated.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'MALFORMED_XLSX'],
      ['latin.csv', Buffer.from([0x80, 0x81, 0x2c, 0x80, 0x0d, 0x0a, 0x80, 0x2c, 0x80]), 'BAD_ENCODING'],
      ['huge.csv', hundredThousand, 'TOO_MANY_ROWS'],
      [
        'columns.csv',
        csvFile([
          ['學號', '姓名'],
          ['9400002', '王小明'],
        ]),
        'MISSING_COLUMN',
      ],
    ];
    for (const [fileName, bytes, code] of cases) {
      const run = await preview(staff, 'STUDENTS', fileName, bytes);
      expect(run.status, fileName).toBe('REJECTED');
      expect(run.problems[0]?.code, fileName).toBe(code);
      expect(run.problems[0]?.message, fileName).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await footprint(school)).toEqual(before);
  });

  it('checks again at commit: a student added since the dry run refuses the whole file', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.registration);
    const first = studentRow('9600001');
    const run = await preview(staff, 'STUDENTS', 'a.csv', csvFile([STUDENT_HEADER, first, studentRow('9600002')]));
    expect(run.status).toBe('PREVIEWED');
    // Meanwhile a colleague enters one of these students by hand, with another national ID holder's number.
    const clash = [...studentRow('9600099')];
    clash[1] = first[1]!;
    await commit(staff, await preview(staff, 'STUDENTS', 'b.csv', csvFile([STUDENT_HEADER, clash])));
    const before = await footprint(school);
    const result = await commit(staff, run);
    expect(result.userErrors.map((error) => error.code)).toEqual(['DATA_CHANGED']);
    expect(result.userErrors[0]!.message).toContain('9600099');
    expect(await footprint(school)).toEqual(before);
  });

  it('lets only 註冊組 import students, and keeps each school to its own uploads and imports', async () => {
    const school = await city.school();
    const other = await city.school();
    const registration = await signIn(school.logins.registration);
    const bytes = csvFile([STUDENT_HEADER, studentRow('9700001')]);
    const upload = await uploadImportFile(app.url, registration, 'a.csv', bytes);

    const affairs = await signIn(school.logins.affairs);
    const forbidden = await affairs.request(PREVIEW, { input: { kind: 'STUDENTS', uploadId: upload.id } });
    expect(forbidden.errors[0]?.extensions?.code).toBe('FORBIDDEN');

    const stranger = await signIn(other.logins.registration);
    const foreign = await stranger.ok<{ previewImport: UserErrors }>(PREVIEW, {
      input: { kind: 'STUDENTS', uploadId: upload.id },
    });
    expect(foreign.previewImport.userErrors.map((error) => error.code)).toEqual(['UPLOAD_NOT_FOUND']);

    const run = await preview(registration, 'STUDENTS', 'a.csv', bytes);
    const foreignCommit = await stranger.request(COMMIT, { input: { importId: run.id } });
    expect(foreignCommit.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await stranger.ok<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id: run.id })).node,
    ).toBeNull();
    expect((await footprint(other)).students).toBe(other.students.length);
  });
});

describe('teacher, course and enrolment imports', () => {
  const TEACHER_HEADER = ['帳號', '姓名', '身分', '處室', '導師班級'];
  const COURSE_HEADER = ['課程代碼', '科目名稱', '開課年級', '學分', '班別', '任課教師'];
  const ENROLMENT_HEADER = ['學號', '課程代碼', '班別', '修課類別'];

  it('creates teacher accounts with first passwords shown once, sets the homeroom class, and changes nothing the second time', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.teaching);
    const prefix = school.logins.teaching.username.split('.')[0]!;
    const rows = [
      TEACHER_HEADER,
      [`${prefix}.t1`, '林老師', '任課教師、導師', '', '101'],
      [`${prefix}.t2`, '陳老師', '任課教師；課程諮詢教師', '', ''],
    ];
    const run = await preview(staff, 'TEACHERS', 'teachers.csv', csvFile(rows));
    expect(run).toMatchObject({ status: 'PREVIEWED', toCreate: 2 });
    const result = await commit(staff, run);
    expect(result.initialPasswords.map((entry) => entry.username)).toEqual([`${prefix}.t1`, `${prefix}.t2`]);
    const first = result.initialPasswords[0]!;
    const teacher = await app.client().login(first.username, first.password);
    const me = await teacher.ok<{ me: { roles: string[]; viewerCanViewHomeroom: boolean } }>(
      '{ me { roles viewerCanViewHomeroom } }',
    );
    expect(me.me.roles.sort()).toEqual(['HOMEROOM_TEACHER', 'TEACHER']);
    const homeroom = await app.sqlOne<{ username: string }>(
      `select u.username from school_class c join user_account u on u.school_id = c.school_id and u.id = c.homeroom_teacher_id
       where c.school_id = ? and c.name = '101'`,
      [school.school.id],
    );
    expect(homeroom.username).toBe(`${prefix}.t1`);
    expect(
      JSON.stringify(await app.sql('select detail from audit_log where school_id = ?', [school.school.id])),
    ).not.toContain(first.password);

    const again = await preview(staff, 'TEACHERS', 'teachers.csv', csvFile(rows));
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2 });
    expect((await commit(staff, again)).initialPasswords).toEqual([]);
  });

  it('never grants an office role or section, keeps those an account has, and leaves the importer’s own account alone', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.teaching);
    const prefix = school.logins.teaching.username.split('.')[0]!;
    const sections = () =>
      app.sql<{ username: string; roles: string[]; admin_sections: string[] }>(
        'select username, roles, admin_sections from user_account where school_id = ? order by username',
        [school.school.id],
      );
    const before = await sections();

    // The attack: an office section for a new account, and for the importer's own.
    const grab = await preview(
      staff,
      'TEACHERS',
      'teachers.csv',
      csvFile([
        TEACHER_HEADER,
        [`${prefix}.probe`, '探針', '行政人員', '註冊組', ''],
        [`${prefix}.probe2`, '探針二', '任課教師、註冊組', '', ''],
        [school.logins.teaching.username, '教學組長', '任課教師', '', ''],
      ]),
    );
    expect(grab.problems.map((problem) => [problem.rowNumber, problem.code])).toEqual([
      [2, 'SECTION_NOT_IMPORTABLE'],
      [2, 'ADMIN_ROLE_NOT_IMPORTABLE'],
      [3, 'ADMIN_ROLE_NOT_IMPORTABLE'],
      [4, 'OWN_ACCOUNT'],
    ]);
    expect(grab.problems[0]!.message).toContain('行政職務不能用匯入設定');
    expect((await commit(staff, grab)).userErrors.map((error) => error.code)).toEqual(['HAS_PROBLEMS']);
    expect(await sections()).toEqual(before);

    // An office account in the file gets the file's teaching roles and keeps its office role and section.
    const keep = await preview(
      staff,
      'TEACHERS',
      'teachers.csv',
      csvFile([TEACHER_HEADER, [school.logins.registration.username, '註冊組長', '任課教師', '', '']]),
    );
    expect(keep).toMatchObject({ status: 'PREVIEWED', toUpdate: 1 });
    await commit(staff, keep);
    const registration = (await sections()).find((row) => row.username === school.logins.registration.username)!;
    expect(registration.roles.sort()).toEqual(['SCHOOL_ADMIN', 'TEACHER']);
    expect(registration.admin_sections).toEqual(['REGISTRATION']);
  });

  it('refuses a login name used elsewhere, an unknown class and an unknown role, writing nothing', async () => {
    const school = await city.school();
    const other = await city.school();
    const staff = await signIn(school.logins.teaching);
    const before = await footprint(school);
    const run = await preview(
      staff,
      'TEACHERS',
      'teachers.csv',
      csvFile([
        TEACHER_HEADER,
        [other.logins.teacher.username, '別校老師', '任課教師', '', ''],
        ['new.teacher.x1', '新老師', '任課教師、導師', '', '999'],
        ['new.teacher.x2', '新老師二', '校長', '', ''],
        ['new.teacher.x3', '新老師三', '、', '', ''],
      ]),
    );
    expect(run.problems.map((problem) => [problem.rowNumber, problem.code])).toEqual([
      [2, 'USERNAME_TAKEN'],
      [3, 'UNKNOWN_CLASS'],
      [4, 'INVALID_ROLE'],
      [5, 'REQUIRED'],
    ]);
    expect((await commit(staff, run)).userErrors.map((error) => error.code)).toEqual(['HAS_PROBLEMS']);
    expect(await footprint(school)).toEqual(before);
  });

  it('imports courses with sections and teachers, then enrolments, each idempotent, with per-row problems', async () => {
    const school = await city.school();
    const staff = await signIn(school.logins.teaching);
    const teacher = school.logins.teacher.username;
    const codeA = fictionalCourseCode(9_100_001);
    const codeB = fictionalCourseCode(9_100_002);

    const bad = await preview(
      staff,
      'COURSES',
      'courses.csv',
      csvFile([
        COURSE_HEADER,
        [codeA, '國語文', '10', '4', '101', teacher],
        ['115383301H12101M01S10', '英語文', '10', '4', '101', teacher],
        [codeB, '數學', '13', '4', '101', teacher],
        [codeB, '數學', '10', '25', '102', teacher],
        [codeA, '國文', '10', '4', '102', teacher],
        [codeA, '國語文', '10', '4', '101', teacher],
        [codeB, '數學', '10', '4', '103', 'nobody.here'],
      ]),
    );
    expect(bad.problems.map((problem) => [problem.rowNumber, problem.code])).toEqual([
      [3, 'INVALID_COURSE_CODE'],
      [4, 'INVALID_GRADE_YEAR'],
      [5, 'INVALID_CREDITS'],
      [6, 'CONFLICTING_COURSE'],
      [7, 'DUPLICATE_IN_FILE'],
      [8, 'UNKNOWN_TEACHER'],
    ]);
    expect(bad.problems[0]!.message).toContain('23 碼');

    const courses = csvFile([
      COURSE_HEADER,
      [codeA, '國語文', '10', '4', '101', teacher],
      [codeA, '國語文', '10', '4', '301', teacher],
      [codeB, '數學', '12', '3', '301', ''],
    ]);
    const run = await preview(staff, 'COURSES', 'courses.csv', courses);
    expect(run).toMatchObject({ status: 'PREVIEWED', toCreate: 3 });
    await commit(staff, run);
    expect(await footprint(school)).toMatchObject({ courses: 2, sections: 3 });
    expect(await preview(staff, 'COURSES', 'courses.csv', courses)).toMatchObject({ toCreate: 0, unchanged: 3 });

    const [first, second] = school.students;
    const enrolments = csvFile([
      ENROLMENT_HEADER,
      [first!.studentNumber, codeA, '301', ''],
      [second!.studentNumber, codeA, '301', '重修'],
      [first!.studentNumber, codeB, '301', '一般'],
    ]);
    const badEnrolments = await preview(
      staff,
      'ENROLMENTS',
      'enrolments.csv',
      csvFile([
        ENROLMENT_HEADER,
        ['0000000', codeA, '301', ''],
        [first!.studentNumber, fictionalCourseCode(9_100_099), '301', ''],
        [first!.studentNumber, codeA, '999', ''],
        [first!.studentNumber, codeA, '301', '旁聽'],
        [second!.studentNumber, codeB, '301', ''],
        [second!.studentNumber, codeB, '301', ''],
      ]),
    );
    expect(badEnrolments.problems.map((problem) => [problem.rowNumber, problem.code])).toEqual([
      [2, 'UNKNOWN_STUDENT'],
      [3, 'UNKNOWN_COURSE'],
      [4, 'UNKNOWN_SECTION'],
      [5, 'INVALID_KIND'],
      [7, 'DUPLICATE_IN_FILE'],
    ]);
    const enrolled = await preview(staff, 'ENROLMENTS', 'enrolments.csv', enrolments);
    expect(enrolled).toMatchObject({ status: 'PREVIEWED', toCreate: 3 });
    await commit(staff, enrolled);
    const kinds = await app.sql<{ student_id: string; kind: string }>(
      'select student_id, kind from enrolment where school_id = ? order by kind',
      [school.school.id],
    );
    expect(kinds.map((row) => row.kind)).toEqual(['REGULAR', 'REGULAR', 'RETAKE']);
    const again = await preview(staff, 'ENROLMENTS', 'enrolments.csv', enrolments);
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });

    // The subject teacher now sees the imported section with its students.
    const subject = await signIn(school.logins.teacher);
    const sections = await subject.ok<{ mySections: { name: string; enrolments: { student: { id: string } }[] }[] }>(
      '{ mySections { name enrolments { student { id } } } }',
    );
    const section301 = sections.mySections.find((section) => section.name === '301' && section.enrolments.length === 2);
    expect(section301?.enrolments.map((enrolment) => enrolment.student.id).sort()).toEqual(
      [toGlobalId('Student', first!.id), toGlobalId('Student', second!.id)].sort(),
    );
  });
});

describe('templates', () => {
  it('serves a CSV and an XLSX template per kind whose columns the importer reads back', async () => {
    for (const kind of ['students', 'teachers', 'courses', 'enrolments']) {
      const csv = await fetch(`${app.url}/imports/templates/${kind}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toContain('attachment');
      const csvBytes = Buffer.from(await csv.arrayBuffer());
      expect(csvBytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const xlsx = Buffer.from(await (await fetch(`${app.url}/imports/templates/${kind}.xlsx`)).arrayBuffer());
      const fromCsv = await readTabularFile(csvBytes, { maxRows: 10 });
      const fromXlsx = await readTabularFile(xlsx, { maxRows: 10 });
      expect(fromXlsx.headers).toEqual(fromCsv.headers);
      expect(fromCsv.rows).toHaveLength(1);
    }
    expect((await fetch(`${app.url}/imports/templates/grades.csv`)).status).toBe(404);
  });
});
