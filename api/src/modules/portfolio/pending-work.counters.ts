import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataPeriod } from '../../common/data-period.js';
import { pgTextArray } from '../../common/sql.js';

type Counts = Map<string, number>;

async function countBy(em: EntityManager, sql: string, params: unknown[]): Promise<Counts> {
  const rows = await em.execute<{ student_id: string; n: number }[]>(sql, params);
  return new Map(rows.map((row) => [row.student_id, row.n]));
}

/** Courses of the window's term a student has not uploaded any outcome for. */
export const coursesWithoutOutcome = (em: EntityManager, studentIds: string[], period: DataPeriod): Promise<Counts> =>
  countBy(
    em,
    `select e.student_id, count(*)::int as n
     from enrolment e
     join course_section s on s.school_id = e.school_id and s.id = e.section_id
     join course c on c.school_id = s.school_id and c.id = s.course_id
     join term t on t.school_id = c.school_id and t.id = c.term_id
     join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
     where y.year = ? and t.semester = ? and e.student_id = any(?::uuid[])
       and not exists (select 1 from course_outcome o where o.school_id = e.school_id and o.enrolment_id = e.id)
     group by e.student_id`,
    [period.year, period.semester, pgTextArray(studentIds)],
  );

/** Certified outcomes of the window's academic year not selected. */
export const outcomesNotSelected = (em: EntityManager, studentIds: string[], period: DataPeriod): Promise<Counts> =>
  countBy(
    em,
    `select o.student_id, count(*)::int as n from course_outcome o
     join academic_year y on y.school_id = o.school_id and y.id = o.academic_year_id
     where y.year = ? and o.student_id = any(?::uuid[]) and o.status = 'CERTIFIED' and o.selected_at is null
     group by o.student_id`,
    [period.year, pgTextArray(studentIds)],
  );

/** Performances of the window's academic year not selected. */
export const performancesNotSelected = (em: EntityManager, studentIds: string[], period: DataPeriod): Promise<Counts> =>
  countBy(
    em,
    `select p.student_id, count(*)::int as n from diverse_performance p
     join academic_year y on y.school_id = p.school_id and y.id = p.academic_year_id
     where y.year = ? and p.student_id = any(?::uuid[]) and p.selected_at is null
     group by p.student_id`,
    [period.year, pgTextArray(studentIds)],
  );

/** Outcomes of the window's term that were not certified, for the student to replace (補件). */
export const outcomesToReplace = (em: EntityManager, studentIds: string[], period: DataPeriod): Promise<Counts> =>
  countBy(
    em,
    `select o.student_id, count(*)::int as n from course_outcome o
     join term t on t.school_id = o.school_id and t.id = o.term_id
     join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
     where y.year = ? and t.semester = ? and o.student_id = any(?::uuid[]) and o.status = 'REJECTED'
     group by o.student_id`,
    [period.year, period.semester, pgTextArray(studentIds)],
  );
