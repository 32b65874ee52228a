import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { ApiClient } from '../support/api-client.js';
import type { Login, TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// Account administration beyond sections: the list of staff and students, status, disable/enable, unlock, teaching
// roles and temporary access (臨時帳號). Every refusal is checked to write nothing.

const LIST = `query ($schoolId: ID, $search: String, $kind: ManagedAccountKind, $status: ManagedAccountStatus,
  $first: Int, $after: String) {
  managedAccounts(schoolId: $schoolId, search: $search, kind: $kind, status: $status, first: $first, after: $after) {
    nodes {
      id username displayName kind roleLabels active passwordIsTemporary slipPending lockedUntil temporaryUntil
      temporaryUntilDate studentNumber studentStatus studentStatusLabel viewerCanSetActive viewerCanUnlock
      viewerCanSetTeachingRoles viewerCanGrantTemporaryAccess viewerCanResetPassword
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SET_ACTIVE = `mutation ($input: SetAccountActiveInput!) {
  setAccountActive(input: $input) { account { username active } userErrors { code message } }
}`;
const UNLOCK = `mutation ($input: UnlockAccountInput!) {
  unlockAccount(input: $input) { account { username lockedUntil } userErrors { code } }
}`;
const SET_ROLE = `mutation ($input: SetTeachingRoleInput!) {
  setTeachingRole(input: $input) { account { roles roleLabels } userErrors { code message } }
}`;
const GRANT_TEMPORARY = `mutation ($input: GrantTemporaryAccessInput!) {
  grantTemporaryAccess(input: $input) {
    temporaryPassword
    account { username temporaryUntil temporaryUntilDate passwordIsTemporary }
    userErrors { code message }
  }
}`;
const END_TEMPORARY = `mutation ($input: EndTemporaryAccessInput!) {
  endTemporaryAccess(input: $input) { account { temporaryUntil } userErrors { code } }
}`;

interface Listed {
  id: string;
  username: string;
  displayName: string;
  kind: 'STAFF' | 'STUDENT';
  active: boolean;
  passwordIsTemporary: boolean;
  slipPending: boolean;
  lockedUntil: string | null;
  temporaryUntil: string | null;
  studentNumber: string | null;
  studentStatus: string | null;
  studentStatusLabel: string | null;
  viewerCanSetActive: boolean;
  viewerCanUnlock: boolean;
  viewerCanSetTeachingRoles: boolean;
  viewerCanGrantTemporaryAccess: boolean;
  viewerCanResetPassword: boolean;
}
interface ListPage {
  managedAccounts: { nodes: Listed[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

let app: TestApp;
let city: TestCity;
let bureau: ApiClient;

const signIn = (login: Login): Promise<ApiClient> => app.client().login(login.username, login.password);

async function accountId(target: TestSchool, username: string): Promise<string> {
  const row = await app.sqlOne<{ id: string }>('select id from user_account where school_id = ? and username = ?', [
    target.school.id,
    username,
  ]);
  return toGlobalId('UserAccount', row.id);
}

/** Everything an account change could have written: the account, its credential, its sessions, the audit logs. */
async function footprint(target: TestSchool): Promise<unknown> {
  return {
    accounts: await app.sql(
      'select username, roles, admin_sections, active from user_account where school_id = ? order by username',
      [target.school.id],
    ),
    credentials: await app.sql(
      `select username, password_hash, password_temporary, slip_pending, temporary_until from credential
       where school_id = ? order by username`,
      [target.school.id],
    ),
    sessions: await app.sql(
      `select count(*)::int as live from auth_session s join credential c on c.id = s.credential_id
       where c.school_id = ? and s.revoked_at is null`,
      [target.school.id],
    ),
    audit: await app.sql('select count(*)::int as n from audit_log where school_id = ?', [target.school.id]),
    bureauAudit: await app.sql('select count(*)::int as n from bureau_audit_log where authority_id = ?', [
      city.authority.id,
    ]),
  };
}

const auditOf = (target: TestSchool, operation: string) =>
  app.sql<{ target_ids: string[]; detail: Record<string, unknown> }>(
    'select target_ids, detail from audit_log where school_id = ? and operation = ? order by occurred_at',
    [target.school.id, operation],
  );

async function listAll(client: ApiClient, variables: Record<string, unknown>): Promise<Listed[]> {
  const all: Listed[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ListPage = await client.ok<ListPage>(LIST, { ...variables, first: 3, after });
    all.push(...page.managedAccounts.nodes);
    if (!page.managedAccounts.pageInfo.hasNextPage) return all;
    after = page.managedAccounts.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  // Low throttle limits, so a few wrong passwords lock a login name.
  app = await startTestApp({ LOGIN_PAIR_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '3' });
  city = await app.factory.city();
  bureau = await signIn(city.bureauLogin);
});
afterAll(() => app.close());

describe('the account list', () => {
  it('lists staff and students, searched by login name, name or 學號 as plain text, paged like the database', async () => {
    const school = await city.school();
    const it = await signIn(school.logins.teaching);
    const student = school.students[0]!;

    // Every account of the school, in login-name order, across pages of three.
    const everyone = await listAll(it, {});
    const inDatabase = await app.sql<{ username: string }>(
      'select username from user_account where school_id = ? order by lower(username), id',
      [school.school.id],
    );
    expect(everyone.map((row) => row.username)).toEqual(inDatabase.map((row) => row.username));
    expect(new Set(everyone.map((row) => row.kind))).toEqual(new Set(['STAFF', 'STUDENT']));

    const asStudent = everyone.find((row) => row.username === school.logins.student.username)!;
    expect(asStudent).toMatchObject({
      kind: 'STUDENT',
      studentNumber: student.studentNumber,
      studentStatus: 'ENROLLED',
      studentStatusLabel: '在學',
      viewerCanSetTeachingRoles: false,
      viewerCanGrantTemporaryAccess: true,
      viewerCanResetPassword: true,
    });
    expect(everyone.find((row) => row.username === school.logins.teacher.username)).toMatchObject({
      kind: 'STAFF',
      studentNumber: null,
      viewerCanSetTeachingRoles: true,
      viewerCanGrantTemporaryAccess: false,
    });

    // Each search, checked against the same question asked of the database.
    for (const search of [student.studentNumber, student.name.slice(1), 'TEACHER', school.logins.student.username]) {
      const found = await listAll(it, { search });
      const expected = await app.sql<{ username: string }>(
        `select u.username from user_account u left join student s on s.school_id = u.school_id and s.account_id = u.id
         where u.school_id = ? and (strpos(lower(u.username), lower(?)) > 0 or strpos(lower(u.display_name), lower(?)) > 0
           or strpos(lower(coalesce(s.name, '')), lower(?)) > 0 or strpos(s.student_number, ?) > 0)
         order by lower(u.username), u.id`,
        [school.school.id, search, search, search, search],
      );
      expect(found.map((row) => row.username)).toEqual(expected.map((row) => row.username));
      expect(found.length).toBeGreaterThan(0);
    }
    // % and _ are themselves, not wildcards.
    expect(await listAll(it, { search: '%' })).toEqual([]);
    expect(await listAll(it, { search: '_' })).toEqual([]);
    // Kind filters.
    const students = await listAll(it, { kind: 'STUDENT' });
    expect(students.length).toBe(school.students.length);
    expect(students.every((row) => row.kind === 'STUDENT')).toBe(true);
    expect((await listAll(it, { kind: 'STAFF' })).every((row) => row.kind === 'STAFF')).toBe(true);
    // Too long a search is refused at the edge.
    const long = await it.request(LIST, { search: 'x'.repeat(31) });
    expect(long.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows and filters every status: disabled, must change, slip pending, 休學', async () => {
    const school = await city.school();
    const it = await signIn(school.logins.teaching);
    const [first, second] = school.students;
    await app.sql("update student set status = 'SUSPENDED' where school_id = ? and id = ?", [
      school.school.id,
      first!.id,
    ]);
    await app.sql(
      `update credential set slip_pending = true, password_temporary = true
       where school_id = ? and account_id = (select account_id from student where school_id = ? and id = ?)`,
      [school.school.id, school.school.id, second!.id],
    );
    await it.ok(SET_ACTIVE, {
      input: { accountId: await accountId(school, school.logins.counselor.username), active: false },
    });
    await it.ok(
      `mutation ($input: ResetAccountPasswordInput!) { resetAccountPassword(input: $input) { temporaryPassword } }`,
      {
        input: { accountId: await accountId(school, school.logins.teacher.username) },
      },
    );

    const names = async (status: string) => (await listAll(it, { status })).map((row) => row.username);
    expect(await names('DISABLED')).toEqual([school.logins.counselor.username]);
    expect(await names('MUST_CHANGE_PASSWORD')).toEqual([school.logins.teacher.username]);
    const pending = await listAll(it, { status: 'SLIP_PENDING' });
    expect(pending.map((row) => row.studentNumber)).toEqual([second!.studentNumber]);
    expect(pending[0]).toMatchObject({ slipPending: true, passwordIsTemporary: false });
    expect(await names('LOCKED')).toEqual([]);
    expect(await names('TEMPORARY_ACCESS')).toEqual([]);
    expect((await names('ACTIVE')).includes(school.logins.counselor.username)).toBe(false);
    const suspended = (await listAll(it, { search: first!.studentNumber, kind: 'STUDENT' }))[0];
    expect(suspended).toMatchObject({ studentStatus: 'SUSPENDED', studentStatusLabel: '休學' });
  });

  it('lets the bureau list a school of its own, and nobody else’s', async () => {
    const school = await city.school();
    const listed = await bureau.ok<ListPage>(LIST, { schoolId: toGlobalId('School', school.school.id), first: 100 });
    expect(listed.managedAccounts.nodes.map((row) => row.username)).toContain(school.logins.student.username);
    const foreign = await (await app.factory.city()).school();
    const refused = await bureau.request(LIST, { schoolId: toGlobalId('School', foreign.school.id) });
    expect(refused.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const it = await signIn(school.logins.teaching);
    const other = await it.request(LIST, { schoolId: toGlobalId('School', foreign.school.id) });
    expect(other.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const teacher = await signIn(school.logins.homeroom);
    expect((await teacher.request(LIST)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('disable and enable', () => {
  it('ends every session of a disabled account, says so at login, and lets it in again once enabled', async () => {
    const school = await city.school();
    const it = await signIn(school.logins.teaching);
    const counselor = await signIn(school.logins.counselor);
    const id = await accountId(school, school.logins.counselor.username);
    expect((await counselor.request('{ students { nodes { id } } }')).errors).toEqual([]);

    const disabled = await it.ok<{ setAccountActive: { account: { active: boolean } } }>(SET_ACTIVE, {
      input: { accountId: id, active: false },
    });
    expect(disabled.setAccountActive.account).toMatchObject({ active: false });
    expect((await counselor.request('{ students { nodes { id } } }')).errors[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await app.sql(
        `select 1 from auth_session s join credential c on c.id = s.credential_id
         where c.username = ? and s.revoked_at is null`,
        [school.logins.counselor.username],
      ),
    ).toEqual([]);
    const login = await app
      .client()
      .ok<{ login: { token: string | null; userErrors: { code: string; message: string }[] } }>(
        `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`,
        { input: school.logins.counselor },
      );
    expect(login.login).toEqual({
      token: null,
      userErrors: [{ code: 'ACCOUNT_DISABLED', message: '此帳號已停用，請洽學校資訊組。' }],
    });

    await it.ok(SET_ACTIVE, { input: { accountId: id, active: true } });
    expect(await signIn(school.logins.counselor)).toBeTruthy();
    const raw = await app.sqlOne<{ id: string }>('select id from user_account where username = ?', [
      school.logins.counselor.username,
    ]);
    expect((await auditOf(school, 'account.disable')).map((row) => row.target_ids)).toEqual([[raw.id]]);
    expect(await auditOf(school, 'account.enable')).toHaveLength(1);
  });

  it('refuses one’s own account, an office account to 資訊組, and another school’s, writing nothing', async () => {
    const school = await city.school();
    const foreign = await (await app.factory.city()).school();
    const it = await signIn(school.logins.teaching);
    const before = await footprint(school);
    const foreignBefore = await footprint(foreign);

    const own = await it.request(SET_ACTIVE, {
      input: { accountId: await accountId(school, school.logins.teaching.username), active: false },
    });
    expect(own.errors[0]).toMatchObject({
      message: '不能停用或啟用自己的帳號，請洽其他管理者。',
      extensions: { code: 'FORBIDDEN' },
    });
    const office = await it.request(SET_ACTIVE, {
      input: { accountId: await accountId(school, school.logins.registration.username), active: false },
    });
    expect(office.errors[0]).toMatchObject({
      message: '這個帳號擔任行政職務，只有執行秘書或教育局可以停用它。',
      extensions: { code: 'FORBIDDEN' },
    });
    const elsewhere = await it.request(SET_ACTIVE, {
      input: { accountId: await accountId(foreign, foreign.logins.teacher.username), active: false },
    });
    expect(elsewhere.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const byBureauElsewhere = await bureau.request(SET_ACTIVE, {
      input: { accountId: await accountId(foreign, foreign.logins.teacher.username), active: false },
    });
    expect(byBureauElsewhere.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await footprint(school)).toEqual(before);
    expect(await footprint(foreign)).toEqual(foreignBefore);

    // The bureau may disable the office account, audited in both logs.
    await bureau.ok(SET_ACTIVE, {
      input: { accountId: await accountId(school, school.logins.registration.username), active: false },
    });
    expect(await auditOf(school, 'account.disable')).toHaveLength(1);
    expect(
      await app.sql('select 1 from bureau_audit_log where authority_id = ? and operation = ?', [
        city.authority.id,
        'account.disable',
      ]),
    ).toHaveLength(1);
  });
});

describe('unlock', () => {
  it('lifts the throttle’s lock of a login name so its owner signs in again at once', async () => {
    const school = await city.school();
    const it = await signIn(school.logins.teaching);
    const login = school.logins.teacher;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(app.client().login(login.username, 'wrong password')).rejects.toThrow();
    }
    await expect(signIn(login)).rejects.toThrow(/TOO_MANY_ATTEMPTS/);
    const [locked] = await listAll(it, { status: 'LOCKED' });
    expect(locked).toMatchObject({ username: login.username, viewerCanUnlock: true });
    expect(new Date(locked!.lockedUntil!).getTime()).toBeGreaterThan(app.clock.now().getTime());

    const unlocked = await it.ok<{ unlockAccount: { account: { lockedUntil: string | null } } }>(UNLOCK, {
      input: { accountId: locked!.id },
    });
    expect(unlocked.unlockAccount.account.lockedUntil).toBeNull();
    expect(
      await app
        .sql("select key from login_throttle where key like 'account:%' or key like 'pair:%'")
        .then((rows) =>
          rows.filter((row) => String((row as { key: string }).key).includes(login.username.toLowerCase())),
        ),
    ).toEqual([]);
    expect(await signIn(login)).toBeTruthy();
    expect(await auditOf(school, 'account.unlock')).toHaveLength(1);
  });
});

describe('teaching roles', () => {
  it('gives and takes teaching roles, audited, and refuses students, the last role, a homeroom teacher and oneself', async () => {
    const school = await city.school();
    const it = await signIn(school.logins.teaching);
    const teacher = await accountId(school, school.logins.teacher.username);
    const role = (client: ApiClient, accountId: string, r: string, granted: boolean) =>
      client.request<{
        setTeachingRole: { account: { roles: string[] } | null; userErrors: { code: string; message: string }[] };
      }>(SET_ROLE, { input: { accountId, role: r, granted } });

    const granted = await role(it, teacher, 'COUNSELOR', true);
    expect(granted.data?.setTeachingRole.account?.roles.sort()).toEqual(['COUNSELOR', 'TEACHER']);
    expect(await auditOf(school, 'account.grant_role')).toEqual([
      { target_ids: [expect.any(String)], detail: { role: 'COUNSELOR' } },
    ]);
    // The new role takes effect: a counselor sees every student.
    const asTeacher = await signIn(school.logins.teacher);
    expect((await asTeacher.request('{ students { nodes { id } } }')).errors).toEqual([]);
    expect((await role(it, teacher, 'COUNSELOR', false)).data?.setTeachingRole.userErrors).toEqual([]);

    const notTeacher = await signIn(school.logins.registration);
    const before = await footprint(school);
    const last = await role(it, teacher, 'TEACHER', false);
    expect(last.data?.setTeachingRole.userErrors.map((e) => e.code)).toEqual(['LAST_ROLE']);
    const homeroom = await role(
      it,
      await accountId(school, school.logins.homeroom.username),
      'HOMEROOM_TEACHER',
      false,
    );
    expect(homeroom.data?.setTeachingRole.userErrors).toEqual([
      {
        code: 'HOMEROOM_CLASS',
        message: '「導師」仍是 301 的導師；請先在「班級」為該班改派導師，再移除導師身分。',
      },
    ]);
    const student = await role(it, await accountId(school, school.logins.student.username), 'TEACHER', true);
    expect(student.data?.setTeachingRole.userErrors.map((e) => e.code)).toEqual(['STUDENT_ACCOUNT']);
    const own = await role(it, await accountId(school, school.logins.teaching.username), 'TEACHER', true);
    expect(own.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await (await app.factory.city()).school();
    const elsewhere = await role(it, await accountId(foreign, foreign.logins.teacher.username), 'COUNSELOR', true);
    expect(elsewhere.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await role(notTeacher, teacher, 'COUNSELOR', true)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await footprint(school)).toEqual(before);
  });
});

describe('temporary access (臨時帳號)', () => {
  it('lets a 休學 student sign in until the end of a day with a new one-time password, audited, and ends it', async () => {
    const school = await city.school();
    const it = await signIn(school.logins.teaching);
    const student = school.students[0]!;
    const id = await accountId(school, school.logins.student.username);
    const device = await signIn(school.logins.student);
    await app.sql("update student set status = 'SUSPENDED' where school_id = ? and id = ?", [
      school.school.id,
      student.id,
    ]);

    // The test clock is 2026-11-28 09:00 in Taipei.
    const granted = await it.ok<{
      grantTemporaryAccess: {
        temporaryPassword: string;
        account: { temporaryUntil: string; temporaryUntilDate: string; passwordIsTemporary: boolean };
      };
    }>(GRANT_TEMPORARY, { input: { accountId: id, until: '2026-12-15' } });
    expect(granted.grantTemporaryAccess.account).toEqual({
      username: school.logins.student.username,
      temporaryUntil: '2026-12-15T16:00:00.000Z',
      temporaryUntilDate: '2026-12-15',
      passwordIsTemporary: true,
    });
    const stored = await app.sqlOne<{ temporary_until: string; password_temporary: boolean }>(
      'select temporary_until, password_temporary from credential where school_id = ? and username = ?',
      [school.school.id, school.logins.student.username],
    );
    expect(new Date(stored.temporary_until).toISOString()).toBe('2026-12-15T16:00:00.000Z');
    expect(stored.password_temporary).toBe(true);
    expect((await device.ok<{ me: null }>('{ me { id } }')).me).toBeNull();
    const password = granted.grantTemporaryAccess.temporaryPassword;
    const signedIn = await app.client().login(school.logins.student.username, password);
    expect((await signedIn.ok<{ me: { passwordIsTemporary: boolean } }>('{ me { passwordIsTemporary } }')).me).toEqual({
      passwordIsTemporary: true,
    });
    expect(await auditOf(school, 'account.grant_temporary_access')).toEqual([
      { target_ids: [expect.any(String)], detail: { until: '2026-12-15', studentStatus: 'SUSPENDED' } },
    ]);
    expect((await listAll(it, { status: 'TEMPORARY_ACCESS' })).map((row) => row.username)).toEqual([
      school.logins.student.username,
    ]);
    expect(JSON.stringify(app.logLines)).not.toContain(password);

    const ended = await it.ok<{ endTemporaryAccess: { account: { temporaryUntil: string | null } } }>(END_TEMPORARY, {
      input: { accountId: id },
    });
    expect(ended.endTemporaryAccess.account.temporaryUntil).toBeNull();
    expect(
      await app.sqlOne('select temporary_until from credential where school_id = ? and username = ?', [
        school.school.id,
        school.logins.student.username,
      ]),
    ).toEqual({ temporary_until: null });
    expect(await auditOf(school, 'account.end_temporary_access')).toHaveLength(1);
  });

  it('refuses an enrolled student, a staff account, a date out of range, and another school, writing nothing', async () => {
    const school = await city.school();
    const it = await signIn(school.logins.teaching);
    const grant = (accountId: string, until: string) =>
      it.request<{ grantTemporaryAccess: { userErrors: { code: string; message: string }[] } }>(GRANT_TEMPORARY, {
        input: { accountId, until },
      });
    const studentId = await accountId(school, school.logins.student.username);
    expect((await grant(studentId, '2026-12-15')).data?.grantTemporaryAccess.userErrors.map((e) => e.code)).toEqual([
      'ENROLLED',
    ]);
    await app.sql("update student set status = 'TRANSFERRED' where school_id = ? and id = ?", [
      school.school.id,
      school.students[0]!.id,
    ]);
    const teacher = await signIn(school.logins.homeroom);
    const before = await footprint(school);
    for (const until of ['2026-11-27', '2027-02-27', '2026-02-30', 'soon']) {
      const refused = await grant(studentId, until);
      expect(refused.data?.grantTemporaryAccess.userErrors[0]?.code).toMatch(/^(OUT_OF_RANGE|INVALID_DATE)$/);
    }
    expect((await grant(studentId, '2026-11-27')).data?.grantTemporaryAccess.userErrors[0]?.message).toBe(
      '臨時帳號的截止日期須介於今天（115/11/28）到 116/02/26（90 天內）之間。',
    );
    const staff = await grant(await accountId(school, school.logins.teacher.username), '2026-12-15');
    expect(staff.data?.grantTemporaryAccess.userErrors.map((e) => e.code)).toEqual(['NOT_STUDENT']);
    const foreign = await (await app.factory.city()).school();
    const elsewhere = await grant(await accountId(foreign, foreign.logins.student.username), '2026-12-15');
    expect(elsewhere.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const forbidden = await teacher.request(GRANT_TEMPORARY, { input: { accountId: studentId, until: '2026-12-15' } });
    expect(forbidden.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await footprint(school)).toEqual(before);

    // Today itself and the 90th day are allowed; the bureau may grant it too, in both logs.
    expect((await grant(studentId, '2026-11-28')).data?.grantTemporaryAccess.userErrors).toEqual([]);
    const byBureau = await bureau.ok<{ grantTemporaryAccess: { userErrors: unknown[] } }>(GRANT_TEMPORARY, {
      input: { accountId: studentId, until: '2027-02-26' },
    });
    expect(byBureau.grantTemporaryAccess.userErrors).toEqual([]);
    expect(
      await app.sql('select 1 from bureau_audit_log where authority_id = ? and operation = ?', [
        city.authority.id,
        'account.grant_temporary_access',
      ]),
    ).toHaveLength(1);
  });
});
