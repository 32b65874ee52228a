import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17: a student's pages say a category is locked before the student tries to change it. The rule that refuses a
 * change (a term's lock for 基本資料 and 修課紀錄, the academic year's for 課程學習成果 and 多元表現, the 高三 round's for
 * grade-12 students only) moves into final_lock_label, which names the lock that covers a row; refuse_if_final raises
 * on it and the API asks it for a student's categories, so the page and the refusal cannot disagree.
 */
export class Migration20261210000000FinalLockLabel extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE FUNCTION final_lock_label(p_school uuid, p_term uuid, p_year uuid, p_student uuid, p_category text) RETURNS text
  LANGUAGE sql STABLE AS $fn$
  SELECT y.year || '學年度' || CASE WHEN p_category IN ('COURSE_OUTCOMES', 'PERFORMANCES') THEN '' ELSE '第' || t.semester || '學期' END
         || CASE WHEN f.grade12_round THEN '高三學生' ELSE '' END
  FROM final_lock f
  JOIN term t ON t.school_id = f.school_id AND t.id = f.term_id
  JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
  WHERE f.school_id = p_school AND f.category = p_category
    AND CASE WHEN p_category IN ('COURSE_OUTCOMES', 'PERFORMANCES') THEN t.academic_year_id = p_year ELSE f.term_id = p_term END
    AND (NOT f.grade12_round OR EXISTS (
      SELECT 1 FROM student s WHERE s.school_id = p_school AND s.id = p_student AND s.cohort = y.year - 2))
  ORDER BY f.grade12_round
  LIMIT 1
$fn$;
REVOKE ALL ON FUNCTION final_lock_label(uuid, uuid, uuid, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION final_lock_label(uuid, uuid, uuid, uuid, text) TO portfolio_app;

-- Raises PF001 when the row's data is finally submitted for the category (final_lock_label says which lock).
-- It runs as the caller: portfolio_app can only write rows of its own school, whose locks it reads.
CREATE OR REPLACE FUNCTION refuse_if_final(p_school uuid, p_term uuid, p_year uuid, p_student uuid, p_category text)
  RETURNS void LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  v_label text;
BEGIN
  IF p_school IS NULL OR NOT EXISTS (SELECT 1 FROM final_lock WHERE school_id = p_school) THEN
    RETURN;
  END IF;
  v_label := final_lock_label(p_school, p_term, p_year, p_student, p_category);
  IF v_label IS NOT NULL THEN
    RAISE EXCEPTION '% % is finally submitted', v_label, p_category
      USING ERRCODE = 'PF001', DETAIL = p_category, HINT = v_label;
  END IF;
END
$fn$;
`);
  }
}
