import type { AppContext } from '../../../common/context.js';
import { grade12CohortOf } from '../../../common/data-period.js';
import { formatRocDateTime } from '../../../common/roc.js';
import { SubmissionCategory } from '../../../common/submission-category.js';
import { TaskKind } from '../../timeline/timeline.enums.js';
import type { Term } from '../../term/term.entity.js';
import type { RoundTerm } from '../round-cadence.js';

/** What the console says before one category of a round is submitted or locked. */
export interface CategoryReadiness {
  /** Why 提交 is not offered now (its window is not open), or null. */
  submitWindowProblem: string | null;
  /** Why 完成最終提交 is not offered now, or null. */
  finalWindowProblem: string | null;
  /** Reasons to think twice before submitting: the students' selection still open, few students selected. */
  warnings: string[];
}

/** Below this share of students with anything selected, submitting an annual category is probably too early. */
const FEW_SELECTED_SHARE = 0.5;

const SELECTION: Partial<Record<SubmissionCategory, { kind: TaskKind; table: string; noun: string }>> = {
  [SubmissionCategory.COURSE_OUTCOMES]: {
    kind: TaskKind.SELECT_COURSE_OUTCOMES,
    table: 'course_outcome',
    noun: '課程學習成果',
  },
  [SubmissionCategory.PERFORMANCES]: {
    kind: TaskKind.SELECT_PERFORMANCES,
    table: 'diverse_performance',
    noun: '多元表現',
  },
};

/**
 * The windows that decide which console actions are offered, asked of the window policy every action is checked by,
 * and the warnings for the year's selected items: a package built while students may still select misses what they
 * select afterwards, and one built when few have selected is usually a mistake.
 */
export async function categoryReadiness(
  ctx: AppContext,
  term: Term,
  roundTerm: RoundTerm,
  grade12Round: boolean,
  categories: SubmissionCategory[],
): Promise<Map<SubmissionCategory, CategoryReadiness>> {
  const { em } = ctx;
  const windows = ctx.services.windows;
  const period = { termId: term.id };
  const now = ctx.services.clock.now();
  const finalWindow = await windows.check(em, { period, kind: TaskKind.FINAL_SUBMIT, grade12Round });
  const readiness = new Map<SubmissionCategory, CategoryReadiness>();
  for (const category of categories) {
    const submitWindow = await windows.check(em, { period, kind: TaskKind.SUBMIT, category, grade12Round });
    const warnings: string[] = [];
    const selection = SELECTION[category];
    if (selection) {
      const select = await windows.check(em, { period, kind: selection.kind, grade12Round });
      if (select.task && select.effectiveEndsAt && now < select.effectiveEndsAt) {
        warnings.push(
          `學生的「${select.task.label}」到 ${formatRocDateTime(select.effectiveEndsAt)} 才截止：現在提交的名冊不含之後的勾選，建議截止後再提交。`,
        );
      }
      const grade12Cohort = grade12CohortOf(roundTerm.year);
      const [counts] = await em.execute<{ students: number; selecting: number }[]>(
        `select count(*)::int as students,
                count(*) filter (where exists (
                  select 1 from ${selection.table} i
                   where i.school_id = s.school_id and i.student_id = s.id
                     and i.academic_year_id = ? and i.selected_at is not null))::int as selecting
           from student s
          where s.status = 'ENROLLED' and s.cohort between ? and ?`,
        // Grades 10–12 of the year; the 高三 round's grade 12 only.
        [term.academicYear.id, grade12Cohort, grade12Round ? grade12Cohort : roundTerm.year],
      );
      const students = counts?.students ?? 0;
      const selecting = counts?.selecting ?? 0;
      if (students > 0 && selecting < students * FEW_SELECTED_SHARE) {
        warnings.push(
          `${students} 位學生中只有 ${selecting} 位勾選了${selection.noun}（${Math.round((selecting / students) * 100)}%）：請確認學生已完成勾選再提交。`,
        );
      }
    }
    if (category === SubmissionCategory.PERFORMANCES) {
      // 彈性學習時間's kind became required after students had recorded some (universities read it): those would go
      // with an empty kind. Their students may still edit them before the submission, or staff correct them after.
      const [missing] = await em.execute<{ n: number }[]>(
        `select count(*)::int as n from diverse_performance
          where academic_year_id = ? and selected_at is not null and category = 'FLEXIBLE_LEARNING'
            and coalesce(details->>'kind', '') = ''`,
        [term.academicYear.id],
      );
      if ((missing?.n ?? 0) > 0) {
        warnings.push(
          `${missing!.n} 件已勾選的「彈性學習時間」沒有填「彈性學習時間類別」（大學會參考）：請學生在提交前修改，或於疑義處理時更正。`,
        );
      }
    }
    readiness.set(category, {
      submitWindowProblem: submitWindow.userError?.message ?? null,
      finalWindowProblem: finalWindow.userError?.message ?? null,
      warnings,
    });
  }
  return readiness;
}
