import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataPeriod } from '../../common/data-period.js';

/**
 * The receipt imports that count for a term now: per kind and round (the regular one and the 高三 one hold different
 * students), the newest import of any of the term's submissions (a resubmission's receipts replace the earlier ones).
 */
export const CURRENT_IMPORTS_SQL = `
  select distinct on (ri.kind, s.grade12_round) ri.school_id, ri.id, ri.kind, s.grade12_round
  from receipt_import ri
  join submission s on s.school_id = ri.school_id and s.id = ri.submission_id
  where s.term_id = ?
  order by ri.kind, s.grade12_round, ri.created_at desc, ri.id desc`;

/** A student's current receipt rows of one round (its term and whether it is the 高三 round) not yet confirmed or disputed. */
export async function unconfirmedReceiptRows(
  em: EntityManager,
  studentId: string,
  round: { term: DataPeriod; grade12Round: boolean },
): Promise<number> {
  const [term] = await em.execute<{ id: string }[]>(
    `select t.id from term t join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
     where y.year = ? and t.semester = ?`,
    [round.term.year, round.term.semester],
  );
  if (!term) return 0;
  const [row] = await em.execute<{ n: number }[]>(
    `with cur as (${CURRENT_IMPORTS_SQL})
     select count(*)::int as n from receipt_row r
     join cur on cur.school_id = r.school_id and cur.id = r.receipt_import_id and cur.grade12_round = ?
     where r.student_id = ?
       and not exists (select 1 from receipt_review v where v.school_id = r.school_id and v.receipt_row_id = r.id)`,
    [term.id, round.grade12Round, studentId],
  );
  return row?.n ?? 0;
}
