import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalNationalId } from '../../api/src/db/seed/builders.js';
import { toGlobalId } from '../../api/src/common/ids.js';
import { parsePdf } from '../../api/src/modules/round/confirmation/__tests__/pdf-reader.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';
import { sheetRows } from '../support/workbooks.js';

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const DAY = 86_400_000;
const STUDENT_HEADER = ['學號', '身分證號', '姓名', '出生日期', '性別', '班級', '座號', '入學年度', '學籍狀態'];
let serial = 700_000;
function studentRow(number: string, className: string, seat: number, status = '在學'): string[] {
  serial += 7;
  return [
    number,
    fictionalNationalId(serial, 'M'),
    `帳號生${number}`,
    '98/03/05',
    '男',
    className,
    String(seat),
    '115',
    status,
  ];
}

const RUN = `id status toCreate toUpdate unchanged problems(limit: 100) { rowNumber column code message }`;
interface Run {
  id: string;
  status: string;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  problems: { rowNumber: number; column: string | null; code: string; message: string }[];
}

async function importRoster(client: ApiClient, rows: string[][]): Promise<{ run: Run; committed: boolean }> {
  const upload = await uploadImportFile(app.url, client, 'roster.csv', csvFile([STUDENT_HEADER, ...rows]));
  const { previewImport } = await client.ok<{ previewImport: { importRun: Run } }>(
    `mutation ($input: PreviewImportInput!) { previewImport(input: $input) { importRun { ${RUN} } } }`,
    { input: { kind: 'STUDENTS', uploadId: upload.id } },
  );
  const run = previewImport.importRun;
  if (run.problems.length > 0) return { run, committed: false };
  const { commitImport } = await client.ok<{ commitImport: { importRun: Run | null } }>(
    `mutation ($input: CommitImportInput!) { commitImport(input: $input) { importRun { ${RUN} } } }`,
    { input: { importId: run.id } },
  );
  return { run: commitImport.importRun!, committed: true };
}

interface Slips {
  issued: number;
  pdf: { fileName: string; base64: string } | null;
  xlsx: { fileName: string; base64: string } | null;
  userErrors: { code: string; message: string }[];
}
const ISSUE = `mutation ($input: IssueFirstPasswordSlipsInput!) {
  issueFirstPasswordSlips(input: $input) { issued pdf { fileName base64 } xlsx { fileName base64 } userErrors { code message } }
}`;

async function issueSlips(client: ApiClient, classId: string): Promise<Slips> {
  return (await client.ok<{ issueFirstPasswordSlips: Slips }>(ISSUE, { input: { classId } })).issueFirstPasswordSlips;
}

async function classIdOf(school: TestSchool, name: string): Promise<string> {
  const row = await app.sqlOne<{ id: string }>('select id from school_class where school_id = ? and name = ?', [
    school.school.id,
    name,
  ]);
  return toGlobalId('SchoolClass', row.id);
}

async function loginErrors(username: string, password: string) {
  const result = await app
    .client()
    .ok<{ login: { token: string | null; userErrors: { code: string; message: string }[] } }>(
      `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`,
      { input: { username, password, issueToken: true } },
    );
  return result.login;
}

const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { changed userErrors { code message } } }`;

/** Every credential, account and audit row of one school: to show a refusal wrote nothing. */
async function footprint(school: TestSchool) {
  return app.sqlOne<{ credentials: number; accounts: number; students: number; audits: number; pending: number }>(
    `select (select count(*)::int from credential where school_id = ?) as credentials,
            (select count(*)::int from user_account where school_id = ?) as accounts,
            (select count(*)::int from student where school_id = ?) as students,
            (select count(*)::int from audit_log where school_id = ?) as audits,
            (select count(*)::int from credential where school_id = ? and slip_pending) as pending`,
    Array(5).fill(school.school.id),
  );
}

describe('student accounts from the roster', () => {
  it('creates a login per student by the school rule, prints the first passwords once, and forces a change at first sign-in', async () => {
    const school = await city.school();
    const registration = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const code = school.school.code;
    const rows = [studentRow('A1001', '105', 1), studentRow('A1002', '105', 2), studentRow('A1003', '106', 1)];

    const first = await importRoster(registration, rows);
    expect(first).toMatchObject({ committed: true, run: { status: 'COMMITTED', toCreate: 3 } });
    const logins = await app.sql<{
      username: string;
      slip_pending: boolean;
      password_temporary: boolean;
      hash: string;
    }>(
      `select c.username, c.slip_pending, c.password_temporary, c.password_hash as hash
       from student s join user_account u on u.school_id = s.school_id and u.id = s.account_id
       join credential c on c.id = u.credential_id
       where s.school_id = ? and s.student_number like 'A100%' order by c.username`,
      [school.school.id],
    );
    expect(logins.map((login) => login.username)).toEqual([`${code}a1001`, `${code}a1002`, `${code}a1003`]);
    expect(logins.every((login) => login.slip_pending && login.password_temporary && login.hash === '!')).toBe(true);
    // Nothing signs in before the slip is printed, not even the placeholder.
    expect((await loginErrors(`${code}a1001`, '!')).userErrors[0]?.code).toBe('INVALID_CREDENTIALS');

    // The same roster again changes nothing: no new login, nothing to print.
    const before = await footprint(school);
    const again = await importRoster(registration, rows);
    expect(again.run).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    const after = await footprint(school);
    expect({ ...after, audits: 0 }).toEqual({ ...before, audits: 0 });

    // 資訊組 prints class 105: PDF (embedded font) and XLSX with the same passwords.
    const it = await app.client().login(school.logins.teaching.username, school.logins.teaching.password);
    const classId = await classIdOf(school, '105');
    const slips = await issueSlips(it, classId);
    expect(slips.userErrors).toEqual([]);
    expect(slips.issued).toBe(2);
    expect(slips.pdf!.fileName).toBe('初始密碼單-105.pdf');
    const sheet = await sheetRows(Buffer.from(slips.xlsx!.base64, 'base64'));
    expect(sheet[0]).toEqual(['座號', '學號', '姓名', '登入帳號', '初始密碼']);
    const printed = sheet.slice(1, 3).map((row) => ({ username: String(row[3]), password: String(row[4]) }));
    expect(printed.map((row) => row.username)).toEqual([`${code}a1001`, `${code}a1002`]);
    const pdf = parsePdf(Buffer.from(slips.pdf!.base64, 'base64'));
    const pdfText = pdf.pages.flatMap((page) => page.texts).join('\n');
    for (const row of printed) {
      expect(pdfText).toContain(row.username);
      expect(pdfText).toContain(row.password);
    }
    expect(pdfText).toContain('初始密碼單');
    expect(pdfText).toContain('帳號生A1001');
    expect(pdf.pages.every((page) => page.notdefGlyphs === 0)).toBe(true);
    expect(pdf.fonts.every((font) => font.embeddedBytes > 0)).toBe(true);
    // Only hashes are kept, and the slip is not printed twice.
    const stored = await app.sql<{ password_hash: string }>(
      `select password_hash from credential where school_id = ? and lower(username) = any(?::text[])`,
      [school.school.id, `{${printed.map((row) => row.username).join(',')}}`],
    );
    expect(stored.every((row) => row.password_hash.startsWith('$argon2id$'))).toBe(true);
    const twice = await issueSlips(it, classId);
    expect(twice).toMatchObject({ issued: 0, pdf: null, userErrors: [{ code: 'NO_PENDING_SLIPS' }] });
    const audit = await app.sqlOne<{ n: number; targets: number }>(
      `select count(*)::int as n, max(cardinality(target_ids))::int as targets from audit_log
       where school_id = ? and operation = 'account.first_password_slips'`,
      [school.school.id],
    );
    expect(audit).toEqual({ n: 1, targets: 2 });
    // Each printed student's access log names the export.
    const logged = await app.sql<{ kind: string; office: string }>(
      `select kind, office from pii_access_log where school_id = ? and student_id in (
         select id from student where school_id = ? and student_number in ('A1001', 'A1002'))`,
      [school.school.id, school.school.id],
    );
    expect(logged).toEqual([
      { kind: 'STUDENT_EXPORT', office: expect.any(String) },
      { kind: 'STUDENT_EXPORT', office: expect.any(String) },
    ]);

    // First sign-in with the slip: nothing but setting an own password.
    const student = await app.client().login(printed[0]!.username, printed[0]!.password);
    const me = await student.ok<{ me: { passwordIsTemporary: boolean } }>('{ me { passwordIsTemporary } }');
    expect(me.me.passwordIsTemporary).toBe(true);
    const blocked = await student.request(
      '{ myOutcomes: me { student { id } } deadlines: myDeadlines { stateLabel } }',
    );
    expect(blocked.errors[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(blocked.errors[0]?.message).toContain('新密碼');

    const refusals = [
      ['password1234', 'PASSWORD_TOO_COMMON'],
      ['qwertyuiop12', 'PASSWORD_TOO_COMMON'],
      [`${printed[0]!.username}x1`, 'PASSWORD_HAS_USERNAME'],
      [`A1001${code}!`, 'PASSWORD_HAS_PERSONAL_INFO'],
      ['short', 'PASSWORD_LENGTH'],
    ] as const;
    for (const [newPassword, code] of refusals) {
      const result = await student.ok<{ changePassword: { changed: boolean; userErrors: { code: string }[] } }>(
        CHANGE,
        {
          input: { currentPassword: printed[0]!.password, newPassword },
        },
      );
      expect({
        newPassword,
        changed: result.changePassword.changed,
        codes: result.changePassword.userErrors.map((error) => error.code),
      }).toEqual({ newPassword, changed: false, codes: [code] });
    }
    const changed = await student.ok<{ changePassword: { changed: boolean } }>(CHANGE, {
      input: { currentPassword: printed[0]!.password, newPassword: 'river-lantern-57-orchid' },
    });
    expect(changed.changePassword.changed).toBe(true);
    const now = await student.ok<{ me: { passwordIsTemporary: boolean } }>('{ me { passwordIsTemporary } }');
    expect(now.me.passwordIsTemporary).toBe(false);
    expect((await student.request('{ myDeadlines { stateLabel } }')).errors).toEqual([]);
    // The slip's password is spent.
    expect((await loginErrors(printed[0]!.username, printed[0]!.password)).userErrors[0]?.code).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('lets only 資訊組 and 註冊組 print, and keeps them to their own school', async () => {
    const school = await city.school();
    const other = await city.school();
    const registration = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    await importRoster(registration, [studentRow('B2001', '107', 1)]);
    const classId = await classIdOf(school, '107');
    const teacher = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    expect((await teacher.request(ISSUE, { input: { classId } })).errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await app.client().login(other.logins.registration.username, other.logins.registration.password);
    expect((await foreign.request(ISSUE, { input: { classId } })).errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await footprint(school)).pending).toBe(1);
    const { firstPasswordSlipClasses } = await registration.ok<{
      firstPasswordSlipClasses: { schoolClass: { name: string }; withLogin: number; pending: number }[];
    }>('{ firstPasswordSlipClasses { schoolClass { name } withLogin pending } }');
    expect(firstPasswordSlipClasses.find((row) => row.schoolClass.name === '107')).toEqual({
      schoolClass: { name: '107' },
      withLogin: 1,
      pending: 1,
    });
  });

  it('refuses a roster whose login names another school already holds, writing nothing', async () => {
    const school = await city.school();
    const other = await city.school();
    const code = school.school.code;
    // A login in another school that this school's rule would produce for 學號 C3001.
    await app.sql(
      `with c as (
         insert into credential (id, username, password_hash, kind, school_id, authority_id, account_id)
         select gen_random_uuid(), ?, '!', 'SCHOOL', s.id, s.authority_id, gen_random_uuid() from school s where s.id = ?
         returning id, username, school_id, account_id)
       insert into user_account (school_id, id, credential_id, username, display_name, roles)
       select school_id, account_id, id, username, '撞名老師', '{TEACHER}' from c`,
      [`${code}c3001`, other.school.id],
    );
    const registration = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const before = await footprint(school);
    const { run, committed } = await importRoster(registration, [
      studentRow('C3001', '108', 1),
      studentRow('C3002', '108', 2),
    ]);
    expect(committed).toBe(false);
    expect(run.problems).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        column: '學號',
        code: 'LOGIN_NAME_TAKEN',
        message: expect.stringContaining(`${code}c3001`),
      }),
    ]);
    const after = await footprint(school);
    expect({ ...after, audits: 0 }).toEqual({ ...before, audits: 0 });
  });
});

describe('status drives access', () => {
  async function studentWithStatus(status: string) {
    const school = await city.school();
    const login = school.logins.student;
    await app.sql(
      `update student set status = ?, status_changed_at = ? where school_id = ? and account_id = (
      select id from user_account where school_id = ? and lower(username) = lower(?))`,
      [status, app.clock.now(), school.school.id, school.school.id, login.username],
    );
    return { school, login };
  }
  const WRITE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }`;

  it('休學 reads but changes nothing; 轉出 reads for the grace period and then signs in no more', async () => {
    const suspended = await studentWithStatus('SUSPENDED');
    const client = await app.client().login(suspended.login.username, suspended.login.password);
    const me = await client.ok<{ me: { readOnlyReason: string | null } }>('{ me { readOnlyReason } }');
    expect(me.me.readOnlyReason).toContain('休學');
    expect((await client.request('{ myDeadlines { stateLabel } }')).errors).toEqual([]);
    const write = await client.request(
      `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { userErrors { code } } }`,
      { input: { purpose: 'IMPORT', fileName: 'a.csv', size: 10 } },
    );
    expect(write.errors[0]?.extensions?.code).toBe('READ_ONLY');
    expect(write.status).toBe(403);
    // Changing one's own password stays possible.
    expect((await client.request(WRITE, { input: { currentPassword: 'x', newPassword: 'y' } })).errors).toEqual([]);

    const transferred = await studentWithStatus('TRANSFERRED');
    const leaving = await app.client().login(transferred.login.username, transferred.login.password);
    expect(
      (await leaving.ok<{ me: { readOnlyReason: string } }>('{ me { readOnlyReason } }')).me.readOnlyReason,
    ).toContain('轉出');
    app.clock.advance(31 * DAY);
    try {
      expect((await leaving.ok<{ me: null }>('{ me { id } }')).me).toBeNull();
      const refused = await loginErrors(transferred.login.username, transferred.login.password);
      expect(refused).toMatchObject({ token: null, userErrors: [{ code: 'STUDENT_TRANSFERRED' }] });
      expect(refused.userErrors[0]!.message).toMatch(/已於 \d{3}\/\d{2}\/\d{2} 停止使用/);

      // A temporary account lifts the rules until it ends; then they apply again.
      await app.sql(`update credential set temporary_until = ? where school_id = ? and lower(username) = lower(?)`, [
        new Date(app.clock.now().getTime() + 2 * DAY),
        transferred.school.school.id,
        transferred.login.username,
      ]);
      const temporary = await app.client().login(transferred.login.username, transferred.login.password);
      expect(
        (await temporary.ok<{ me: { readOnlyReason: string | null } }>('{ me { readOnlyReason } }')).me.readOnlyReason,
      ).toBeNull();
      app.clock.advance(3 * DAY);
      expect((await temporary.ok<{ me: null }>('{ me { id } }')).me).toBeNull();
      const expired = await loginErrors(transferred.login.username, transferred.login.password);
      expect(expired).toMatchObject({ token: null, userErrors: [{ code: 'TEMPORARY_ACCESS_EXPIRED' }] });
      expect(expired.userErrors[0]!.message).toMatch(
        /^您的臨時帳號已於 \d{3}\/\d{2}\/\d{2} \d{2}:\d{2} 到期。您已轉出/,
      );
    } finally {
      app.clock.advance(-34 * DAY);
    }
  });

  it('畢業 reads for a year by default, and a deactivated school signs nobody in', async () => {
    const graduated = await studentWithStatus('GRADUATED');
    const client = await app.client().login(graduated.login.username, graduated.login.password);
    expect(
      (await client.ok<{ me: { readOnlyReason: string } }>('{ me { readOnlyReason } }')).me.readOnlyReason,
    ).toContain('畢業');

    const school = await city.school();
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    await app.sql('update school set deactivated_at = ? where id = ?', [app.clock.now(), school.school.id]);
    expect((await staff.ok<{ me: null }>('{ me { id } }')).me).toBeNull();
    const refused = await loginErrors(school.logins.teacher.username, school.logins.teacher.password);
    expect(refused).toMatchObject({ token: null, userErrors: [{ code: 'SCHOOL_DEACTIVATED' }] });
  });
});
