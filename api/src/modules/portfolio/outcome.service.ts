import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { type Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enrolment } from '../course/course.entity.js';
import type { Student } from '../people/student.entity.js';
import { School } from '../school/school.entity.js';
import { Term } from '../term/term.entity.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { CourseOutcome, CourseOutcomeVersion } from './course-outcome.entity.js';
import type { ReplaceCourseOutcomeInput, UploadCourseOutcomeInput } from './dto/portfolio.input.js';
import { descriptionProblem, evidenceFiles, type EvidenceFiles } from './evidence-files.js';
import { CertificationStatus } from './portfolio.enums.js';
import { maySetOutcomeUploadCap, mayKeepPortfolio } from './portfolio.permissions.js';

/** The student behind the viewer: evidence is uploaded by students themselves. */
export async function requireStudent(ctx: AppContext): Promise<{ viewer: Viewer; student: Student }> {
  const viewer = ctx.viewer;
  if (!viewer || !mayKeepPortfolio(viewer)) throw forbidden('上傳或勾選學習歷程（限學生本人）');
  const student = await ctx.loaders.studentByAccountId.load(viewer.accountId);
  if (!student) throw forbidden('上傳或勾選學習歷程（限學生本人）');
  return { viewer, student };
}

/**
 * Locks the student's row for the rest of the transaction before a count that caps what they may add: two tabs (or
 * two phones) adding at once then count one after the other, and the second sees the first.
 */
export async function lockStudentForCount(ctx: AppContext, student: Student): Promise<void> {
  await ctx.em.execute('select 1 from student where id = ? for update', [student.id]);
}

function newVersion(
  ctx: AppContext,
  outcome: CourseOutcome,
  version: number,
  description: string,
  files: EvidenceFiles,
): CourseOutcomeVersion {
  return ctx.em.create(CourseOutcomeVersion, {
    school: outcome.school,
    outcome,
    version,
    description: description.trim(),
    document: files.document,
    media: files.media,
    status: CertificationStatus.PENDING,
    createdAt: ctx.services.clock.now(),
  });
}

/**
 * A student uploads a course learning outcome for one of their own enrolments, inside the term's upload window and
 * under the school's cap per term. It waits for the subject teacher's certification.
 */
export async function uploadCourseOutcome(
  ctx: AppContext,
  input: UploadCourseOutcomeInput,
): Promise<Result<CourseOutcome>> {
  const { viewer, student } = await requireStudent(ctx);
  const enrolmentId = idOfType(input.enrolmentId, 'Enrolment');
  const enrolment = enrolmentId
    ? await ctx.em.findOne(Enrolment, { id: enrolmentId, student }, { populate: ['section.course'] })
    : null;
  if (!enrolment) {
    return {
      value: null,
      userErrors: [userError('enrolmentId', 'ENROLMENT_NOT_FOUND', '找不到您的這筆修課紀錄，請重新選擇課程。')],
    };
  }
  const term = await ctx.em.findOneOrFail(Term, { id: enrolment.section.getEntity().course.getEntity().term.id });
  const window = await ctx.services.windows.check(ctx.em, {
    period: { termId: term.id },
    kind: TaskKind.UPLOAD_COURSE_OUTCOMES,
    studentId: student.id,
  });
  if (window.userError) return { value: null, userErrors: [window.userError] };

  const errors: UserError[] = [];
  const description = descriptionProblem(input.description);
  if (description) errors.push(description);
  const { files, errors: fileErrors } = await evidenceFiles(ctx, input, true);
  errors.push(...fileErrors);
  const school = await ctx.em.findOneOrFail(School, { id: viewer.schoolId! });
  if (school.outcomeUploadCap) {
    await lockStudentForCount(ctx, student);
    const count = await ctx.em.count(CourseOutcome, { student, term });
    if (count >= school.outcomeUploadCap) {
      errors.push(
        userError(
          'enrolmentId',
          'OUTCOME_CAP_REACHED',
          `本校每學期最多上傳 ${school.outcomeUploadCap} 件課程學習成果，您本學期已上傳 ${count} 件。`,
        ),
      );
    }
  }
  if (errors.length > 0) return { value: null, userErrors: errors };

  const now = ctx.services.clock.now();
  const outcome = ctx.em.create(CourseOutcome, {
    school,
    student,
    enrolment,
    term,
    academicYear: term.academicYear,
    kind: input.kind,
    status: CertificationStatus.PENDING,
    createdAt: now,
    updatedAt: now,
  });
  newVersion(ctx, outcome, 1, input.description, files);
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'outcome.upload',
    targetIds: [outcome.id],
    detail: { document: files.document?.sha256 ?? null, media: files.media?.sha256 ?? null },
  });
  return { value: outcome, userErrors: [] };
}

/**
 * When a file may be replaced: inside the upload window, or, for an outcome that was not certified, while
 * certification is still open (補件, `REPLACE_REJECTED_DURING_CERTIFICATION`). Otherwise the upload window's answer.
 */
async function replacementWindowProblem(
  ctx: AppContext,
  outcome: CourseOutcome,
  studentId: string,
): Promise<UserError | null> {
  const upload = await ctx.services.windows.check(ctx.em, {
    period: { termId: outcome.term.id },
    kind: TaskKind.UPLOAD_COURSE_OUTCOMES,
    studentId,
  });
  if (!upload.userError) return null;
  if (outcome.status !== CertificationStatus.REJECTED) return upload.userError;
  if (!ctx.services.config.portfolio.replaceRejectedDuringCertification) return upload.userError;
  const certification = await ctx.services.windows.check(ctx.em, {
    period: { termId: outcome.term.id },
    kind: TaskKind.CERTIFY_COURSE_OUTCOMES,
    studentId,
  });
  return certification.userError ? upload.userError : null;
}

/**
 * The student replaces the file of an outcome not yet certified (waiting, or not passed): a new version that waits
 * for certification again, with the new file and the one not replaced. Earlier versions stay as they were.
 */
export async function replaceCourseOutcome(
  ctx: AppContext,
  input: ReplaceCourseOutcomeInput,
): Promise<Result<CourseOutcome>> {
  const { viewer, student } = await requireStudent(ctx);
  const id = idOfType(input.outcomeId, 'CourseOutcome');
  const outcome = id ? await ctx.em.findOne(CourseOutcome, { id, student }) : null;
  if (!outcome) throw notFound('課程學習成果');
  if (outcome.status === CertificationStatus.CERTIFIED) {
    return {
      value: null,
      userErrors: [userError('outcomeId', 'ALREADY_CERTIFIED', '這件成果已通過認證，不能更換檔案。')],
    };
  }
  const windowProblem = await replacementWindowProblem(ctx, outcome, student.id);
  if (windowProblem) return { value: null, userErrors: [windowProblem] };

  const current = await ctx.em.findOneOrFail(CourseOutcomeVersion, { outcome, version: outcome.currentVersion });
  const description = input.description ?? current.description;
  const errors: UserError[] = [];
  const problem = descriptionProblem(description);
  if (problem) errors.push(problem);
  const { files, errors: fileErrors } = await evidenceFiles(ctx, input, true);
  errors.push(...fileErrors);
  if (errors.length > 0) return { value: null, userErrors: errors };

  outcome.currentVersion += 1;
  outcome.status = CertificationStatus.PENDING;
  outcome.updatedAt = ctx.services.clock.now();
  // A file not replaced stays: a new document keeps the earlier video, and the other way round.
  newVersion(ctx, outcome, outcome.currentVersion, description, {
    document: files.document ?? (current.document ? await ctx.loaders.uploadById.load(current.document.id) : null),
    media: files.media ?? (current.media ? await ctx.loaders.uploadById.load(current.media.id) : null),
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'outcome.replace',
    targetIds: [outcome.id],
    detail: { version: outcome.currentVersion },
  });
  return { value: outcome, userErrors: [] };
}

/** How many outcomes each student may upload per term at this school (教學組; null: no cap). */
export async function setOutcomeUploadCap(ctx: AppContext, cap: number | null): Promise<Result<School>> {
  const viewer = ctx.viewer;
  if (!maySetOutcomeUploadCap(viewer)) throw forbidden('設定上傳上限（限教學組）');
  if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 100)) {
    return {
      value: null,
      userErrors: [userError('cap', 'INVALID_CAP', '上限必須是 1 到 100 的整數，或留空表示不限。')],
    };
  }
  const school = await ctx.em.findOneOrFail(School, { id: viewer!.schoolId! });
  school.outcomeUploadCap = cap;
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer!, ctx.requestId, { operation: 'school.outcome_cap', detail: { cap } });
  return { value: school, userErrors: [] };
}
