import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../common/ids.js';
import { Role } from '../../common/roles.js';
import { pgTextArray } from '../../common/sql.js';
import { School } from '../school/school.entity.js';
import type { Student } from './student.entity.js';
import { UserAccount } from './user-account.entity.js';

/** What a login name can be (the credential table's CHECK). */
export const LOGIN_NAME = /^[A-Za-z0-9._@-]{3,64}$/;

/** The school's rule (`student_login_pattern`) applied: {code} the school code, {number} the 學號; lowercased. */
export function studentLoginName(pattern: string, schoolCode: string, studentNumber: string): string {
  return pattern.replaceAll('{code}', schoolCode).replaceAll('{number}', studentNumber).toLowerCase();
}

/** What a student's login name is made from: the school's code and its rule. */
export type SchoolLoginRule = Pick<School, 'id' | 'code' | 'studentLoginPattern'>;

/** The school's code and its rule for students' login names. */
export function schoolLoginRule(em: EntityManager, schoolId: string): Promise<SchoolLoginRule> {
  return em.findOneOrFail(School, { id: schoolId });
}

/** The login names, of these, that an account anywhere in the installation already holds (lowercased). */
export async function loginNamesTaken(em: EntityManager, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const elsewhere = await em.execute<{ auth_usernames_taken_elsewhere: string }[]>(
    'select auth_usernames_taken_elsewhere(?::text[])',
    [pgTextArray(names)],
  );
  const here = await em.execute<{ name: string }[]>(
    'select lower(username) as name from user_account where lower(username) = any(?::text[])',
    [pgTextArray(names.map((name) => name.toLowerCase()))],
  );
  return new Set([...elsewhere.map((row) => row.auth_usernames_taken_elsewhere), ...here.map((row) => row.name)]);
}

/**
 * Why a student's login name by the school's rule cannot be used, if it cannot: not a login name, or one that is in
 * `taken` (from loginNamesTaken, and whatever else the caller has handed out already).
 */
export function loginNameProblem(
  loginName: string,
  taken: ReadonlySet<string>,
): { code: 'LOGIN_NAME_INVALID' | 'LOGIN_NAME_TAKEN'; message: string } | null {
  if (!LOGIN_NAME.test(loginName)) {
    return {
      code: 'LOGIN_NAME_INVALID',
      message: `依本校的學生帳號規則產生的登入帳號「${loginName.slice(0, 80)}」不是有效的帳號（限英數字與 . _ @ -，3 到 64 字）；請洽教育局調整帳號規則。`,
    };
  }
  if (taken.has(loginName)) {
    return {
      code: 'LOGIN_NAME_TAKEN',
      message: `依本校的學生帳號規則產生的登入帳號「${loginName}」已被其他帳號使用（本校或他校）；請洽資訊組或教育局調整帳號規則。`,
    };
  }
  return null;
}

/**
 * Gives each of these students who has none a login by the school's rule, with no usable password until their
 * first-password slip is printed (auth_create_pending_credentials). The caller has checked that the names are free
 * (loginNamesTaken) and flushes the accounts with its own rows.
 */
export function createStudentLogins(
  em: EntityManager,
  school: SchoolLoginRule,
  students: readonly Student[],
): Promise<unknown> {
  const without = students.filter((student) => !student.account);
  if (without.length === 0) return Promise.resolve();
  const rows = without.map((student) => ({
    student,
    credentialId: newId(),
    accountId: newId(),
    username: studentLoginName(school.studentLoginPattern, school.code, student.studentNumber),
  }));
  for (const row of rows) {
    const account = em.create(UserAccount, {
      id: row.accountId,
      school: em.getReference(School, school.id),
      credentialId: row.credentialId,
      username: row.username,
      displayName: row.student.name,
      roles: [Role.STUDENT],
    });
    row.student.account = ref(account);
  }
  return em.execute('select auth_create_pending_credentials(?::uuid[], ?::text[], ?::uuid[])', [
    pgTextArray(rows.map((row) => row.credentialId)),
    pgTextArray(rows.map((row) => row.username)),
    pgTextArray(rows.map((row) => row.accountId)),
  ]);
}
