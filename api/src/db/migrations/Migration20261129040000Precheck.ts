import { Migration } from '@mikro-orm/migrations';

/**
 * Pre-check runs (預檢): each export of a term's enrolment roster without grades, stored content-addressed like a
 * submission package, and the central database's comparison of it. A run is EXPORTED until its one comparison result
 * file is imported, which makes it COMPARED; a trigger allows exactly that change and nothing else, so what was
 * exported and what the central database answered are never rewritten. The mismatches are append-only.
 */
export class Migration20261129040000Precheck extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE precheck_run (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  term_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('EXPORTED', 'COMPARED')),
  roster_sha256 text NOT NULL CHECK (roster_sha256 ~ '^[0-9a-f]{64}$'),
  roster_size int NOT NULL CHECK (roster_size > 0),
  row_count int NOT NULL CHECK (row_count >= 0),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  result_upload_id uuid,
  result_file_name text,
  result_sha256 text CHECK (result_sha256 ~ '^[0-9a-f]{64}$'),
  compared_by uuid,
  compared_at timestamptz,
  matched_count int CHECK (matched_count >= 0),
  mismatch_count int CHECK (mismatch_count >= 0),
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, compared_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, result_upload_id) REFERENCES upload (school_id, id),
  CHECK ((status = 'COMPARED') = (result_sha256 IS NOT NULL AND result_upload_id IS NOT NULL AND compared_at IS NOT NULL
                                  AND compared_by IS NOT NULL AND matched_count IS NOT NULL AND mismatch_count IS NOT NULL
                                  AND result_file_name IS NOT NULL))
);
CREATE INDEX precheck_run_term_idx ON precheck_run (school_id, term_id, created_at);
-- One comparison file answers one run: the same file again, for this run or another, is a duplicate.
CREATE UNIQUE INDEX precheck_run_result_key ON precheck_run (school_id, result_sha256) WHERE result_sha256 IS NOT NULL;

CREATE FUNCTION precheck_run_compare_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD.status = 'EXPORTED' AND NEW.status = 'COMPARED'
     AND (NEW.school_id, NEW.id, NEW.term_id, NEW.roster_sha256, NEW.roster_size, NEW.row_count, NEW.created_by,
          NEW.created_at)
         IS NOT DISTINCT FROM
         (OLD.school_id, OLD.id, OLD.term_id, OLD.roster_sha256, OLD.roster_size, OLD.row_count, OLD.created_by,
          OLD.created_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'precheck_run changes only from EXPORTED to COMPARED' USING ERRCODE = 'insufficient_privilege';
END
$fn$;
CREATE TRIGGER precheck_run_compare_only BEFORE UPDATE ON precheck_run
  FOR EACH ROW EXECUTE FUNCTION precheck_run_compare_only();
CREATE TRIGGER precheck_run_frozen BEFORE DELETE ON precheck_run
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- One row of the comparison that is not 相符: the student and course as the school knows them (found by 學號, or by
-- the national ID's digest), the central database's verdict and explanation. Only the masked national ID is kept.
CREATE TABLE precheck_mismatch (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  run_id uuid NOT NULL,
  row_number int NOT NULL CHECK (row_number >= 2),
  kind text NOT NULL CHECK (kind IN ('MISMATCH', 'NOT_IN_CENTRAL', 'NOT_LISTED_BY_SCHOOL')),
  student_id uuid,
  student_number text,
  national_id_masked text,
  course_code text NOT NULL,
  course_id uuid,
  section_id uuid,
  explanation text,
  by_student text NOT NULL,
  by_course text NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, run_id, row_number),
  FOREIGN KEY (school_id, run_id) REFERENCES precheck_run (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, course_id) REFERENCES course (school_id, id),
  FOREIGN KEY (school_id, section_id) REFERENCES course_section (school_id, id)
);
CREATE INDEX precheck_mismatch_by_student_idx ON precheck_mismatch (school_id, run_id, by_student, id);
CREATE INDEX precheck_mismatch_by_course_idx ON precheck_mismatch (school_id, run_id, by_course, id);
CREATE INDEX precheck_mismatch_student_idx ON precheck_mismatch (school_id, student_id);

CREATE TRIGGER precheck_mismatch_frozen BEFORE UPDATE OR DELETE ON precheck_mismatch
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['precheck_run', 'precheck_mismatch']::regclass[]) t;
GRANT SELECT, INSERT, UPDATE ON precheck_run TO portfolio_app;
GRANT SELECT, INSERT ON precheck_mismatch TO portfolio_app;
`);
  }
}
