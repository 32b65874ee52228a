import type { AppContext } from '../../common/context.js';
import { idOfType } from '../../common/ids.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Student } from '../people/student.entity.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import type { DeletePerformanceInput, RecordPerformanceInput, UpdatePerformanceInput } from './dto/portfolio.input.js';
import { descriptionProblem, evidenceFiles } from './evidence-files.js';
import { requireStudent } from './outcome.service.js';
import { categoryNotOffered, checkPerformanceDetails, PERFORMANCE_FIELDS } from './performance-fields.js';
import { PERFORMANCE_CATEGORY_LABELS, type PerformanceCategory } from './portfolio.enums.js';

const LINK = /^https?:\/\/[^\s]+$/i;

/** What a performance says besides its files, as a student records it or staff correct it. */
export interface PerformanceText {
  category: PerformanceCategory;
  title: string;
  details: { key: string; value: string }[];
  description: string;
  externalLink?: string | null;
}

/** The clean values of a performance's text, or every problem with it (in Chinese, by field). */
export function checkPerformanceText(input: PerformanceText): {
  values: { title: string; details: Record<string, string>; description: string; externalLink: string | null };
  errors: UserError[];
} {
  const errors: UserError[] = [];
  const title = input.title.trim();
  if (title.length === 0 || [...title].length > 100) {
    errors.push(userError('title', 'INVALID_TITLE', '請填寫名稱（100 字以內）。'));
  }
  const description = descriptionProblem(input.description);
  if (description) errors.push(description);
  const { details, problems } = checkPerformanceDetails(input.category, input.details);
  for (const problem of problems) errors.push(userError(`details.${problem.key}`, problem.code, problem.message));
  // Schemes are case-insensitive (HTTPS://… works in a browser); stored in lower case as the table's CHECK expects.
  const link = input.externalLink?.trim().replace(/^https?:/i, (scheme) => scheme.toLowerCase()) || null;
  if (link && (!LINK.test(link) || link.length > 500)) {
    errors.push(userError('externalLink', 'INVALID_LINK', '外部連結必須是 http:// 或 https:// 開頭的網址。'));
  }
  return { values: { title, details, description: input.description.trim(), externalLink: link }, errors };
}

/** One line per field of a performance as a person reads it, for the answer to a dispute and the audit. */
export function performanceFacts(performance: {
  category: PerformanceCategory;
  title: string;
  details: Record<string, string>;
  description: string;
  externalLink?: string | null;
}): Record<string, string> {
  const facts: Record<string, string> = {
    類別: PERFORMANCE_CATEGORY_LABELS[performance.category] ?? performance.category,
    名稱: performance.title,
  };
  for (const field of PERFORMANCE_FIELDS[performance.category] ?? []) {
    facts[field.label] = performance.details[field.key] ?? '';
  }
  facts['簡述'] = performance.description;
  facts['外部連結'] = performance.externalLink ?? '';
  return facts;
}

/**
 * A student records a diverse performance of the current academic year, inside the performance upload window:
 * the category's fields, a 簡述, and optionally a document, an audio or video file and an external link.
 */
export async function recordPerformance(
  ctx: AppContext,
  input: RecordPerformanceInput,
): Promise<Result<DiversePerformance>> {
  const { viewer, student } = await requireStudent(ctx);
  const notOffered = categoryNotOffered(input.category, ctx.services.config.portfolio.performanceCategories);
  if (notOffered) return { value: null, userErrors: [userError('category', notOffered.code, notOffered.message)] };
  const term = await ctx.loaders.currentTerm();
  if (!term) {
    return { value: null, userErrors: [userError(null, 'NO_CURRENT_TERM', '目前不在任何學期內，無法登錄多元表現。')] };
  }
  const window = await ctx.services.windows.check(ctx.em, {
    period: { academicYearId: term.academicYear.id },
    kind: TaskKind.UPLOAD_PERFORMANCES,
    studentId: student.id,
  });
  if (window.userError) return { value: null, userErrors: [window.userError] };

  const { values, errors } = checkPerformanceText(input);
  const { files, errors: fileErrors } = await evidenceFiles(ctx, input, false);
  errors.push(...fileErrors);
  if (errors.length > 0) return { value: null, userErrors: errors };

  const now = ctx.services.clock.now();
  const performance = ctx.em.create(DiversePerformance, {
    school: viewer.schoolId!,
    student,
    academicYear: term.academicYear,
    category: input.category,
    ...values,
    document: files.document,
    media: files.media,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, { operation: 'performance.record', targetIds: [performance.id] });
  return { value: performance, userErrors: [] };
}

/**
 * Why a student may not change their performances of an academic year now, or null when they may: the year's
 * 多元表現上傳 window must be open for them (extensions count), the year not finally submitted for them, and no
 * submission of the year's 多元表現 may carry a row of theirs yet (what the central database has is then corrected
 * through 收訖明細 and a dispute, by the section).
 */
export async function ownPerformanceChangeProblem(
  ctx: AppContext,
  student: Student,
  academicYearId: string,
  field: string | null,
): Promise<UserError | null> {
  const window = await ctx.services.windows.check(
    ctx.em,
    { period: { academicYearId }, kind: TaskKind.UPLOAD_PERFORMANCES, studentId: student.id },
    field,
  );
  if (window.userError) return window.userError;
  const [lock] = await ctx.em.execute<{ label: string | null }[]>(
    `select final_lock_label(?, null, ?, ?, 'PERFORMANCES') as label`,
    [student.schoolId, academicYearId, student.id],
  );
  if (lock?.label) {
    return userError(
      field,
      'TERM_FINALIZED',
      `${lock.label}的「多元表現」已完成最終提交，資料不能再新增、修改或刪除。`,
    );
  }
  const [submitted] = await ctx.em.execute<{ n: number }[]>(
    `select count(*)::int as n
       from submission_row r
       join submission s on s.school_id = r.school_id and s.id = r.submission_id
       join term t on t.school_id = s.school_id and t.id = s.term_id
      where r.student_id = ? and s.category = 'PERFORMANCES' and t.academic_year_id = ?`,
    [student.id, academicYearId],
  );
  if ((submitted?.n ?? 0) > 0) {
    return userError(
      field,
      'ALREADY_SUBMITTED',
      '這個學年的多元表現已提交至中央資料庫，不能再修改或刪除；如內容有誤，請在「收訖明細確認」提出疑義，由學校更正。',
    );
  }
  return null;
}

async function ownPerformance(
  ctx: AppContext,
  student: Student,
  globalId: string,
): Promise<{ performance: DiversePerformance | null; error: UserError | null }> {
  const id = idOfType(globalId, 'DiversePerformance');
  const performance = id ? await ctx.em.findOne(DiversePerformance, { id, student }) : null;
  if (!performance) {
    return {
      performance: null,
      error: userError('performanceId', 'PERFORMANCE_NOT_FOUND', '找不到您的這筆多元表現，未做任何變更。'),
    };
  }
  return { performance, error: null };
}

const changedFacts = (before: Record<string, string>, after: Record<string, string>) => {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => (before[key] ?? '') !== (after[key] ?? ''),
  );
  const pick = (facts: Record<string, string>) => Object.fromEntries(fields.map((key) => [key, facts[key] ?? '']));
  return { fields, before: pick(before), after: pick(after) };
};

function audit(ctx: AppContext, viewer: Viewer, operation: string, performance: DiversePerformance, detail: object) {
  return recordAudit(ctx.em, viewer, ctx.requestId, {
    operation,
    targetIds: [performance.id, performance.student.id],
    detail: { ...detail },
  });
}

/**
 * A student changes one of their own performances (its category, fields, 簡述, link, and a file replaced by a new
 * upload) under the rule of ownPerformanceChangeProblem. A selected performance stays selected.
 */
export async function updateOwnPerformance(
  ctx: AppContext,
  input: UpdatePerformanceInput,
): Promise<Result<DiversePerformance>> {
  const { viewer, student } = await requireStudent(ctx);
  const { performance, error } = await ownPerformance(ctx, student, input.performanceId);
  if (!performance) return { value: null, userErrors: [error!] };
  const problem = await ownPerformanceChangeProblem(ctx, student, performance.academicYear.id, 'performanceId');
  if (problem) return { value: null, userErrors: [problem] };
  // A category the school no longer offers may stay as it was recorded; choosing it anew is refused.
  const notOffered =
    input.category === performance.category
      ? null
      : categoryNotOffered(input.category, ctx.services.config.portfolio.performanceCategories);
  if (notOffered) return { value: null, userErrors: [userError('category', notOffered.code, notOffered.message)] };
  const { values, errors } = checkPerformanceText(input);
  const { files, errors: fileErrors } = await evidenceFiles(ctx, input, false);
  errors.push(...fileErrors);
  if (errors.length > 0) return { value: null, userErrors: errors };

  const before = performanceFacts(performance);
  Object.assign(performance, {
    category: input.category,
    ...values,
    ...(files.document ? { document: files.document } : {}),
    ...(files.media ? { media: files.media } : {}),
    updatedAt: ctx.services.clock.now(),
  });
  const changed = changedFacts(before, performanceFacts(performance));
  const replaced = [files.document ? '文件' : null, files.media ? '影音' : null].filter(Boolean) as string[];
  if (changed.fields.length === 0 && replaced.length === 0) {
    return {
      value: null,
      userErrors: [userError(null, 'NOTHING_CHANGED', '內容與原本相同，未做任何變更。')],
    };
  }
  await ctx.em.flush();
  // Which fields, not their values: the audit log is read by every office account and kept for good.
  await audit(ctx, viewer, 'performance.update', performance, { fields: [...changed.fields, ...replaced] });
  return { value: performance, userErrors: [] };
}

/** A student deletes one of their own performances under the rule of ownPerformanceChangeProblem. */
export async function deleteOwnPerformance(
  ctx: AppContext,
  input: DeletePerformanceInput,
): Promise<Result<{ id: string }>> {
  const { viewer, student } = await requireStudent(ctx);
  const { performance, error } = await ownPerformance(ctx, student, input.performanceId);
  if (!performance) return { value: null, userErrors: [error!] };
  const problem = await ownPerformanceChangeProblem(ctx, student, performance.academicYear.id, 'performanceId');
  if (problem) return { value: null, userErrors: [problem] };
  const globalId = performance.globalId;
  await audit(ctx, viewer, 'performance.delete', performance, {
    category: performance.category,
    selected: Boolean(performance.selectedAt),
  });
  ctx.em.remove(performance);
  await ctx.em.flush();
  return { value: { id: globalId }, userErrors: [] };
}
