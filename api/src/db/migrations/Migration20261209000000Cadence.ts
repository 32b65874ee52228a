import { Migration } from '@mikro-orm/migrations';

const ANNUAL_WINDOW = `(kind IN ('UPLOAD_PERFORMANCES', 'SELECT_COURSE_OUTCOMES', 'SELECT_PERFORMANCES')
     OR (kind = 'SUBMIT' AND category IN ('COURSE_OUTCOMES', 'PERFORMANCES')))`;
const KINDS = `'PRECHECK', 'UPLOAD_COURSE_OUTCOMES', 'CERTIFY_COURSE_OUTCOMES', 'SELECT_COURSE_OUTCOMES',
  'UPLOAD_PERFORMANCES', 'SELECT_PERFORMANCES', 'GRADE_ENTRY', 'SUBMIT', 'CONFIRM_RECEIPTS', 'RESOLVE_DISPUTES',
  'FINAL_SUBMIT'`;
/** What a 高三 round may hold (DOMAIN.md §4): no pre-check, no grade entry, no 修課紀錄. */
const GRADE12_WINDOW = `(NOT grade12_round OR (data_semester IN (0, 2)
     AND kind NOT IN ('PRECHECK', 'GRADE_ENTRY') AND category IS DISTINCT FROM 'COURSE_RECORDS'))`;

/** Each of these tables has one UNIQUE constraint besides its key; PostgreSQL named it, shortening long names its own way. */
const dropUniqueConstraint = (table: string) => `DO $drop$ DECLARE v_name text; BEGIN
  SELECT conname INTO STRICT v_name FROM pg_constraint WHERE conrelid = '${table}'::regclass AND contype = 'u';
  EXECUTE format('ALTER TABLE ${table} DROP CONSTRAINT %I', v_name);
END $drop$;`;

/**
 * Issue 16: the round's cadence. A window names the period of data it governs (a term, or a whole academic year as
 * semester 0) and whether it is the 高三 round's; packages, disputes and final locks carry the round too, and a final
 * lock of 課程學習成果 or 多元表現 freezes the academic year (of grade-12 students only, for the 高三 round).
 * GRADE12_EXTRA_ROUND windows, which only drove alerts, give way to the 高三 round's own windows.
 */
export class Migration20261209000000Cadence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
DELETE FROM timeline_task WHERE kind = 'GRADE12_EXTRA_ROUND';
DELETE FROM timeline_template_task WHERE kind = 'GRADE12_EXTRA_ROUND';

${dropUniqueConstraint('timeline_template_task')}
${dropUniqueConstraint('timeline_task')}
${dropUniqueConstraint('final_lock')}

ALTER TABLE timeline_template_task
  ADD COLUMN data_year int,
  ADD COLUMN data_semester int CHECK (data_semester IN (0, 1, 2)),
  ADD COLUMN grade12_round boolean NOT NULL DEFAULT false;
UPDATE timeline_template_task k SET data_year = t.academic_year,
  data_semester = CASE WHEN ${ANNUAL_WINDOW.replaceAll('kind', 'k.kind').replaceAll('category', 'k.category')} THEN 0 ELSE t.semester END
FROM timeline_template t WHERE t.authority_id = k.authority_id AND t.id = k.template_id;
ALTER TABLE timeline_template_task
  ALTER COLUMN data_year SET NOT NULL,
  ALTER COLUMN data_semester SET NOT NULL,
  DROP CONSTRAINT timeline_template_task_kind_check,
  ADD CHECK (kind IN (${KINDS})),
  ADD UNIQUE NULLS NOT DISTINCT (authority_id, template_id, kind, category, data_year, data_semester, grade12_round),
  ADD CHECK ((data_semester = 0) = ${ANNUAL_WINDOW}),
  ADD CHECK ${GRADE12_WINDOW};

ALTER TABLE timeline_task
  ADD COLUMN data_year int,
  ADD COLUMN data_semester int CHECK (data_semester IN (0, 1, 2)),
  ADD COLUMN grade12_round boolean NOT NULL DEFAULT false;
UPDATE timeline_task k SET data_year = y.year,
  data_semester = CASE WHEN ${ANNUAL_WINDOW.replaceAll('kind', 'k.kind').replaceAll('category', 'k.category')} THEN 0 ELSE t.semester END
FROM term t JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
WHERE t.school_id = k.school_id AND t.id = k.term_id;
-- Both terms' plans of one year may have had their own annual window; the second term's is the one the year keeps.
DELETE FROM timeline_task k USING timeline_task other, term t
WHERE other.school_id = k.school_id AND other.id <> k.id AND other.kind = k.kind
  AND other.category IS NOT DISTINCT FROM k.category AND other.data_year = k.data_year
  AND other.data_semester = k.data_semester AND t.school_id = k.school_id AND t.id = k.term_id AND t.semester = 1;
ALTER TABLE timeline_task
  ALTER COLUMN data_year SET NOT NULL,
  ALTER COLUMN data_semester SET NOT NULL,
  DROP CONSTRAINT timeline_task_kind_check,
  ADD CHECK (kind IN (${KINDS})),
  ADD UNIQUE NULLS NOT DISTINCT (school_id, data_year, data_semester, kind, category, grade12_round),
  ADD CHECK ((data_semester = 0) = ${ANNUAL_WINDOW}),
  ADD CHECK ${GRADE12_WINDOW};
COMMENT ON COLUMN timeline_task.term_id IS 'The term whose plan (期程) shows the window; data_year/data_semester name the data it governs.';

ALTER TABLE submission ADD COLUMN grade12_round boolean NOT NULL DEFAULT false;
ALTER TABLE dispute ADD COLUMN grade12_round boolean NOT NULL DEFAULT false;
DROP INDEX dispute_term_idx;
CREATE INDEX dispute_term_idx ON dispute (school_id, term_id, category, grade12_round, status);
ALTER TABLE final_lock ADD COLUMN grade12_round boolean NOT NULL DEFAULT false;
ALTER TABLE final_lock
  ADD UNIQUE (school_id, term_id, category, grade12_round);

DROP TRIGGER final_lock_guard ON cadre_record;
DROP TRIGGER final_lock_guard ON course;
DROP TRIGGER final_lock_guard ON course_section;
DROP TRIGGER final_lock_guard ON enrolment;
DROP TRIGGER final_lock_guard ON course_outcome;
DROP TRIGGER final_lock_guard ON course_outcome_version;
DROP TRIGGER final_lock_guard ON diverse_performance;
DROP FUNCTION final_lock_guard();
DROP FUNCTION refuse_if_final(uuid, uuid, uuid, text);

-- Raises PF001 when the row's data is finally submitted for the category: a term's (基本資料, 修課紀錄) or an academic
-- year's (課程學習成果, 多元表現; the lock sits on the year's second term). A 高三 round's lock covers only the students
-- in grade 12 that year. It runs as the caller: portfolio_app can only write rows of its own school, whose locks it reads.
CREATE FUNCTION refuse_if_final(p_school uuid, p_term uuid, p_year uuid, p_student uuid, p_category text) RETURNS void
  LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  v_annual boolean := p_category IN ('COURSE_OUTCOMES', 'PERFORMANCES');
  v_label text;
BEGIN
  IF p_school IS NULL OR NOT EXISTS (SELECT 1 FROM final_lock WHERE school_id = p_school) THEN
    RETURN;
  END IF;
  SELECT y.year || '學年度' || CASE WHEN v_annual THEN '' ELSE '第' || t.semester || '學期' END
         || CASE WHEN f.grade12_round THEN '高三學生' ELSE '' END
  INTO v_label
  FROM final_lock f
  JOIN term t ON t.school_id = f.school_id AND t.id = f.term_id
  JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
  WHERE f.school_id = p_school AND f.category = p_category
    AND CASE WHEN v_annual THEN t.academic_year_id = p_year ELSE f.term_id = p_term END
    AND (NOT f.grade12_round OR EXISTS (
      SELECT 1 FROM student s WHERE s.school_id = p_school AND s.id = p_student AND s.cohort = y.year - 2))
  ORDER BY f.grade12_round
  LIMIT 1;
  IF v_label IS NOT NULL THEN
    RAISE EXCEPTION '% % is finally submitted', v_label, p_category
      USING ERRCODE = 'PF001', DETAIL = p_category, HINT = v_label;
  END IF;
END
$fn$;

CREATE FUNCTION final_lock_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
  v_term uuid;
  v_year uuid;
  v_student uuid;
BEGIN
  -- Most schools have no lock at all: answer them without building the row as JSON (bulk loads go through here).
  IF NOT EXISTS (
    SELECT 1 FROM final_lock WHERE school_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.school_id ELSE NEW.school_id END
  ) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  FOR r IN SELECT * FROM (VALUES (1), (2)) AS pass(n) LOOP
    -- Check the row before (UPDATE, DELETE) and after (INSERT, UPDATE): moving a row out of a locked period is a change too.
    IF r.n = 1 AND TG_OP = 'INSERT' THEN CONTINUE; END IF;
    IF r.n = 2 AND TG_OP = 'DELETE' THEN CONTINUE; END IF;
    DECLARE
      v_row jsonb := CASE WHEN r.n = 1 THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
      v_school uuid := (v_row ->> 'school_id')::uuid;
    BEGIN
      v_term := (v_row ->> 'term_id')::uuid;
      v_year := (v_row ->> 'academic_year_id')::uuid;
      v_student := (v_row ->> 'student_id')::uuid;
      CASE TG_TABLE_NAME
        WHEN 'course_section' THEN
          SELECT c.term_id INTO v_term FROM course c WHERE c.school_id = v_school AND c.id = (v_row ->> 'course_id')::uuid;
        WHEN 'enrolment' THEN
          SELECT c.term_id INTO v_term FROM course_section cs
            JOIN course c ON c.school_id = cs.school_id AND c.id = cs.course_id
            WHERE cs.school_id = v_school AND cs.id = (v_row ->> 'section_id')::uuid;
        WHEN 'course_outcome_version' THEN
          SELECT o.academic_year_id, o.student_id INTO v_year, v_student FROM course_outcome o
            WHERE o.school_id = v_school AND o.id = (v_row ->> 'outcome_id')::uuid;
        ELSE
          NULL;
      END CASE;
      PERFORM refuse_if_final(v_school, v_term, v_year, v_student, TG_ARGV[0]);
    END;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$fn$;

CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE OR DELETE ON cadre_record
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('BASIC');
CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE OR DELETE ON course
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('COURSE_RECORDS');
CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE OR DELETE ON course_section
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('COURSE_RECORDS');
CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE OR DELETE ON enrolment
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('COURSE_RECORDS');
CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE OR DELETE ON course_outcome
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('COURSE_OUTCOMES');
CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE OR DELETE ON course_outcome_version
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('COURSE_OUTCOMES');
CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE OR DELETE ON diverse_performance
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('PERFORMANCES');
`);
  }
}
