import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { idOfType, requireIdOfType } from '../../common/ids.js';
import { rowsWithJoined, tenantSchoolOf } from '../../common/loaders.js';
import { Course, CourseSection, Enrolment } from '../course/course.entity.js';
import { Student } from '../people/student.entity.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { Role } from '../../common/roles.js';
import { UserAccount } from '../people/user-account.entity.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { CertificationProxy, CourseOutcome, CourseOutcomeVersion } from './course-outcome.entity.js';
import type {
  CertificationProxyInput,
  CertifyCourseOutcomesInput,
  RejectCourseOutcomeInput,
} from './dto/portfolio.input.js';
import { CertificationStatus } from './portfolio.enums.js';
import { routedFirst } from './certification-health.service.js';
import {
  certifiableTeachers,
  certifiableTeachersSql,
  mayAssignCertificationProxies,
  mayCertify,
} from './portfolio.permissions.js';

export const MAX_BULK_CERTIFY = 200;

/** The outcomes waiting in (or decided from) the queue of the viewer and of the teachers they are proxy for. */
export async function certificationQueue(
  ctx: AppContext,
  status: CertificationStatus | null,
): Promise<CourseOutcome[]> {
  const viewer = ctx.viewer;
  if (!viewer || !mayCertify(viewer)) throw forbidden('認證課程學習成果（限任課教師與代理人）');
  const schoolId = tenantSchoolOf(ctx.em);
  if (!schoolId) return [];
  const teachers = certifiableTeachersSql(viewer, schoolId);
  // One statement written for the queue, with each item's student, enrolment, section and course, which the page
  // reads through their loaders: they find them in the request's identity map instead of asking four more times.
  const outcomes = await rowsWithJoined(
    ctx.em,
    CourseOutcome,
    'o',
    [
      { entity: Student, alias: 'st' },
      { entity: Enrolment, alias: 'e' },
      { entity: CourseSection, alias: 's' },
      { entity: Course, alias: 'c' },
    ],
    `from course_outcome o
       join student st on st.school_id = o.school_id and st.id = o.student_id
       join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
       join course_section s on s.school_id = e.school_id and s.id = e.section_id
       join course c on c.school_id = s.school_id and c.id = s.course_id
      where o.school_id = ? and s.teacher_id = any(array(${teachers.sql}))${status ? ' and o.status = ?' : ''}
      order by o.updated_at, o.id`,
    [schoolId, ...teachers.params, ...(status ? [status] : [])],
  );
  // Items waiting past the school's routing age go to the teacher's proxy (代理人): first in the proxy's queue.
  return status === CertificationStatus.PENDING || status === null ? routedFirst(ctx, outcomes) : outcomes;
}

interface Decision {
  status: CertificationStatus.CERTIFIED | CertificationStatus.REJECTED;
  reason: string | null;
}

/**
 * Decides outcomes of the viewer's own sections or of the teachers they are proxy for, inside the term's
 * certification window. Every outcome is checked before any is changed.
 */
async function decide(ctx: AppContext, globalIds: string[], decision: Decision): Promise<Result<CourseOutcome[]>> {
  const viewer = ctx.viewer;
  if (!viewer || !mayCertify(viewer)) throw forbidden('認證課程學習成果（限任課教師與代理人）');
  if (globalIds.length === 0 || globalIds.length > MAX_BULK_CERTIFY) {
    return {
      value: null,
      userErrors: [userError('outcomeIds', 'INVALID_COUNT', `一次請認證 1 到 ${MAX_BULK_CERTIFY} 件。`)],
    };
  }
  const teachers = await certifiableTeachers(ctx, viewer);
  const ids = globalIds.map((id) => idOfType(id, 'CourseOutcome'));
  const outcomes = await ctx.em.find(
    CourseOutcome,
    { id: { $in: ids.filter((id): id is string => id !== null) } },
    { populate: ['enrolment.section'] },
  );
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const errors: UserError[] = [];
  const windows = new Map<string, UserError | null>();
  for (const [index, id] of ids.entries()) {
    const outcome = id ? byId.get(id) : undefined;
    const field = `outcomeIds.${index}`;
    const teacherId = outcome?.enrolment.getEntity().section.getEntity().teacher?.id;
    if (!outcome || !teacherId || !teachers.includes(teacherId)) {
      errors.push(userError(field, 'NOT_YOUR_SECTION', '這件成果不屬於您任教（或代理）的課程，不能認證。'));
      continue;
    }
    if (outcome.status !== CertificationStatus.PENDING) {
      errors.push(userError(field, 'ALREADY_DECIDED', '這件成果已經認證過了（或未通過、等待學生更換檔案）。'));
      continue;
    }
    // A grade-12 student's last term may be certified in the 高三 round's window: the cohort is part of the answer.
    const cohort = (await ctx.loaders.studentById.load(outcome.student.id))?.cohort;
    const windowKey = `${outcome.term.id}:${cohort}`;
    if (!windows.has(windowKey)) {
      const answer = await ctx.services.windows.check(ctx.em, {
        period: { termId: outcome.term.id },
        kind: TaskKind.CERTIFY_COURSE_OUTCOMES,
        studentId: outcome.student.id,
      });
      windows.set(windowKey, answer.userError);
    }
    const closed = windows.get(windowKey);
    if (closed) errors.push(closed);
  }
  if (decision.status === CertificationStatus.REJECTED) {
    const reason = decision.reason?.trim() ?? '';
    if (reason.length === 0 || [...reason].length > 200) {
      errors.push(userError('reason', 'REASON_REQUIRED', '請寫下未通過的理由（200 字以內），學生會看到。'));
    }
  }
  if (errors.length > 0)
    return { value: null, userErrors: [...new Map(errors.map((e) => [e.message + e.field.join('.'), e])).values()] };

  const now = ctx.services.clock.now();
  const versions = await ctx.em.find(CourseOutcomeVersion, {
    $or: outcomes.map((outcome) => ({ outcome, version: outcome.currentVersion })),
  });
  const versionOf = new Map(versions.map((version) => [version.outcome.id, version]));
  const decided: CourseOutcome[] = [];
  const proxiesFor = new Set<string>();
  for (const id of ids) {
    const outcome = byId.get(id!)!;
    const teacherId = outcome.enrolment.getEntity().section.getEntity().teacher!.id;
    const version = versionOf.get(outcome.id)!;
    Object.assign(version, {
      status: decision.status,
      reason: decision.status === CertificationStatus.REJECTED ? decision.reason!.trim() : null,
      decidedAt: now,
      decidedBy: ctx.em.getReference(UserAccount, viewer.accountId),
      decidedAsProxyFor: teacherId === viewer.accountId ? null : ctx.em.getReference(UserAccount, teacherId),
    });
    if (teacherId !== viewer.accountId) proxiesFor.add(teacherId);
    outcome.status = decision.status;
    outcome.updatedAt = now;
    decided.push(outcome);
  }
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: decision.status === CertificationStatus.CERTIFIED ? 'outcome.certify' : 'outcome.reject',
    targetIds: decided.map((outcome) => outcome.id),
    detail: { asProxyFor: [...proxiesFor] },
  });
  return { value: decided, userErrors: [] };
}

export const certifyCourseOutcomes = (ctx: AppContext, input: CertifyCourseOutcomesInput) =>
  decide(ctx, input.outcomeIds, { status: CertificationStatus.CERTIFIED, reason: null });

export const rejectCourseOutcome = (ctx: AppContext, input: RejectCourseOutcomeInput) =>
  decide(ctx, [input.outcomeId], { status: CertificationStatus.REJECTED, reason: input.reason });

/** 教學組 names who certifies in a teacher's place. */
export async function setCertificationProxy(
  ctx: AppContext,
  input: CertificationProxyInput,
  active: boolean,
): Promise<Result<UserAccount>> {
  const viewer = ctx.viewer;
  if (!mayAssignCertificationProxies(viewer)) throw forbidden('指定認證代理人（限教學組）');
  const teacherId = requireIdOfType(input.teacherId, 'UserAccount', '教師', 'teacherId');
  const proxyId = requireIdOfType(input.proxyId, 'UserAccount', '代理人', 'proxyId');
  const accounts = await ctx.em.find(UserAccount, { id: { $in: [teacherId, proxyId] }, active: true });
  const teacher = accounts.find((account) => account.id === teacherId);
  const proxy = accounts.find((account) => account.id === proxyId);
  const errors: UserError[] = [];
  if (!teacher?.roles.includes(Role.TEACHER))
    errors.push(userError('teacherId', 'NOT_A_TEACHER', '請選擇本校的任課教師。'));
  if (!proxy?.roles.includes(Role.TEACHER))
    errors.push(userError('proxyId', 'NOT_A_TEACHER', '代理人必須是本校的教師。'));
  if (teacherId === proxyId) errors.push(userError('proxyId', 'SAME_PERSON', '代理人不能是教師本人。'));
  if (errors.length > 0) return { value: null, userErrors: errors };
  const existing = await ctx.em.findOne(CertificationProxy, { teacher: teacherId, proxy: proxyId });
  if (active && !existing) {
    ctx.em.create(CertificationProxy, {
      school: viewer!.schoolId!,
      teacher: teacher!,
      proxy: proxy!,
      createdBy: ctx.em.getReference(UserAccount, viewer!.accountId),
      createdAt: ctx.services.clock.now(),
    });
  } else if (!active && existing) ctx.em.remove(existing);
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer!, ctx.requestId, {
    operation: active ? 'certification.proxy.add' : 'certification.proxy.remove',
    targetIds: [teacherId, proxyId],
  });
  return { value: teacher!, userErrors: [] };
}
