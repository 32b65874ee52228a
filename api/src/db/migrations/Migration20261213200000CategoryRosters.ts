import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20, per-category rosters.
 *
 * 1. 職場學習 (WORKPLACE_LEARNING) joins the 多元表現 categories (a policy list, DOMAIN.md §3).
 *
 * 2. Students' status history. The student roster (2_學生資料名冊) lists students by their status in the term being
 *    submitted, not by the status they have today, so every change is kept: student_status_change, one row per
 *    status a student entered and when (changed_at, the student's status_changed_at as the application set it, or
 *    the time of the statement when it did not). Triggers on student write it, so no path that changes a status (the
 *    student form, the roster import, SQL typed by an operator) can skip it: a statement-level trigger on INSERT (one
 *    set-based insert for a roster import of thousands) records each new student's first status, and a row trigger
 *    on a changed status records the new one. A first status of 在學 holds from the start ('-infinity': the platform
 *    keeps no entry date, and a student created today may be submitted for last term; the roster bounds students by
 *    their cohort instead), any other from its time. Existing students get one row each the same way from their
 *    current status; one who is not 在學 was 在學 before it (rosters.ts reads a student without an earlier row so).
 *    Only the triggers write it: their functions are SECURITY DEFINER, owned by portfolio_definer (as the statistics'
 *    counters are), and portfolio_app may only read it, so a request cannot write a history of its own making; the
 *    rows come from the student row the caller could change under RLS. Its rows go with their student (ON DELETE
 *    CASCADE). A restore loads it like any table (in replica mode the triggers do not run again).
 */
export class Migration20261213200000CategoryRosters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE diverse_performance DROP CONSTRAINT diverse_performance_category_check;
ALTER TABLE diverse_performance ADD CONSTRAINT diverse_performance_category_check CHECK (category IN (
  'CADRE', 'COMPETITION', 'CERTIFICATE', 'SERVICE_LEARNING', 'FLEXIBLE_LEARNING', 'GROUP_ACTIVITY',
  'WORK', 'ADVANCED_COURSE', 'OTHER', 'WORKPLACE_LEARNING'));

CREATE TABLE student_status_change (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('ENROLLED', 'SUSPENDED', 'TRANSFERRED', 'GRADUATED')),
  changed_at timestamptz NOT NULL,
  -- Orders two changes recorded for the same moment: the later statement's is the status after both.
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id) ON DELETE CASCADE
);
-- A student's status as of a moment is the newest row at or before it: one index range scan per student.
CREATE INDEX student_status_change_student_idx
  ON student_status_change (school_id, student_id, changed_at DESC, recorded_at DESC);

-- A student's first status: 在學 holds from the start (the platform keeps no entry date; the roster bounds a student
-- by their cohort), any other from when it was set. recorded_at keeps when the row was written.
CREATE FUNCTION student_status_since(p_status text, p_changed_at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT CASE WHEN p_status = 'ENROLLED' THEN '-infinity'::timestamptz ELSE p_changed_at END
$fn$;

CREATE FUNCTION student_status_history_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  INSERT INTO student_status_change (school_id, student_id, status, changed_at)
  SELECT n.school_id, n.id, n.status, student_status_since(n.status, n.status_changed_at) FROM inserted_students n;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER student_status_history_insert AFTER INSERT ON student
  REFERENCING NEW TABLE AS inserted_students
  FOR EACH STATEMENT EXECUTE FUNCTION student_status_history_insert();

CREATE FUNCTION student_status_history_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  INSERT INTO student_status_change (school_id, student_id, status, changed_at)
  VALUES (NEW.school_id, NEW.id, NEW.status,
          -- The application moves status_changed_at with the status; a bare UPDATE of the status happened now.
          CASE WHEN NEW.status_changed_at IS DISTINCT FROM OLD.status_changed_at THEN NEW.status_changed_at
               ELSE now() END);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER student_status_history_update AFTER UPDATE OF status ON student
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION student_status_history_update();

INSERT INTO student_status_change (school_id, student_id, status, changed_at)
SELECT school_id, id, status, student_status_since(status, status_changed_at) FROM student;

SELECT app_protect_table('student_status_change', 'school_id');
GRANT SELECT ON student_status_change TO portfolio_app;
CREATE POLICY definer_all ON student_status_change TO portfolio_definer USING (true) WITH CHECK (true);
GRANT INSERT ON student_status_change TO portfolio_definer;
ALTER FUNCTION student_status_since(text, timestamptz) OWNER TO portfolio_definer;
ALTER FUNCTION student_status_history_insert() OWNER TO portfolio_definer;
ALTER FUNCTION student_status_history_update() OWNER TO portfolio_definer;
-- Called by the triggers only; nobody needs EXECUTE to fire a trigger.
REVOKE ALL ON FUNCTION student_status_since(text, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION student_status_history_insert() FROM PUBLIC;
REVOKE ALL ON FUNCTION student_status_history_update() FROM PUBLIC;
`);
  }
}
