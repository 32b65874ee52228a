import type { AppContext } from '../../common/context.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import type { RecordPerformanceInput } from './dto/portfolio.input.js';
import { descriptionProblem, evidenceFiles } from './evidence-files.js';
import { requireStudent } from './outcome.service.js';
import { checkPerformanceDetails } from './performance-fields.js';

const LINK = /^https?:\/\/[^\s]+$/i;

/**
 * A student records a diverse performance of the current academic year, inside the performance upload window:
 * the category's fields, a 簡述, and optionally a document, an audio or video file and an external link.
 */
export async function recordPerformance(
  ctx: AppContext,
  input: RecordPerformanceInput,
): Promise<Result<DiversePerformance>> {
  const { viewer, student } = await requireStudent(ctx);
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
  const { files, errors: fileErrors } = await evidenceFiles(ctx, input, false);
  errors.push(...fileErrors);
  if (errors.length > 0) return { value: null, userErrors: errors };

  const now = ctx.services.clock.now();
  const performance = ctx.em.create(DiversePerformance, {
    school: viewer.schoolId!,
    student,
    academicYear: term.academicYear,
    category: input.category,
    title,
    details,
    description: input.description.trim(),
    document: files.document,
    media: files.media,
    externalLink: link,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, { operation: 'performance.record', targetIds: [performance.id] });
  return { value: performance, userErrors: [] };
}
