import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { ApiClient } from '../support/api-client.js';
import type { Login, TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const SET_SECTION = `mutation ($input: SetAdminSectionInput!) {
  setAdminSection(input: $input) { account { id adminSections roles roleLabels } userErrors { code message } }
}`;
const RESET = `mutation ($input: ResetAccountPasswordInput!) {
  resetAccountPassword(input: $input) { temporaryPassword account { username } }
}`;
const STAFF = `query ($schoolId: ID) {
  staffAccounts(schoolId: $schoolId, first: 100) {
    nodes { id username adminSections viewerCanSetSections viewerCanResetPassword }
  }
}`;

interface SetSection {
  setAdminSection: {
    account: { id: string; adminSections: string[]; roles: string[]; roleLabels: string[] } | null;
    userErrors: { code: string; message: string }[];
  };
}

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let bureau: ApiClient;

const signIn = (login: Login): Promise<ApiClient> => app.client().login(login.username, login.password);

async function accountId(target: TestSchool, username: string): Promise<string> {
  const row = await app.sqlOne<{ id: string }>('select id from user_account where school_id = ? and username = ?', [
    target.school.id,
    username,
  ]);
  return toGlobalId('UserAccount', row.id);
}

async function sectionsOf(target: TestSchool, username: string): Promise<{ roles: string[]; sections: string[] }> {
  const row = await app.sqlOne<{ roles: string[]; admin_sections: string[] }>(
    'select roles, admin_sections from user_account where school_id = ? and username = ?',
    [target.school.id, username],
  );
  return { roles: [...row.roles].sort(), sections: [...row.admin_sections].sort() };
}

const grant = (client: ApiClient, id: string, section: string, granted = true) =>
  client.request<SetSection>(SET_SECTION, { input: { accountId: id, section, granted } });

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  school = await city.school();
  bureau = await signIn(city.bureauLogin);
});
afterAll(() => app.close());

describe('admin sections, one account at a time', () => {
  it('lets 資訊組 grant 教學組, audited, and refuses it 註冊組, 執行秘書 and its own account', async () => {
    const it = await signIn(school.logins.teaching); // 教學組 and 資訊組
    const teacher = await accountId(school, school.logins.teacher.username);

    const granted = await grant(it, teacher, 'TEACHING');
    expect(granted.errors).toEqual([]);
    expect(granted.data?.setAdminSection.account).toMatchObject({ adminSections: ['TEACHING'] });
    expect(await sectionsOf(school, school.logins.teacher.username)).toEqual({
      roles: ['SCHOOL_ADMIN', 'TEACHER'],
      sections: ['TEACHING'],
    });
    // The new section takes effect: the teacher may now import courses.
    const asTeacher = await signIn(school.logins.teacher);
    expect((await asTeacher.ok<{ me: { viewerCanImport: boolean } }>('{ me { viewerCanImport } }')).me).toEqual({
      viewerCanImport: true,
    });
    const audit = await app.sql<{ operation: string; detail: { section: string } }>(
      "select operation, detail from audit_log where school_id = ? and operation like 'account.%'",
      [school.school.id],
    );
    expect(audit).toEqual([{ operation: 'account.grant_section', detail: { section: 'TEACHING' } }]);

    const counselor = await accountId(school, school.logins.counselor.username);
    for (const [section, message] of [
      ['REGISTRATION', '「註冊組」只能由執行秘書或教育局設定。'],
      ['COORDINATOR', '「執行秘書」只能由教育局設定。'],
    ] as const) {
      const refused = await grant(it, counselor, section);
      expect(refused.errors[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN' } });
    }
    const own = await grant(it, await accountId(school, school.logins.teaching.username), 'REGISTRATION');
    expect(own.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sectionsOf(school, school.logins.counselor.username)).toEqual({
      roles: ['COUNSELOR', 'TEACHER'],
      sections: [],
    });
    expect(await sectionsOf(school, school.logins.teaching.username)).toEqual({
      roles: ['SCHOOL_ADMIN'],
      sections: ['IT', 'TEACHING'],
    });
  });

  it('has the bureau appoint 執行秘書, who may then grant 註冊組 to others but nothing to themselves', async () => {
    const target = await city.school();
    const homeroom = await accountId(target, target.logins.homeroom.username);
    const appointed = await grant(bureau, homeroom, 'COORDINATOR');
    expect(appointed.errors).toEqual([]);
    expect(appointed.data?.setAdminSection.account?.roleLabels).toContain('學校行政人員（執行秘書）');
    // Audited for the school and for the bureau.
    expect(
      await app.sql('select operation from audit_log where school_id = ? and operation = ?', [
        target.school.id,
        'account.grant_section',
      ]),
    ).toHaveLength(1);
    expect(
      await app.sql('select operation from bureau_audit_log where authority_id = ? and operation = ?', [
        city.authority.id,
        'account.grant_section',
      ]),
    ).toHaveLength(1);

    const secretary = await signIn(target.logins.homeroom);
    const counselor = await accountId(target, target.logins.counselor.username);
    expect((await grant(secretary, counselor, 'REGISTRATION')).errors).toEqual([]);
    expect((await grant(secretary, counselor, 'COORDINATOR')).errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await grant(secretary, homeroom, 'REGISTRATION')).errors[0]?.extensions?.code).toBe('FORBIDDEN');
    // Taking the section back leaves the account a teacher again.
    expect((await grant(secretary, counselor, 'REGISTRATION', false)).errors).toEqual([]);
    expect(await sectionsOf(target, target.logins.counselor.username)).toEqual({
      roles: ['COUNSELOR', 'TEACHER'],
      sections: [],
    });
  });

  it('keeps every school to itself and every bureau to its own schools', async () => {
    const otherCity = await app.factory.city();
    const foreign = await otherCity.school();
    const foreignTeacher = await accountId(foreign, foreign.logins.teacher.username);
    expect((await grant(bureau, foreignTeacher, 'TEACHING')).errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const it = await signIn(school.logins.teaching);
    expect((await grant(it, foreignTeacher, 'TEACHING')).errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await bureau.request(STAFF, { schoolId: toGlobalId('School', foreign.school.id) })).errors[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(await sectionsOf(foreign, foreign.logins.teacher.username)).toEqual({ roles: ['TEACHER'], sections: [] });
    // Nobody else administers accounts.
    const teacher = await signIn(school.logins.homeroom);
    expect((await teacher.request(STAFF)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const registration = await signIn(school.logins.registration);
    expect(
      (await grant(registration, await accountId(school, school.logins.counselor.username), 'IT')).errors[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('lists the staff with what the viewer may do to each', async () => {
    const target = await city.school();
    const it = await signIn(target.logins.teaching);
    const list = await it.ok<{
      staffAccounts: {
        nodes: { username: string; viewerCanSetSections: string[]; viewerCanResetPassword: boolean }[];
      };
    }>(STAFF);
    const byName = new Map(list.staffAccounts.nodes.map((node) => [node.username, node]));
    expect(byName.has(target.logins.student.username)).toBe(false);
    expect(byName.get(target.logins.teacher.username)).toMatchObject({
      viewerCanSetSections: ['TEACHING', 'STUDENT_AFFAIRS', 'IT'],
      viewerCanResetPassword: true,
    });
    expect(byName.get(target.logins.registration.username)).toMatchObject({ viewerCanResetPassword: false });
    expect(byName.get(target.logins.teaching.username)).toMatchObject({
      viewerCanSetSections: [],
      viewerCanResetPassword: false,
    });
    const fromBureau = await bureau.ok<{ staffAccounts: { nodes: { viewerCanSetSections: string[] }[] } }>(STAFF, {
      schoolId: toGlobalId('School', target.school.id),
    });
    expect(fromBureau.staffAccounts.nodes[0]?.viewerCanSetSections).toContain('COORDINATOR');
  });
});

describe('temporary passwords', () => {
  const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { changed userErrors { code } } }`;

  it('grants no section to an account whose password somebody else set, until its owner sets their own', async () => {
    const target = await city.school();
    const it = await signIn(target.logins.teaching);
    const reset = await it.ok<{ resetAccountPassword: { temporaryPassword: string } }>(RESET, {
      input: { accountId: await accountId(target, target.logins.teacher.username) },
    });
    const temporary = reset.resetAccountPassword.temporaryPassword;
    const teacher = await app.client().login(target.logins.teacher.username, temporary);
    expect((await teacher.ok<{ me: { passwordIsTemporary: boolean } }>('{ me { passwordIsTemporary } }')).me).toEqual({
      passwordIsTemporary: true,
    });

    // 資訊組 knows that password: a section granted now would be theirs as well.
    const id = await accountId(target, target.logins.teacher.username);
    const refused = await grant(it, id, 'TEACHING');
    expect(refused.data?.setAdminSection.userErrors.map((e) => e.code)).toEqual(['TEMPORARY_PASSWORD']);
    expect(await sectionsOf(target, target.logins.teacher.username)).toEqual({ roles: ['TEACHER'], sections: [] });

    await teacher.ok(CHANGE, { input: { currentPassword: temporary, newPassword: 'only-the-teacher-knows' } });
    expect((await teacher.ok<{ me: { passwordIsTemporary: boolean } }>('{ me { passwordIsTemporary } }')).me).toEqual({
      passwordIsTemporary: false,
    });
    expect((await grant(it, id, 'TEACHING')).data?.setAdminSection.userErrors).toEqual([]);
  });

  it('counts the 行政人員 role that earlier imports gave without a section as an office account', async () => {
    const target = await city.school();
    await app.sql("update user_account set roles = '{SCHOOL_ADMIN,TEACHER}' where school_id = ? and username = ?", [
      target.school.id,
      target.logins.counselor.username,
    ]);
    const it = await signIn(target.logins.teaching);
    const refused = await it.request(RESET, {
      input: { accountId: await accountId(target, target.logins.counselor.username) },
    });
    expect(refused.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('password resets', () => {
  it('lets 資訊組 reset a teacher’s or a student’s password: a new one-time password, every session ended', async () => {
    const target = await city.school();
    const it = await signIn(target.logins.teaching);
    const device = await signIn(target.logins.teacher);
    for (const login of [target.logins.teacher, target.logins.student]) {
      const reset = await it.ok<{ resetAccountPassword: { temporaryPassword: string } }>(RESET, {
        input: { accountId: await accountId(target, login.username) },
      });
      const password = reset.resetAccountPassword.temporaryPassword;
      expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
      await expect(signIn(login)).rejects.toThrow(/INVALID_CREDENTIALS/);
      expect(await app.client().login(login.username, password)).toBeTruthy();
    }
    expect((await device.ok<{ me: null }>('{ me { id } }')).me).toBeNull();
    const audit = await app.sql(
      "select 1 from audit_log where school_id = ? and operation = 'account.reset_password'",
      [target.school.id],
    );
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(app.logLines)).not.toMatch(/temporaryPassword/);
  });

  it('keeps an office account’s password to 執行秘書 and the bureau, so 資訊組 cannot take over 註冊組', async () => {
    const target = await city.school();
    const it = await signIn(target.logins.teaching);
    const registration = await accountId(target, target.logins.registration.username);
    const refused = await it.request(RESET, { input: { accountId: registration } });
    expect(refused.errors[0]).toMatchObject({
      message: '這個帳號擔任行政職務，只有執行秘書或教育局可以重設它的密碼。',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await signIn(target.logins.registration)).toBeTruthy();
    const own = await it.request(RESET, {
      input: { accountId: await accountId(target, target.logins.teaching.username) },
    });
    expect(own.errors[0]?.extensions?.code).toBe('FORBIDDEN');

    await grant(bureau, await accountId(target, target.logins.homeroom.username), 'COORDINATOR');
    const secretary = await signIn(target.logins.homeroom);
    const byCoordinator = await secretary.request<{ resetAccountPassword: { temporaryPassword: string } }>(RESET, {
      input: { accountId: registration },
    });
    expect(byCoordinator.errors).toEqual([]);
    const byBureau = await bureau.request<{ resetAccountPassword: { temporaryPassword: string } }>(RESET, {
      input: { accountId: registration },
    });
    expect(byBureau.errors).toEqual([]);
    expect(
      await app
        .client()
        .login(target.logins.registration.username, byBureau.data!.resetAccountPassword.temporaryPassword),
    ).toBeTruthy();
  });
});
