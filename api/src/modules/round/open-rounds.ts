import type { EntityManager } from '@mikro-orm/postgresql';
import { termLabel } from '../../common/roc.js';
import { CATEGORY_LABELS, isAnnualCategory, SubmissionCategory } from '../../common/submission-category.js';

/** A term whose regular round still has categories without their final lock (最終提交). */
export interface OpenRound {
  termId: string;
  year: number;
  semester: number;
  termLabel: string;
  categories: SubmissionCategory[];
  categoryLabels: string[];
}

/** The categories a term's regular round carries: its own 基本資料 and 修課紀錄, and on a second term the year's items. */
export const roundCategoriesOf = (semester: number): SubmissionCategory[] =>
  Object.values(SubmissionCategory).filter((category) => semester === 2 || !isAnnualCategory(category));

/**
 * The school's terms up to `lastYear` whose regular round is not finally submitted in every category: what a step
 * that closes a year (the rollover) warns about, and what retention holds back. Terms come in calendar order.
 */
export async function openRoundsUpTo(em: EntityManager, lastYear: number): Promise<OpenRound[]> {
  const rows = await em.execute<{ term_id: string; year: number; semester: number; locked: string[] }[]>(
    `select t.id as term_id, y.year, t.semester,
            coalesce(array_agg(l.category) filter (where l.category is not null), '{}') as locked
       from term t
       join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
       left join final_lock l on l.school_id = t.school_id and l.term_id = t.id and not l.grade12_round
      where y.year <= ?
      group by t.id, y.year, t.semester
      order by y.year, t.semester`,
    [lastYear],
  );
  return rows.flatMap((row) => {
    const locked = new Set(row.locked);
    const categories = roundCategoriesOf(row.semester).filter((category) => !locked.has(category));
    if (categories.length === 0) return [];
    return [
      {
        termId: row.term_id,
        year: row.year,
        semester: row.semester,
        termLabel: termLabel(row.year, row.semester),
        categories,
        categoryLabels: categories.map((category) => CATEGORY_LABELS[category]),
      },
    ];
  });
}
