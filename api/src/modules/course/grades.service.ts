import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { requireViewer } from '../../common/auth-checker.js';
import { recordAudit } from '../audit/audit.service.js';
import { UserAccount } from '../people/user-account.entity.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import type { EnterGradesInput, GradeInput } from './dto/grades.input.js';
import { CourseSection, Enrolment } from './course.entity.js';

export const PASSING_GRADE = 60;
export const MAX_GRADES_PER_REQUEST = 200;
export const MAX_NOTE_LENGTH = 200;

export function gradeProblem(value: number | null | undefined, field: string, label: string): UserError | null {
  if (value === null || value === undefined) return null;
  // Two decimals as the number prints, not as binary floating point multiplies: 64.1 * 100 is 6409.999999999999.
  if (!Number.isFinite(value) || value < 0 || value > 100 || Number(value.toFixed(2)) !== value) {
    return userError(field, 'INVALID_GRADE', `${label}必須介於 0 到 100 之間，最多兩位小數。`);
  }
  return null;
}

/** Problems of one student's row in the grade grid. */
function rowErrors(grade: GradeInput, index: number): UserError[] {
  const field = `grades.${index}`;
  return [
    gradeProblem(grade.termGrade, `${field}.termGrade`, '學期成績'),
    gradeProblem(grade.makeupGrade, `${field}.makeupGrade`, '補考成績'),
    (grade.qualitativeNote?.length ?? 0) > MAX_NOTE_LENGTH
      ? userError(`${field}.qualitativeNote`, 'NOTE_TOO_LONG', `質性描述最多 ${MAX_NOTE_LENGTH} 個字。`)
      : null,
  ].filter((error): error is UserError => error !== null);
}

/**
 * A subject teacher enters grades for one of their own sections, inside the term's GRADE_ENTRY window. Every row is
 * checked before anything is written: one bad row leaves all of them as they were.
 */
export async function enterGrades(ctx: AppContext, input: EnterGradesInput): Promise<Result<Enrolment[]>> {
  const viewer = requireViewer(ctx);
  const sectionId = idOfType(input.sectionId, 'CourseSection');
  const section = sectionId ? await ctx.em.findOne(CourseSection, { id: sectionId }, { populate: ['course'] }) : null;
  if (!section) throw notFound('開課班別');
  if (section.teacher?.id !== viewer.accountId) throw forbidden('登錄其他老師任教班級的成績');

  const window = await ctx.services.windows.check(ctx.em, {
    period: { termId: section.course.getEntity().term.id },
    kind: TaskKind.GRADE_ENTRY,
  });
  if (window.userError) return { value: null, userErrors: [window.userError] };

  const errors: UserError[] = [];
  if (input.grades.length > MAX_GRADES_PER_REQUEST) {
    errors.push(userError('grades', 'TOO_MANY_ROWS', `一次最多登錄 ${MAX_GRADES_PER_REQUEST} 位學生的成績。`));
  }
  const ids = input.grades.map((grade) => idOfType(grade.enrolmentId, 'Enrolment'));
  const enrolments = await ctx.em.find(Enrolment, {
    section,
    id: { $in: ids.filter((id): id is string => id !== null) },
  });
  const byId = new Map(enrolments.map((enrolment) => [enrolment.id, enrolment]));
  const seen = new Set<string>();
  input.grades.forEach((grade, index) => {
    const id = ids[index];
    if (!id || !byId.has(id)) {
      errors.push(userError(`grades.${index}.enrolmentId`, 'NOT_IN_SECTION', '這位學生不在這個開課班別。'));
    } else if (seen.has(id)) {
      errors.push(userError(`grades.${index}.enrolmentId`, 'DUPLICATE_ROW', '同一位學生出現了兩次。'));
    } else seen.add(id);
    errors.push(...rowErrors(grade, index));
  });
  if (errors.length > 0) return { value: null, userErrors: errors };

  const now = ctx.services.clock.now();
  const teacher = ctx.em.getReference(UserAccount, viewer.accountId);
  input.grades.forEach((grade, index) => {
    const enrolment = byId.get(ids[index]!)!;
    const termGrade = grade.termGrade ?? null;
    Object.assign(enrolment, {
      termGrade,
      passed: grade.passed ?? (termGrade === null ? null : termGrade >= PASSING_GRADE),
      makeupGrade: grade.makeupGrade ?? null,
      creditsCounted: grade.creditsCounted ?? null,
      qualitativeNote: grade.qualitativeNote?.trim() || null,
      gradedBy: teacher,
      gradedAt: now,
    });
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'grades.enter',
    targetIds: [section.id, ...enrolments.map((enrolment) => enrolment.id)],
  });
  return { value: input.grades.map((_, index) => byId.get(ids[index]!)!), userErrors: [] };
}
