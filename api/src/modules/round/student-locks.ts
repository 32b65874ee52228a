import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { CATEGORY_LABELS, SubmissionCategory } from '../../common/submission-category.js';
import type { Student } from '../people/student.entity.js';
import type { Term } from '../term/term.entity.js';

@ObjectType({ description: '已完成最終提交、學生不能再變更的類別' })
export class StudentFinalLock {
  @Field(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field({ description: '類別名稱' })
  categoryLabel!: string;

  @Field({ description: '鎖定的資料期間，例如「115學年度」或「115學年度第1學期」（高三梯次加註「高三學生」）' })
  periodLabel!: string;

  @Field({ description: '給學生看的一句話' })
  message!: string;
}

/**
 * The categories whose data of `term` is finally submitted for this student, asked of the same SQL rule that refuses
 * a change (final_lock_label), so a page hides its upload and select buttons exactly where a change would be refused.
 */
export async function finalLocksOfStudent(
  em: EntityManager,
  student: Student,
  term: Term,
): Promise<StudentFinalLock[]> {
  const categories = Object.values(SubmissionCategory);
  const rows = await em.execute<{ category: SubmissionCategory; label: string | null }[]>(
    `select c.category, final_lock_label(?, ?, ?, ?, c.category) as label
       from unnest(?::text[]) with ordinality as c(category, position)
      order by c.position`,
    // One array parameter (the driver would spread a JS array into a list of parameters).
    [student.schoolId, term.id, term.academicYear.id, student.id, `{${categories.join(',')}}`],
  );
  return rows.flatMap(({ category, label }) =>
    label === null
      ? []
      : [
          Object.assign(new StudentFinalLock(), {
            category,
            categoryLabel: CATEGORY_LABELS[category],
            periodLabel: label,
            message: `${label}的「${CATEGORY_LABELS[category]}」已完成最終提交，不能再上傳、更換、刪除或變更勾選。`,
          }),
        ],
  );
}
