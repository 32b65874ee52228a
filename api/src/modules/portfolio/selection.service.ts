import type { AppContext } from '../../common/context.js';
import { fromGlobalId } from '../../common/ids.js';
import { type Result, userError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Student } from '../people/student.entity.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { CourseOutcome } from './course-outcome.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import type { SelectItemInput } from './dto/portfolio.input.js';
import { lockStudentForCount, requireStudent } from './outcome.service.js';
import { CertificationStatus } from './portfolio.enums.js';
import type { Term } from '../term/term.entity.js';

export interface SelectionCount {
  academicYearId: string;
  outcomesSelected: number;
  outcomesMax: number;
  performancesSelected: number;
  performancesMax: number;
}

/** How many items the student has selected in an academic year, against the caps. */
export async function selectionCount(
  ctx: AppContext,
  student: Student,
  academicYearId: string,
): Promise<SelectionCount> {
  const [row] = await ctx.em.execute<{ outcomes: number; performances: number }[]>(
    `select
       (select count(*)::int from course_outcome
        where student_id = ? and academic_year_id = ? and selected_at is not null) as outcomes,
       (select count(*)::int from diverse_performance
        where student_id = ? and academic_year_id = ? and selected_at is not null) as performances`,
    [student.id, academicYearId, student.id, academicYearId],
  );
  return {
    academicYearId,
    outcomesSelected: row?.outcomes ?? 0,
    outcomesMax: ctx.services.config.portfolio.maxSelectedOutcomes,
    performancesSelected: row?.performances ?? 0,
    performancesMax: ctx.services.config.portfolio.maxSelectedPerformances,
  };
}

type Selectable = CourseOutcome | DiversePerformance;

/**
 * A student selects (勾選) an item for the central database, or takes it back, inside the selection window. The cap
 * per academic year holds even for two tabs selecting at once: the student's row is locked for the rest of the
 * transaction before counting, so the second selection counts the first.
 */
export async function selectItem(ctx: AppContext, input: SelectItemInput): Promise<Result<Selectable>> {
  const { viewer, student } = await requireStudent(ctx);
  const decoded = fromGlobalId(input.itemId);
  let item: Selectable | null = null;
  if (decoded?.typeName === 'CourseOutcome') item = await ctx.em.findOne(CourseOutcome, { id: decoded.id, student });
  if (decoded?.typeName === 'DiversePerformance') {
    item = await ctx.em.findOne(DiversePerformance, { id: decoded.id, student });
  }
  if (!item) {
    return { value: null, userErrors: [userError('itemId', 'ITEM_NOT_FOUND', '找不到您的這個項目。')] };
  }
  const isOutcome = item instanceof CourseOutcome;
  // The year's outcomes and performances are selected once, in the window of the item's academic year.
  const window = await ctx.services.windows.check(
    ctx.em,
    {
      period: { academicYearId: item.academicYear.id },
      kind: isOutcome ? TaskKind.SELECT_COURSE_OUTCOMES : TaskKind.SELECT_PERFORMANCES,
      studentId: student.id,
    },
    'itemId',
  );
  if (window.userError) return { value: null, userErrors: [window.userError] };
  if ((item.selectedAt !== null && item.selectedAt !== undefined) === input.selected) {
    return { value: item, userErrors: [] };
  }

  if (input.selected) {
    if (item instanceof CourseOutcome && item.status !== CertificationStatus.CERTIFIED) {
      return {
        value: null,
        userErrors: [userError('itemId', 'NOT_CERTIFIED', '只有已通過認證的課程學習成果可以勾選。')],
      };
    }
    await lockStudentForCount(ctx, student);
    const count = await selectionCount(ctx, student, item.academicYear.id);
    const [selected, max, label] = isOutcome
      ? [count.outcomesSelected, count.outcomesMax, '課程學習成果']
      : [count.performancesSelected, count.performancesMax, '多元表現'];
    if (selected >= max) {
      return {
        value: null,
        userErrors: [
          userError(
            'itemId',
            'SELECTION_LIMIT_REACHED',
            `本學年的${label}最多勾選 ${max} 件，您已勾選 ${selected} 件；請先取消一件再勾選。`,
          ),
        ],
      };
    }
  }
  item.selectedAt = input.selected ? ctx.services.clock.now() : null;
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: input.selected ? 'selection.add' : 'selection.remove',
    targetIds: [item.id],
  });
  return { value: item, userErrors: [] };
}

/** A student's portfolio in numbers: outcomes of a term by certification, performances of its year, and selections. */
export interface PortfolioCounts {
  outcomes: number;
  pending: number;
  certified: number;
  rejected: number;
  outcomesSelected: number;
  performances: number;
  performancesSelected: number;
}

/** Counts a student's outcomes of one term and performances of its academic year. */
export function portfolioProgress(
  outcomes: CourseOutcome[],
  performances: DiversePerformance[],
  term: Term,
): PortfolioCounts {
  const inTerm = outcomes.filter((outcome) => outcome.term.id === term.id);
  const ofYear = performances.filter((performance) => performance.academicYear.id === term.academicYear.id);
  const count = (status: CertificationStatus) => inTerm.filter((outcome) => outcome.status === status).length;
  return {
    outcomes: inTerm.length,
    pending: count(CertificationStatus.PENDING),
    certified: count(CertificationStatus.CERTIFIED),
    rejected: count(CertificationStatus.REJECTED),
    outcomesSelected: inTerm.filter((outcome) => outcome.selectedAt).length,
    performances: ofYear.length,
    performancesSelected: ofYear.filter((performance) => performance.selectedAt).length,
  };
}
