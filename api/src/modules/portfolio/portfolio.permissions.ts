import type { AppContext } from '../../common/context.js';
import { type CourseSection } from '../course/course.entity.js';
import { mayViewStudent } from '../people/people.permissions.js';
import { type FileUpload } from '../files/upload.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { type Viewer, hasSection, hasRole } from '../../common/viewer.js';
import { CourseOutcomeVersion } from './course-outcome.entity.js';
import { AdminSection, Role } from '../../common/roles.js';

/** Whether the viewer certifies this section's outcomes (its teacher or their proxy). */
export async function mayCertifySection(ctx: AppContext, section: CourseSection): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer || !section.teacher) return false;
  return (await certifiableTeachers(ctx, viewer)).includes(section.teacher.id);
}

/**
 * Who may open a stored file: the person who uploaded it; for evidence, whoever may see the student (the student,
 * their homeroom teacher, office staff, counselors) and the teacher who certifies it (or their proxy).
 */
export async function mayReadUpload(ctx: AppContext, upload: FileUpload): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (upload.createdBy.id === viewer.accountId) return true;
  const version = await ctx.em.findOne(
    CourseOutcomeVersion,
    { $or: [{ document: upload }, { media: upload }] },
    { populate: ['outcome.student', 'outcome.enrolment.section'] },
  );
  if (version) {
    const outcome = version.outcome.getEntity();
    return (
      (await mayViewStudent(ctx, outcome.student.getEntity())) ||
      (await mayCertifySection(ctx, outcome.enrolment.getEntity().section.getEntity()))
    );
  }
  const performance = await ctx.em.findOne(
    DiversePerformance,
    { $or: [{ document: upload }, { media: upload }] },
    { populate: ['student'] },
  );
  return performance ? mayViewStudent(ctx, performance.student.getEntity()) : false;
}

/**
 * The teachers whose sections the viewer certifies, as a statement: themselves, and those who named them proxy
 * (代理人). The queue reads it as a subquery of its own statement.
 */
export function certifiableTeachersSql(viewer: Viewer, schoolId: string): { sql: string; params: unknown[] } {
  return {
    sql: `select ?::uuid as teacher_id
          union all select teacher_id from certification_proxy where school_id = ? and proxy_id = ?`,
    params: [viewer.accountId, schoolId, viewer.accountId],
  };
}

/** The teachers whose sections the viewer certifies (certifiableTeachersSql), the viewer first. */
export async function certifiableTeachers(ctx: AppContext, viewer: Viewer): Promise<string[]> {
  if (!viewer.schoolId) return [viewer.accountId];
  // Every certification page and decision asks: one plain statement rather than the ORM's query building.
  const { sql, params } = certifiableTeachersSql(viewer, viewer.schoolId);
  return (await ctx.em.execute<{ teacher_id: string }[]>(sql, params)).map((row) => row.teacher_id);
}

/** 教學組 sets the school's cap on outcome uploads. */
export const maySetOutcomeUploadCap = (viewer: Viewer | null): boolean => hasSection(viewer, AdminSection.TEACHING);

/** 教學組 names and removes certification proxies (代理人), and sees the school's teachers to choose from. */
export const mayAssignCertificationProxies = (viewer: Viewer | null): boolean =>
  hasSection(viewer, AdminSection.TEACHING);

/** Teachers certify outcomes: of their own sections, and of the teachers who named them proxy. */
export const mayCertify = (viewer: Viewer | null): boolean => hasRole(viewer, Role.TEACHER);

/** Students keep their own portfolio: they upload, record and select, nobody for them. */
export const mayKeepPortfolio = (viewer: Viewer | null): boolean => hasRole(viewer, Role.STUDENT);
