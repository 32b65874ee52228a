import type { AppContext } from '../../common/context.js';
import type { DataPeriod } from '../../common/data-period.js';
import {
  CATEGORY_LABELS,
  GRADE12_ROUND_CATEGORIES,
  isAnnualCategory,
  type SubmissionCategory,
} from '../../common/submission-category.js';
import { userError, type UserError } from '../../common/user-error.js';
import type { Term } from '../term/term.entity.js';
import type { RoundCategory } from './final-lock.js';

/**
 * A round (梯次) is held for a term: its 基本資料 and 修課紀錄 are that term's, and on a second term it also carries the
 * academic year's 課程學習成果 and 多元表現 (DOMAIN.md §3). The 高三 round is held for the second term of grade-12
 * students' last year and carries their 基本資料 and the year's items, no 修課紀錄.
 */
export interface RoundTerm {
  year: number;
  semester: number;
}

/** A term's year and semester, as the round's rules read them. */
export async function roundTermOf(ctx: AppContext, term: Term): Promise<RoundTerm> {
  const year = (await ctx.loaders.academicYearById.load(term.academicYear.id))!;
  return { year: year.year, semester: term.semester };
}

/** The data a category's package of this round covers. */
export function packagePeriod(term: RoundTerm, category: SubmissionCategory): DataPeriod {
  return { year: term.year, semester: isAnnualCategory(category) ? 0 : (term.semester as 1 | 2) };
}

/** Why this category cannot be submitted or locked in this round, if it cannot. */
export function roundCategoryProblem(
  term: RoundTerm,
  category: SubmissionCategory,
  grade12Round: boolean,
  field: string | null,
): UserError | null {
  const label = CATEGORY_LABELS[category];
  if (grade12Round && (term.semester !== 2 || !GRADE12_ROUND_CATEGORIES.includes(category))) {
    return userError(
      field,
      'NOT_IN_GRADE12_ROUND',
      `高三升學前梯次只在第2學期，提交基本資料、課程學習成果與多元表現；「${label}」不在這個梯次提交。`,
    );
  }
  if (isAnnualCategory(category) && term.semester !== 2) {
    return userError(
      field,
      'ANNUAL_CATEGORY',
      `「${label}」每學年提交一次：請在 ${term.year}學年度第2學期的梯次提交，內容為整個 ${term.year}學年度。`,
    );
  }
  return null;
}

/**
 * The round a submit or finalise request names, read from its arguments (the 高三 round only when asked for), with
 * the reason it cannot carry the category, if any.
 */
export async function roundOfRequest(
  ctx: AppContext,
  term: Term,
  input: { category: SubmissionCategory; grade12Round?: boolean | null },
): Promise<{ round: RoundCategory; problem: UserError | null }> {
  const round: RoundCategory = { termId: term.id, category: input.category, grade12Round: input.grade12Round ?? false };
  const problem = roundCategoryProblem(await roundTermOf(ctx, term), round.category, round.grade12Round, 'category');
  return { round, problem };
}
