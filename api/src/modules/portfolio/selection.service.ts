import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../common/context.js';
import { tenantSchoolOf } from '../../common/loaders.js';
import { pgTextArray } from '../../common/sql.js';
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

/** Whose progress, in which term (and the term's academic year, for the performances). */
export interface ProgressKey {
  studentId: string;
  termId: string;
  academicYearId: string;
}

export const progressKeyOf = (key: ProgressKey): string => `${key.termId}/${key.academicYearId}/${key.studentId}`;

export const NO_PROGRESS: PortfolioCounts = {
  outcomes: 0,
  pending: 0,
  certified: 0,
  rejected: 0,
  outcomesSelected: 0,
  performances: 0,
  performancesSelected: 0,
};

interface ProgressRow {
  part: 'outcomes' | 'performances';
  student_id: string;
  total: number;
  pending: number;
  certified: number;
  rejected: number;
  selected: number;
}

/**
 * Counts students' outcomes of one term and performances of its academic year, in PostgreSQL: a homeroom page asks
 * this for forty students, and loading every outcome they ever uploaded only to count them cost more than the page.
 * One statement per (term, year) among the keys; the school is the request's tenant.
 */
export async function portfolioCountsOf(
  em: EntityManager,
  keys: readonly ProgressKey[],
): Promise<Map<string, PortfolioCounts>> {
  const schoolId = tenantSchoolOf(em);
  const found = new Map<string, PortfolioCounts>();
  if (!schoolId) return found;
  const byTerm = new Map<string, ProgressKey[]>();
  for (const key of keys) {
    const termKey = `${key.termId}/${key.academicYearId}`;
    const group = byTerm.get(termKey);
    if (group) group.push(key);
    else byTerm.set(termKey, [key]);
  }
  for (const group of byTerm.values()) {
    const { termId, academicYearId } = group[0]!;
    const studentIds = [...new Set(group.map((key) => key.studentId))];
    const rows = await em.execute<ProgressRow[]>(
      `select 'outcomes' as part, student_id, count(*)::int as total,
              count(*) filter (where status = ?)::int as pending,
              count(*) filter (where status = ?)::int as certified,
              count(*) filter (where status = ?)::int as rejected,
              count(selected_at)::int as selected
         from course_outcome where school_id = ? and term_id = ? and student_id = any(?) group by student_id
       union all
       select 'performances', student_id, count(*)::int, 0, 0, 0, count(selected_at)::int
         from diverse_performance where school_id = ? and academic_year_id = ? and student_id = any(?)
        group by student_id`,
      [
        CertificationStatus.PENDING,
        CertificationStatus.CERTIFIED,
        CertificationStatus.REJECTED,
        schoolId,
        termId,
        pgTextArray(studentIds),
        schoolId,
        academicYearId,
        pgTextArray(studentIds),
      ],
    );
    const counts = new Map(studentIds.map((id) => [id, { ...NO_PROGRESS }]));
    for (const row of rows) {
      const student = counts.get(row.student_id);
      if (!student) continue;
      if (row.part === 'outcomes') {
        student.outcomes = row.total;
        student.pending = row.pending;
        student.certified = row.certified;
        student.rejected = row.rejected;
        student.outcomesSelected = row.selected;
      } else {
        student.performances = row.total;
        student.performancesSelected = row.selected;
      }
    }
    for (const key of group) found.set(progressKeyOf(key), counts.get(key.studentId)!);
  }
  return found;
}
