import { Migration } from '@mikro-orm/migrations';

/**
 * Student evidence: course learning outcomes (課程學習成果) with every version kept and the teacher's decision on
 * each, proxies for certification, diverse performances (多元表現), and what the student selected (勾選) for the
 * central database. Files are uploads (content-addressed); a version points at its document and/or media upload.
 */
export class Migration20261128230000Evidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE upload DROP CONSTRAINT upload_purpose_check;
ALTER TABLE upload ADD CONSTRAINT upload_purpose_check CHECK (purpose IN ('IMPORT', 'DOCUMENT', 'MEDIA'));

-- A school's own cap on course outcomes a student uploads per term (one school allows 9); null: no cap.
ALTER TABLE school ADD COLUMN outcome_upload_cap int CHECK (outcome_upload_cap BETWEEN 1 AND 100);
CREATE POLICY school_update_own ON school FOR UPDATE TO portfolio_app
  USING (id = app_school_id()) WITH CHECK (id = app_school_id());
GRANT UPDATE (outcome_upload_cap) ON school TO portfolio_app;

CREATE TABLE course_outcome (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  student_id uuid NOT NULL,
  enrolment_id uuid NOT NULL,
  term_id uuid NOT NULL,
  academic_year_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('PROJECT', 'OTHER')),
  status text NOT NULL CHECK (status IN ('PENDING', 'CERTIFIED', 'REJECTED')),
  current_version int NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  selected_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, enrolment_id) REFERENCES enrolment (school_id, id),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, academic_year_id) REFERENCES academic_year (school_id, id),
  -- Only a certified outcome can be selected.
  CHECK (selected_at IS NULL OR status = 'CERTIFIED')
);
CREATE INDEX course_outcome_student_idx ON course_outcome (school_id, student_id, term_id);
CREATE INDEX course_outcome_enrolment_idx ON course_outcome (school_id, enrolment_id);

CREATE TABLE course_outcome_version (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  outcome_id uuid NOT NULL,
  version int NOT NULL CHECK (version >= 1),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 100),
  document_upload_id uuid,
  media_upload_id uuid,
  status text NOT NULL CHECK (status IN ('PENDING', 'CERTIFIED', 'REJECTED')),
  decided_by uuid,
  decided_as_proxy_for uuid,
  decided_at timestamptz,
  reason text CHECK (length(reason) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, outcome_id, version),
  UNIQUE (school_id, document_upload_id),
  UNIQUE (school_id, media_upload_id),
  FOREIGN KEY (school_id, outcome_id) REFERENCES course_outcome (school_id, id),
  FOREIGN KEY (school_id, document_upload_id) REFERENCES upload (school_id, id),
  FOREIGN KEY (school_id, media_upload_id) REFERENCES upload (school_id, id),
  FOREIGN KEY (school_id, decided_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, decided_as_proxy_for) REFERENCES user_account (school_id, id),
  CHECK (document_upload_id IS NOT NULL OR media_upload_id IS NOT NULL),
  CHECK ((status = 'REJECTED') = (reason IS NOT NULL)),
  CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
-- A certified version is what the teacher saw and confirmed: it never changes and is never removed.
CREATE TRIGGER course_outcome_version_certified_frozen
  BEFORE UPDATE OR DELETE ON course_outcome_version
  FOR EACH ROW WHEN (OLD.status = 'CERTIFIED') EXECUTE FUNCTION forbid_change();

CREATE TABLE certification_proxy (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  teacher_id uuid NOT NULL,
  proxy_id uuid NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, teacher_id, proxy_id),
  FOREIGN KEY (school_id, teacher_id) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, proxy_id) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id),
  CHECK (teacher_id <> proxy_id)
);
CREATE INDEX certification_proxy_proxy_idx ON certification_proxy (school_id, proxy_id);

CREATE TABLE diverse_performance (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  student_id uuid NOT NULL,
  academic_year_id uuid NOT NULL,
  category text NOT NULL CHECK (category IN (
    'CADRE', 'COMPETITION', 'CERTIFICATE', 'SERVICE_LEARNING', 'FLEXIBLE_LEARNING', 'GROUP_ACTIVITY',
    'WORK', 'ADVANCED_COURSE', 'OTHER')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  details jsonb NOT NULL DEFAULT '{}',
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 100),
  document_upload_id uuid,
  media_upload_id uuid,
  external_link text CHECK (external_link ~ '^https?://[^\\s]+$' AND length(external_link) <= 500),
  selected_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, document_upload_id),
  UNIQUE (school_id, media_upload_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, academic_year_id) REFERENCES academic_year (school_id, id),
  FOREIGN KEY (school_id, document_upload_id) REFERENCES upload (school_id, id),
  FOREIGN KEY (school_id, media_upload_id) REFERENCES upload (school_id, id)
);
CREATE INDEX diverse_performance_student_idx ON diverse_performance (school_id, student_id, academic_year_id);

SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['course_outcome', 'course_outcome_version', 'certification_proxy', 'diverse_performance']::regclass[]) t;
GRANT SELECT, INSERT, UPDATE ON course_outcome, course_outcome_version, diverse_performance TO portfolio_app;
GRANT SELECT, INSERT, DELETE ON certification_proxy TO portfolio_app;
GRANT DELETE ON upload TO portfolio_app;
`);
  }
}
