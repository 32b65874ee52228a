import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { termKey } from '../../api/src/common/roc.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';

const CREATE = `mutation ($input: CreateSchoolInput!) {
  createSchool(input: $input) {
    school { id code name division divisionLabel active deactivatedAt studentLoginPattern studentLoginExample viewerCanManage }
    itUsername temporaryPassword
    userErrors { field code message }
  }
}`;
const SET_ACTIVE = `mutation ($input: SetSchoolActiveInput!) {
  setSchoolActive(input: $input) { school { id active deactivatedAt } sessionsEnded userErrors { code message } }
}`;
const SET_PATTERN = `mutation ($input: SetStudentLoginPatternInput!) {
  setStudentLoginPattern(input: $input) { school { id studentLoginPattern studentLoginExample } userErrors { field code message } }
}`;
const DIRECTORY = `{ schools(first: 100) { nodes { id code division active deactivatedAt viewerCanManage } } }`;
const CITY_SCHOOLS = `{ citySchoolStatistics(first: 100) {
  nodes { schoolId schoolCode division deactivatedAt students uploaders outcomesUploaded }
} }`;
const CITY_PROGRESS = `query ($term: String!) { cityTermProgress(term: $term, first: 100) { nodes { schoolId } } }`;

interface Created {
  createSchool: {
    school: {
      id: string;
      code: string;
      name: string;
      division: string;
      active: boolean;
      deactivatedAt: string | null;
      studentLoginPattern: string;
      studentLoginExample: string;
      viewerCanManage: boolean;
    } | null;
    itUsername: string | null;
    temporaryPassword: string | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

let app: TestApp;
let city: TestCity;
let bureau: ApiClient;
let codeSerial = 700_000 + Math.floor(Math.random() * 200_000);
const freshCode = (): string => String((codeSerial += 1));

const signIn = (username: string, password: string): Promise<ApiClient> => app.client().login(username, password);

const create = (client: ApiClient, input: Record<string, unknown>) => client.ok<Created>(CREATE, { input });

const schoolInput = (overrides: Record<string, unknown> = {}) => {
  const code = freshCode();
  return {
    code,
    name: '臺北市立新設高級中學',
    division: 'DAY',
    itUsername: `${code}.it`,
    itDisplayName: '王資訊',
    ...overrides,
  };
};

/** What onboarding writes for these authorities, to show that a refusal wrote nothing (other files share the database). */
async function footprint(authorityIds: string[]) {
  const ids = `{${authorityIds.join(',')}}`;
  return app.sqlOne<{ schools: number; credentials: number; accounts: number; years: number; bureau_audit: number }>(
    `select (select count(*)::int from school where authority_id = any(?::uuid[])) as schools,
            (select count(*)::int from credential where authority_id = any(?::uuid[])) as credentials,
            (select count(*)::int from user_account u join school s on s.id = u.school_id
             where s.authority_id = any(?::uuid[])) as accounts,
            (select count(*)::int from academic_year y join school s on s.id = y.school_id
             where s.authority_id = any(?::uuid[])) as years,
            (select count(*)::int from bureau_audit_log where authority_id = any(?::uuid[])) as bureau_audit`,
    [ids, ids, ids, ids, ids],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  bureau = await signIn(city.bureauLogin.username, city.bureauLogin.password);
});
afterAll(() => app.close());

describe('bringing a school on', () => {
  it('creates the division, its years and terms and its 資訊組, who signs in with the one-time password, must change it, and can then work', async () => {
    const input = schoolInput({ code: ` ${freshCode()} `.toLowerCase() });
    const code = input.code.trim();
    const username = `${code}.IT`;
    const result = await create(bureau, { ...input, itUsername: username });
    expect(result.createSchool.userErrors).toEqual([]);
    const created = result.createSchool.school!;
    expect(created).toMatchObject({
      code,
      name: '臺北市立新設高級中學',
      division: 'DAY',
      active: true,
      deactivatedAt: null,
      studentLoginPattern: '{code}{number}',
      studentLoginExample: `${code}110001`,
      viewerCanManage: true,
    });
    const password = result.createSchool.temporaryPassword!;
    expect(password).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(result.createSchool.itUsername).toBe(username);

    // What a school needs to work: the previous and current academic year with both terms, and its 資訊組.
    const schoolId = (await app.sqlOne<{ id: string }>('select id from school where code = ?', [code])).id;
    expect(created.id).toBe(toGlobalId('School', schoolId));
    const terms = await app.sql<{ year: number; semester: number }>(
      `select y.year, t.semester from term t join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
       where t.school_id = ? order by 1, 2`,
      [schoolId],
    );
    expect(terms).toEqual([
      { year: 114, semester: 1 },
      { year: 114, semester: 2 },
      { year: 115, semester: 1 },
      { year: 115, semester: 2 },
    ]);
    const account = await app.sqlOne<{ roles: string[]; admin_sections: string[]; password_temporary: boolean }>(
      `select u.roles, u.admin_sections, c.password_temporary from user_account u join credential c on c.id = u.credential_id
       where u.school_id = ?`,
      [schoolId],
    );
    expect(account).toEqual({ roles: ['SCHOOL_ADMIN'], admin_sections: ['IT'], password_temporary: true });
    // The password is stored hashed only, and no log or audit row holds it.
    expect(JSON.stringify(await app.sql('select * from credential where school_id = ?', [schoolId]))).not.toContain(
      password,
    );
    expect(JSON.stringify(await app.sql('select detail from bureau_audit_log'))).not.toContain(password);
    expect(app.logLines.join('\n')).not.toContain(password);

    // Audited on both sides: the bureau's log and the new school's own.
    const bureauAudit = await app.sqlOne<{ target_ids: string[]; detail: { code: string } }>(
      "select target_ids, detail from bureau_audit_log where authority_id = ? and operation = 'school.onboard' and detail->>'code' = ?",
      [city.authority.id, code],
    );
    expect(bureauAudit.target_ids[0]).toBe(schoolId);
    expect(
      (await app.sql("select 1 from audit_log where school_id = ? and operation = 'school.onboard'", [schoolId]))
        .length,
    ).toBe(1);

    // 資訊組 signs in (the login name in any case), is told to change the password, and can do nothing else first.
    const it = await signIn(username.toLowerCase(), password);
    const me = await it.ok<{ me: { passwordIsTemporary: boolean; adminSections: string[] } }>(
      '{ me { passwordIsTemporary adminSections } }',
    );
    expect(me.me).toEqual({ passwordIsTemporary: true, adminSections: ['IT'] });
    const blocked = await it.request('{ staffAccounts(first: 10) { nodes { username } } }');
    expect(blocked.errors.map((error) => error.extensions?.code)).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    const changed = await it.ok<{ changePassword: { changed: boolean; userErrors: unknown[] } }>(
      'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { changed userErrors { code message } } }',
      { input: { currentPassword: password, newPassword: 'Onboarded-school-9431' } },
    );
    expect(changed.changePassword).toEqual({ changed: true, userErrors: [] });

    // Now 資訊組 works: sees the school's accounts and imports its teachers.
    const staff = await it.ok<{ staffAccounts: { nodes: { username: string }[] } }>(
      '{ staffAccounts(first: 10) { nodes { username } } }',
    );
    expect(staff.staffAccounts.nodes.map((node) => node.username)).toEqual([username]);
    const upload = await uploadImportFile(
      app.url,
      it,
      'teachers.csv',
      csvFile([
        ['帳號', '姓名', '身分', '處室', '導師班級'],
        [`${code}.t1`, '林老師', '任課教師', '', ''],
      ]),
    );
    const preview = await it.ok<{ previewImport: { importRun: { id: string; toCreate: number }; userErrors: [] } }>(
      'mutation ($input: PreviewImportInput!) { previewImport(input: $input) { importRun { id toCreate } userErrors { message } } }',
      { input: { kind: 'TEACHERS', uploadId: upload.id } },
    );
    expect(preview.previewImport).toMatchObject({ importRun: { toCreate: 1 }, userErrors: [] });
    const commit = await it.ok<{ commitImport: { initialPasswords: { username: string }[]; userErrors: [] } }>(
      'mutation ($input: CommitImportInput!) { commitImport(input: $input) { initialPasswords { username } userErrors { message } } }',
      { input: { importId: preview.previewImport.importRun.id } },
    );
    expect(commit.commitImport).toEqual({ initialPasswords: [{ username: `${code}.t1` }], userErrors: [] });

    // The directory and the city statistics show the new division, with zero counts.
    const directory = await bureau.ok<{ schools: { nodes: { id: string; active: boolean }[] } }>(DIRECTORY);
    expect(directory.schools.nodes).toContainEqual(expect.objectContaining({ id: created.id, active: true }));
    const stats = await bureau.ok<{ citySchoolStatistics: { nodes: Record<string, unknown>[] } }>(CITY_SCHOOLS);
    expect(stats.citySchoolStatistics.nodes).toContainEqual({
      schoolId: created.id,
      schoolCode: code,
      division: 'DAY',
      deactivatedAt: null,
      students: 0,
      uploaders: 0,
      outcomesUploaded: 0,
    });
  });

  it('gives 進修部 its own student login rule, and takes one the bureau names', async () => {
    const day = schoolInput();
    expect((await create(bureau, day)).createSchool.userErrors).toEqual([]);
    const night = await create(bureau, { ...day, division: 'NIGHT', itUsername: `${day.code}.nit` });
    expect(night.createSchool.userErrors).toEqual([]);
    expect(night.createSchool.school).toMatchObject({
      division: 'NIGHT',
      studentLoginPattern: '{code}n{number}',
      studentLoginExample: `${day.code}n110001`,
    });
    const named = await create(bureau, schoolInput({ studentLoginPattern: 'tp.{code}.{number}' }));
    expect(named.createSchool.school?.studentLoginPattern).toBe('tp.{code}.{number}');
  });

  it('refuses bad input with a message in Chinese and writes nothing', async () => {
    const existing = schoolInput();
    expect((await create(bureau, existing)).createSchool.userErrors).toEqual([]);
    const otherCity = await app.factory.city();
    const otherBureau = await signIn(otherCity.bureauLogin.username, otherCity.bureauLogin.password);
    const taken = await city.school();
    const authorities = [city.authority.id, otherCity.authority.id];
    const before = await footprint(authorities);

    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ code: existing.code }, 'DUPLICATE_SCHOOL', /已經建立/],
      [{ code: '12345' }, 'INVALID_SCHOOL_CODE', /6 碼/],
      [{ code: '1234567' }, 'INVALID_SCHOOL_CODE', /6 碼/],
      [{ code: '12 345' }, 'INVALID_SCHOOL_CODE', /6 碼/],
      [{ name: '校'.repeat(101) }, 'INVALID_NAME', /最多 100 個字/],
      [{ name: '   ' }, 'INVALID_NAME', /請填寫校名/],
      [{ itUsername: taken.logins.registration.username.toUpperCase() }, 'USERNAME_TAKEN', /已有人使用/],
      [{ itUsername: city.bureauLogin.username }, 'USERNAME_TAKEN', /已有人使用/],
      [{ itUsername: 'a b' }, 'INVALID_USERNAME', /3 到 64/],
      [{ itDisplayName: '王'.repeat(51) }, 'INVALID_DISPLAY_NAME', /最多 50 個字/],
      [{ studentLoginPattern: '{code}-student' }, 'INVALID_LOGIN_PATTERN', /\{number\}/],
      [{ studentLoginPattern: '{school}{number}' }, 'INVALID_LOGIN_PATTERN', /不認得/],
      [{ studentLoginPattern: '學生{number}' }, 'INVALID_LOGIN_PATTERN', /英文字母/],
      [{ studentLoginPattern: '{number}{number}' }, 'INVALID_LOGIN_PATTERN', /一次/],
    ];
    for (const [overrides, code, message] of cases) {
      const result = await create(bureau, schoolInput(overrides));
      expect(result.createSchool.school, JSON.stringify(overrides)).toBeNull();
      expect(result.createSchool.temporaryPassword).toBeNull();
      expect(result.createSchool.userErrors.map((error) => error.code)).toEqual([code]);
      expect(result.createSchool.userErrors[0]!.message).toMatch(message);
    }
    // The same division in another authority: the code is the country's, so it is refused there too.
    const elsewhere = await create(otherBureau, schoolInput({ code: existing.code }));
    expect(elsewhere.createSchool.userErrors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_SCHOOL', message: expect.stringMatching(/其他教育局/) }),
    ]);
    // 進修部 with the same rule as its 日間部 would give two students one login.
    const clash = await create(
      bureau,
      schoolInput({ code: existing.code, division: 'NIGHT', studentLoginPattern: '{code}{number}' }),
    );
    expect(clash.createSchool.userErrors.map((error) => error.code)).toEqual(['LOGIN_PATTERN_CLASH']);

    expect(await footprint(authorities)).toEqual(before);

    // Only a bureau: a school's 資訊組 may not.
    const schoolIt = await signIn(taken.logins.teaching.username, taken.logins.teaching.password);
    const forbidden = await schoolIt.request(CREATE, { input: schoolInput() });
    expect(forbidden.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await footprint(authorities)).toEqual(before);
  });
});

describe('deactivating a division', () => {
  it('signs everybody there out at once, refuses their logins, leaves the term progress, and comes back on reactivation', async () => {
    const school = await city.school();
    const neighbour = await city.school();
    const now = app.clock.now();
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    await city.timeline(
      [{ kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(-1), endsAt: at(5) }],
      [school, neighbour],
    );
    const term = app.factory.currentTerm(school);
    const key = termKey(school.years.find((year) => year.id === term.academicYear.id)!.year, term.semester);
    const progressIds = async () =>
      (
        await bureau.ok<{ cityTermProgress: { nodes: { schoolId: string }[] } }>(CITY_PROGRESS, { term: key })
      ).cityTermProgress.nodes.map((node) => node.schoolId);
    const schoolGid = toGlobalId('School', school.school.id);
    expect(await progressIds()).toContain(schoolGid);

    const teacher = await signIn(school.logins.teacher.username, school.logins.teacher.password);
    const student = await signIn(school.logins.student.username, school.logins.student.password);
    const next = await signIn(neighbour.logins.teacher.username, neighbour.logins.teacher.password);

    const result = await bureau.ok<{
      setSchoolActive: {
        school: { active: boolean; deactivatedAt: string | null };
        sessionsEnded: number;
        userErrors: [];
      };
    }>(SET_ACTIVE, { input: { schoolId: schoolGid, active: false } });
    expect(result.setSchoolActive.userErrors).toEqual([]);
    expect(result.setSchoolActive.school.active).toBe(false);
    expect(result.setSchoolActive.sessionsEnded).toBe(2);
    expect(new Date(result.setSchoolActive.school.deactivatedAt!).getTime()).toBe(app.clock.now().getTime());

    // Their sessions are dead; the neighbour's is not.
    expect((await teacher.ok<{ me: unknown }>('{ me { username } }')).me).toBeNull();
    expect((await student.ok<{ me: unknown }>('{ me { username } }')).me).toBeNull();
    expect((await next.ok<{ me: { username: string } }>('{ me { username } }')).me?.username).toBe(
      neighbour.logins.teacher.username,
    );
    const refused = await app
      .client()
      .ok<{ login: { token: string | null; userErrors: { message: string }[] } }>(
        'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { message } } }',
        { input: { ...school.logins.teacher, issueToken: true } },
      );
    expect(refused.login.token).toBeNull();
    expect(refused.login.userErrors[0]?.message).toMatch(/停用/);

    // The directory says so; the per-school statistics keep it, flagged; the term progress leaves it out.
    const directory = await bureau.ok<{ schools: { nodes: { id: string; active: boolean }[] } }>(DIRECTORY);
    expect(directory.schools.nodes).toContainEqual(expect.objectContaining({ id: schoolGid, active: false }));
    const stats = await bureau.ok<{
      citySchoolStatistics: { nodes: { schoolId: string; deactivatedAt: string | null; students: number }[] };
    }>(CITY_SCHOOLS);
    const row = stats.citySchoolStatistics.nodes.find((node) => node.schoolId === schoolGid)!;
    expect(row.deactivatedAt).not.toBeNull();
    expect(row.students).toBe(school.students.length);
    const progress = await progressIds();
    expect(progress).not.toContain(schoolGid);
    expect(progress).toContain(toGlobalId('School', neighbour.school.id));

    const audit = await app.sql<{ operation: string }>(
      "select operation from audit_log where school_id = ? and operation like 'school.%'",
      [school.school.id],
    );
    expect(audit).toEqual([{ operation: 'school.deactivate' }]);

    // Twice is told, not repeated.
    const again = await bureau.ok<{ setSchoolActive: { userErrors: { code: string }[] } }>(SET_ACTIVE, {
      input: { schoolId: schoolGid, active: false },
    });
    expect(again.setSchoolActive.userErrors.map((error) => error.code)).toEqual(['ALREADY_DEACTIVATED']);

    // Reactivated, the same passwords work again.
    const back = await bureau.ok<{ setSchoolActive: { school: { active: boolean }; userErrors: [] } }>(SET_ACTIVE, {
      input: { schoolId: schoolGid, active: true },
    });
    expect(back.setSchoolActive).toMatchObject({ school: { active: true }, userErrors: [] });
    const returned = await signIn(school.logins.teacher.username, school.logins.teacher.password);
    expect((await returned.ok<{ me: { username: string } }>('{ me { username } }')).me.username).toBe(
      school.logins.teacher.username,
    );
    expect(await progressIds()).toContain(schoolGid);
  });

  it('reaches only the schools of the bureau’s own authority, and only for a bureau', async () => {
    const otherCity = await app.factory.city();
    const foreign = await otherCity.school();
    const foreignGid = toGlobalId('School', foreign.school.id);
    for (const query of [SET_ACTIVE, SET_PATTERN]) {
      const input =
        query === SET_ACTIVE
          ? { schoolId: foreignGid, active: false }
          : { schoolId: foreignGid, studentLoginPattern: 'x{code}{number}' };
      const result = await bureau.request(query, { input });
      expect(result.errors.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    const row = await app.sqlOne<{ deactivated_at: Date | null; student_login_pattern: string }>(
      'select deactivated_at, student_login_pattern from school where id = ?',
      [foreign.school.id],
    );
    expect(row).toEqual({ deactivated_at: null, student_login_pattern: '{code}{number}' });

    const own = await city.school();
    const registration = await signIn(own.logins.registration.username, own.logins.registration.password);
    const refused = await registration.request(SET_ACTIVE, {
      input: { schoolId: toGlobalId('School', own.school.id), active: false },
    });
    expect(refused.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const directory = await registration.ok<{ schools: { nodes: { viewerCanManage: boolean }[] } }>(DIRECTORY);
    expect(directory.schools.nodes).toEqual([expect.objectContaining({ viewerCanManage: false })]);
  });
});

describe('the student login rule', () => {
  it('is changed by the bureau, checked, and audited', async () => {
    const school = await city.school();
    const schoolId = toGlobalId('School', school.school.id);
    const set = (pattern: string) =>
      bureau.ok<{
        setStudentLoginPattern: {
          school: { id: string; studentLoginPattern: string; studentLoginExample: string } | null;
          userErrors: { code: string; message: string }[];
        };
      }>(SET_PATTERN, { input: { schoolId, studentLoginPattern: pattern } });

    const changed = await set('s{code}.{number}');
    expect(changed.setStudentLoginPattern).toEqual({
      school: {
        id: schoolId,
        studentLoginPattern: 's{code}.{number}',
        studentLoginExample: `s${school.school.code}.110001`,
      },
      userErrors: [],
    });
    for (const bad of [
      '{number',
      'ab{number}{x}',
      'a{code}{code}{number}',
      '學號{number}',
      'x'.repeat(41) + '{number}',
    ]) {
      const refused = await set(bad);
      expect(refused.setStudentLoginPattern.school, bad).toBeNull();
      expect(refused.setStudentLoginPattern.userErrors.map((error) => error.code)).toEqual(['INVALID_LOGIN_PATTERN']);
    }
    const stored = await app.sqlOne<{ student_login_pattern: string }>(
      'select student_login_pattern from school where id = ?',
      [school.school.id],
    );
    expect(stored.student_login_pattern).toBe('s{code}.{number}');
    const audit = await app.sql<{ detail: { from: string; to: string } }>(
      "select detail from audit_log where school_id = ? and operation = 'school.set_login_pattern'",
      [school.school.id],
    );
    expect(audit.map((row) => row.detail)).toEqual([{ from: '{code}{number}', to: 's{code}.{number}' }]);
  });
});
