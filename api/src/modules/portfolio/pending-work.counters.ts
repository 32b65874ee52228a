import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '../../common/sql.js';

type Counts = Map<string, number>;

async function countBy(em: EntityManager, sql: string, params: unknown[]): Promise<Counts> {
  const rows = await em.execute<{ student_id: string; n: number }[]>(sql, params);
  return new Map(rows.map((row) => [row.student_id, row.n]));
}

/** Courses of the term a student has not uploaded any outcome for. */
export const coursesWithoutOutcome = (em: EntityManager, studentIds: string[], termId: string): Promise<Counts> =>
  countBy(
    em,
    `select e.student_id, count(*)::int as n
     from enrolment e
     join course_section s on s.school_id = e.school_id and s.id = e.section_id
     join course c on c.school_id = s.school_id and c.id = s.course_id
     where c.term_id = ? and e.student_id = any(?::uuid[])
       and not exists (select 1 from course_outcome o where o.school_id = e.school_id and o.enrolment_id = e.id)
     group by e.student_id`,
    [termId, pgTextArray(studentIds)],
  );

/** Certified outcomes of the term not selected. */
export const outcomesNotSelected = (em: EntityManager, studentIds: string[], termId: string): Promise<Counts> =>
  countBy(
    em,
    `select student_id, count(*)::int as n from course_outcome
     where term_id = ? and student_id = any(?::uuid[]) and status = 'CERTIFIED' and selected_at is null
     group by student_id`,
    [termId, pgTextArray(studentIds)],
  );

/** Performances of the term's academic year not selected. */
export const performancesNotSelected = (em: EntityManager, studentIds: string[], termId: string): Promise<Counts> =>
  countBy(
    em,
    `select p.student_id, count(*)::int as n from diverse_performance p
     join term t on t.school_id = p.school_id and t.academic_year_id = p.academic_year_id
     where t.id = ? and p.student_id = any(?::uuid[]) and p.selected_at is null
     group by p.student_id`,
    [termId, pgTextArray(studentIds)],
  );
