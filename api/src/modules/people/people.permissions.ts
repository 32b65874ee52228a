import type { AppContext } from '../../common/context.js';
import { hasRole, hasSection, type Viewer } from '../../common/viewer.js';
import { type SchoolClass } from './school-class.entity.js';
import { AdminSection, Role } from '../../common/roles.js';
import { type Student } from './student.entity.js';

/** What a section or reset decision needs to know of the account it concerns. */
export type HeldAccount = { id: string; roles: Role[]; adminSections: AdminSection[] };

const isStudentAccount = (account: HeldAccount): boolean => account.roles.includes(Role.STUDENT);

export const mayManageStudents = (viewer: Viewer | null): boolean => hasSection(viewer, AdminSection.REGISTRATION);

/** Only 註冊組 needs the full number (it goes into the central rosters); everyone else sees it masked. */
export const maySeeFullNationalId = mayManageStudents;

/**
 * Who sees every student of the school: office staff, and course counselors, who advise any student who asks and
 * record those sessions.
 */
export const maySeeWholeSchool = (viewer: Viewer | null): boolean => hasRole(viewer, Role.SCHOOL_ADMIN, Role.COUNSELOR);

export const mayListStudents = (viewer: Viewer | null): boolean =>
  maySeeWholeSchool(viewer) || hasRole(viewer, Role.HOMEROOM_TEACHER);

/** Whether the viewer may see a whole class: its homeroom teacher, or whole-school staff. */
export const maySeeClass = (viewer: Viewer | null, schoolClass: SchoolClass): boolean =>
  (viewer !== null && schoolClass.homeroomTeacher?.id === viewer.accountId) || maySeeWholeSchool(viewer);

/** Whether the viewer may see this student at all: the student, whole-school staff, or the class's homeroom teacher. */
export async function mayViewStudent(ctx: AppContext, student: Student): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.schoolId !== student.schoolId) return false;
  if (student.account?.id === viewer.accountId) return true;
  if (maySeeWholeSchool(viewer)) return true;
  if (hasRole(viewer, Role.HOMEROOM_TEACHER) && student.schoolClass) {
    const schoolClass = await ctx.loaders.classById.load(student.schoolClass.id);
    return schoolClass !== null && maySeeClass(viewer, schoolClass);
  }
  return false;
}

/** Who administers accounts at all: the bureau, and a school's 資訊組 and 執行秘書. */
export const mayManageAccounts = (viewer: Viewer | null): boolean =>
  viewer !== null &&
  (isBureau(viewer) || hasSection(viewer, AdminSection.IT) || hasSection(viewer, AdminSection.COORDINATOR));

/**
 * Who may grant or take away one admin section: 執行秘書 only by the bureau; 註冊組 (full national IDs, the
 * packages) by 執行秘書 or the bureau; the other sections by 資訊組, 執行秘書 or the bureau. Never one's own.
 */
export function maySetSection(viewer: Viewer | null, section: AdminSection, account?: HeldAccount): boolean {
  if (!viewer || account?.id === viewer.accountId) return false;
  if (isBureau(viewer)) return true;
  if (section === AdminSection.COORDINATOR) return false;
  if (section === AdminSection.REGISTRATION) return hasSection(viewer, AdminSection.COORDINATOR);
  return hasSection(viewer, AdminSection.IT) || hasSection(viewer, AdminSection.COORDINATOR);
}

/**
 * Who may reset an account's password: 資訊組 or 執行秘書 for teachers and students; for an office account (one with
 * an admin section, or the 行政人員 role that earlier imports gave without one) only 執行秘書 or the bureau, so that no
 * section can take over another by resetting its password. Never one's own.
 */
export function mayResetPassword(viewer: Viewer | null, account: HeldAccount): boolean {
  if (!viewer || account.id === viewer.accountId) return false;
  if (account.adminSections.length > 0 || account.roles.includes(Role.SCHOOL_ADMIN)) {
    return mayResetOfficeAccounts(viewer);
  }
  if (isBureau(viewer)) return true;
  return hasSection(viewer, AdminSection.IT) || hasSection(viewer, AdminSection.COORDINATOR);
}

/** Who may reset an office account's password (one with a section, or the 行政人員 role). */
export const mayResetOfficeAccounts = (viewer: Viewer | null): boolean =>
  isBureau(viewer) || hasSection(viewer, AdminSection.COORDINATOR);

/**
 * Who may disable or enable an account: whoever may reset its password, for the same reason (no section shuts out
 * another, or its supervisor). Never one's own.
 */
export const maySetActive = (viewer: Viewer | null, account: HeldAccount): boolean => mayResetPassword(viewer, account);

/**
 * Who may lift the throttle's lock of a login name: anyone who administers accounts, for any account they reach. It
 * opens nothing by itself (the password is still needed), and its owner may be the one locked out and calling.
 */
export const mayUnlock = (viewer: Viewer | null): boolean => mayManageAccounts(viewer);

/** Who may give or take the teaching roles (任課教師, 導師, 課程諮詢教師) of a staff account. Never one's own. */
export const maySetTeachingRoles = (viewer: Viewer | null, account: HeldAccount): boolean =>
  viewer !== null && account.id !== viewer.accountId && !isStudentAccount(account) && mayManageAccounts(viewer);

/**
 * Who may grant or end a student's temporary access (臨時帳號): 資訊組, 執行秘書 and the bureau. It sets a new
 * one-time password, which the password rule allows them for a student.
 */
export const mayGrantTemporaryAccess = (viewer: Viewer | null, account: HeldAccount): boolean =>
  isStudentAccount(account) && mayManageAccounts(viewer) && mayResetPassword(viewer, account);

/** A bureau administrator: onboards schools, and administers the accounts of its schools. */
export const isBureau = (viewer: Viewer | null): boolean =>
  viewer !== null && viewer.kind === 'BUREAU' && hasRole(viewer, Role.BUREAU_ADMIN);

/** 資訊組 hands out first passwords; 註冊組, who brings students in with the roster, may too. */
export const mayPrintFirstPasswordSlips = (viewer: Viewer | null): boolean =>
  hasSection(viewer, AdminSection.IT) || hasSection(viewer, AdminSection.REGISTRATION);
