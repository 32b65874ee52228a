import { Migration } from '@mikro-orm/migrations';

/**
 * Submission packages to the central database (提交): one row per school, term and category, claimed by a
 * client-chosen idempotency key, with the zip (content-addressed, like uploads) and a copy of every roster row as
 * it was submitted (copy-on-submit). The copies never change: later edits of grades, outcomes or performances
 * leave what was submitted as it was.
 */
export class Migration20261129020000Submissions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE submission (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  term_id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('BASIC', 'COURSE_RECORDS', 'COURSE_OUTCOMES', 'PERFORMANCES')),
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 100),
  status text NOT NULL CHECK (status IN ('SUBMITTED')),
  row_counts jsonb NOT NULL,
  zip_sha256 text NOT NULL CHECK (zip_sha256 ~ '^[0-9a-f]{64}$'),
  zip_size int NOT NULL CHECK (zip_size > 0),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, idempotency_key),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id)
);
CREATE INDEX submission_term_idx ON submission (school_id, term_id, category, created_at);

-- One row of one roster as submitted: the cells in column order, and the student it is about (none for 科目名冊).
CREATE TABLE submission_row (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  submission_id uuid NOT NULL,
  roster text NOT NULL,
  row_number int NOT NULL CHECK (row_number >= 1),
  student_id uuid,
  cells jsonb NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, submission_id, roster, row_number),
  FOREIGN KEY (school_id, submission_id) REFERENCES submission (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE INDEX submission_row_student_idx ON submission_row (school_id, student_id);

-- What was submitted never changes, not even for the database owner.
CREATE TRIGGER submission_row_frozen BEFORE UPDATE OR DELETE ON submission_row
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER submission_frozen BEFORE DELETE ON submission
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['submission', 'submission_row']::regclass[]) t;
GRANT SELECT, INSERT ON submission, submission_row TO portfolio_app;
`);
  }
}
