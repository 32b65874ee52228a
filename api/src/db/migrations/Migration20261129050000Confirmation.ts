import { Migration } from '@mikro-orm/migrations';

/**
 * After the receipt lists come back (DOMAIN.md §5): students and staff confirm each row or raise a dispute (疑義),
 * staff resolve disputes (no change, or corrected and resubmitted), and the final submission locks a term's category.
 *
 * The lock is enforced by the database: triggers on every table that feeds a category refuse inserts, updates and
 * deletes of a locked term's rows with SQLSTATE PF001, whoever runs the statement (the API, an import, or SQL typed
 * as portfolio_app). The API maps PF001 to a clear error.
 */
export class Migration20261129050000Confirmation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
-- A student's (or a staff member's, for rows without a student) answer to one receipt row.
CREATE TABLE receipt_review (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  receipt_row_id uuid NOT NULL,
  student_id uuid,
  decision text NOT NULL CHECK (decision IN ('CORRECT', 'DISPUTED')),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, receipt_row_id),
  FOREIGN KEY (school_id, receipt_row_id) REFERENCES receipt_row (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, decided_by) REFERENCES user_account (school_id, id)
);
CREATE INDEX receipt_review_student_idx ON receipt_review (school_id, student_id);

-- The responsible section's confirmation that it checked one imported receipt list of its category.
CREATE TABLE receipt_staff_confirmation (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  receipt_import_id uuid NOT NULL,
  confirmed_by uuid NOT NULL,
  confirmed_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, receipt_import_id),
  FOREIGN KEY (school_id, receipt_import_id) REFERENCES receipt_import (school_id, id),
  FOREIGN KEY (school_id, confirmed_by) REFERENCES user_account (school_id, id)
);
CREATE TRIGGER receipt_staff_confirmation_frozen BEFORE UPDATE OR DELETE ON receipt_staff_confirmation
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE dispute (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  receipt_row_id uuid NOT NULL,
  student_id uuid,
  submission_id uuid NOT NULL,
  term_id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('BASIC', 'COURSE_RECORDS', 'COURSE_OUTCOMES', 'PERFORMANCES')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  status text NOT NULL CHECK (status IN ('OPEN', 'IN_REVIEW', 'RESOLVED_NO_CHANGE', 'RESOLVED_CORRECTED')),
  answer text CHECK (length(answer) BETWEEN 1 AND 500),
  raised_by uuid NOT NULL,
  raised_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  reviewed_by uuid,
  reviewed_at timestamptz,
  resolved_by uuid,
  resolved_at timestamptz,
  -- The later submission that carries the correction (RESOLVED_CORRECTED only).
  resubmission_id uuid,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, receipt_row_id),
  FOREIGN KEY (school_id, receipt_row_id) REFERENCES receipt_row (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, submission_id) REFERENCES submission (school_id, id),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, raised_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, reviewed_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, resolved_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, resubmission_id) REFERENCES submission (school_id, id),
  CHECK ((status LIKE 'RESOLVED%') = (resolved_at IS NOT NULL AND answer IS NOT NULL)),
  CHECK (resubmission_id IS NULL OR status = 'RESOLVED_CORRECTED')
);
CREATE INDEX dispute_term_idx ON dispute (school_id, term_id, category, status);
CREATE INDEX dispute_student_idx ON dispute (school_id, student_id);

-- 完成最終提交: one row per term and category, never changed or removed.
CREATE TABLE final_lock (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  term_id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('BASIC', 'COURSE_RECORDS', 'COURSE_OUTCOMES', 'PERFORMANCES')),
  submission_id uuid NOT NULL,
  locked_by uuid NOT NULL,
  locked_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, term_id, category),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, submission_id) REFERENCES submission (school_id, id),
  FOREIGN KEY (school_id, locked_by) REFERENCES user_account (school_id, id)
);
CREATE TRIGGER final_lock_frozen BEFORE UPDATE OR DELETE ON final_lock
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['receipt_review', 'receipt_staff_confirmation', 'dispute', 'final_lock']::regclass[]) t;
GRANT SELECT, INSERT, UPDATE ON receipt_review, dispute TO portfolio_app;
GRANT SELECT, INSERT ON receipt_staff_confirmation, final_lock TO portfolio_app;

-- Raises PF001 when the term (or, for performances, any term of the academic year) is locked for the category.
-- It runs as the caller: portfolio_app can only write rows of its own school, whose locks it can read.
CREATE FUNCTION refuse_if_final(p_school uuid, p_term uuid, p_year uuid, p_category text) RETURNS void
  LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  v_label text;
BEGIN
  IF p_school IS NULL OR NOT EXISTS (SELECT 1 FROM final_lock WHERE school_id = p_school) THEN
    RETURN;
  END IF;
  SELECT y.year || '學年度第' || t.semester || '學期' INTO v_label
  FROM final_lock f
  JOIN term t ON t.school_id = f.school_id AND t.id = f.term_id
  JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
  WHERE f.school_id = p_school AND f.category = p_category
    AND (f.term_id = p_term OR (p_year IS NOT NULL AND t.academic_year_id = p_year))
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
BEGIN
  -- Most schools have no lock at all: answer them without building the row as JSON (bulk loads go through here).
  IF NOT EXISTS (
    SELECT 1 FROM final_lock WHERE school_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.school_id ELSE NEW.school_id END
  ) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  FOR r IN SELECT * FROM (VALUES (1), (2)) AS pass(n) LOOP
    -- Check the row before (UPDATE, DELETE) and after (INSERT, UPDATE): moving a row out of a locked term is a change too.
    IF r.n = 1 AND TG_OP = 'INSERT' THEN CONTINUE; END IF;
    IF r.n = 2 AND TG_OP = 'DELETE' THEN CONTINUE; END IF;
    DECLARE
      v_row jsonb := CASE WHEN r.n = 1 THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
      v_school uuid := (v_row ->> 'school_id')::uuid;
    BEGIN
      v_term := NULL;
      v_year := NULL;
      CASE TG_TABLE_NAME
        WHEN 'cadre_record', 'course', 'course_outcome' THEN
          v_term := (v_row ->> 'term_id')::uuid;
        WHEN 'course_section' THEN
          SELECT c.term_id INTO v_term FROM course c WHERE c.school_id = v_school AND c.id = (v_row ->> 'course_id')::uuid;
        WHEN 'enrolment' THEN
          SELECT c.term_id INTO v_term FROM course_section cs
            JOIN course c ON c.school_id = cs.school_id AND c.id = cs.course_id
            WHERE cs.school_id = v_school AND cs.id = (v_row ->> 'section_id')::uuid;
        WHEN 'course_outcome_version' THEN
          SELECT o.term_id INTO v_term FROM course_outcome o
            WHERE o.school_id = v_school AND o.id = (v_row ->> 'outcome_id')::uuid;
        WHEN 'diverse_performance' THEN
          v_year := (v_row ->> 'academic_year_id')::uuid;
      END CASE;
      PERFORM refuse_if_final(v_school, v_term, v_year, TG_ARGV[0]);
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
