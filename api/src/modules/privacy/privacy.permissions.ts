import { AdminSection } from '../../common/roles.js';
import { hasSection, type Viewer } from '../../common/viewer.js';

/**
 * Who reads a student's personal-data access log, and how much of it: the student their own, by office and time
 * (never a staff member's name); 註冊組 any student's of the school, with the staff member and the request id, to
 * answer a student's question. Nobody else: a log of who read a student is itself about that student.
 */
export type AccessLogAudience = 'STUDENT' | 'REGISTRATION';

export function accessLogAudience(viewer: Viewer | null, studentAccountId: string | null): AccessLogAudience | null {
  if (!viewer || viewer.kind !== 'SCHOOL') return null;
  if (studentAccountId !== null && studentAccountId === viewer.accountId) return 'STUDENT';
  if (hasSection(viewer, AdminSection.REGISTRATION)) return 'REGISTRATION';
  return null;
}

/** Whether the viewer may open any student's access log of their school (the section on a student's page). */
export const mayReadStudentsAccessLogs = (viewer: Viewer | null): boolean =>
  viewer?.kind === 'SCHOOL' && hasSection(viewer, AdminSection.REGISTRATION);
