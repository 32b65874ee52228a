import { type AdminSection, Role } from './roles.js';

export type AccountKind = 'SCHOOL' | 'BUREAU';

/** The verified person behind a request, built only from a server-side session. */
export interface Viewer {
  sessionId: string;
  credentialId: string;
  kind: AccountKind;
  accountId: string;
  /** The tenant: set for school accounts, null for bureau accounts. */
  schoolId: string | null;
  authorityId: string;
  username: string;
  displayName: string;
  roles: Role[];
  adminSections: AdminSection[];
  sessionExpiresAt: Date;
  /** The identity provider (its configured id) this session was opened through; null: a password. */
  signInProvider: string | null;
  /**
   * The school's reference version (school row, years, terms) as the session lookup read it: what cached reference
   * rows are valid for (common/reference-cache.ts). Null for bureau accounts.
   */
  schoolReferenceVersion: string | null;
  /** What the person may not do for now, by their account's state (a password to change, a status); null: nothing. */
  restriction: ViewerRestriction | null;
}

/**
 * PASSWORD_CHANGE_REQUIRED: the password was set by somebody else (a first-password slip, a reset): nothing but
 * setting their own. READ_ONLY: they may read, and change their password, but nothing else (休學, 轉出/畢業 within
 * their grace period). The message says why, in the person's terms.
 */
export interface ViewerRestriction {
  code: 'PASSWORD_CHANGE_REQUIRED' | 'READ_ONLY';
  message: string;
}

export const hasRole = (viewer: Viewer | null, ...roles: Role[]): boolean =>
  viewer !== null && roles.some((role) => viewer.roles.includes(role));

export const hasSection = (viewer: Viewer | null, section: AdminSection): boolean =>
  hasRole(viewer, Role.SCHOOL_ADMIN) && viewer!.adminSections.includes(section);

/** Staff of a school: anyone there who is not only a student. */
export const isSchoolStaff = (viewer: Viewer | null): boolean =>
  hasRole(viewer, Role.SCHOOL_ADMIN, Role.TEACHER, Role.HOMEROOM_TEACHER, Role.COUNSELOR);
