import { Migration } from '@mikro-orm/migrations';

/**
 * Receipt lists (收訖明細): the central database's answer to a submission, one file per kind (校內幹部, 修課紀錄,
 * 課程學習成果, 多元表現). An import records the file (by hash, once per submission) and one receipt row per row of
 * the file, reconciled against the submitted rows; submitted rows the file does not list get a row of their own
 * (MISSING). Both are append-only: a receipt is what the central database said.
 */
export class Migration20261129030000Receipts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE receipt_import (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  submission_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('CADRES', 'COURSE_RECORDS', 'COURSE_OUTCOMES', 'PERFORMANCES')),
  upload_id uuid NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  received_count int NOT NULL CHECK (received_count >= 0),
  rejected_count int NOT NULL CHECK (rejected_count >= 0),
  flagged_count int NOT NULL CHECK (flagged_count >= 0),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, submission_id, kind),
  FOREIGN KEY (school_id, submission_id) REFERENCES submission (school_id, id),
  FOREIGN KEY (school_id, upload_id) REFERENCES upload (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id)
);

CREATE TABLE receipt_row (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  receipt_import_id uuid NOT NULL,
  submission_id uuid NOT NULL,
  kind text NOT NULL,
  row_number int CHECK (row_number >= 2),
  submission_row_id uuid,
  student_id uuid,
  national_id_masked text,
  key_fields jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('RECEIVED', 'REJECTED', 'MISSING')),
  reason text,
  reconciliation text NOT NULL CHECK (reconciliation IN ('OK', 'REJECTED', 'MISSING', 'EXTRA', 'CHANGED')),
  changed_columns jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, receipt_import_id) REFERENCES receipt_import (school_id, id),
  FOREIGN KEY (school_id, submission_id) REFERENCES submission (school_id, id),
  FOREIGN KEY (school_id, submission_row_id) REFERENCES submission_row (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  CHECK ((status = 'MISSING') = (row_number IS NULL))
);
CREATE INDEX receipt_row_student_idx ON receipt_row (school_id, student_id);
CREATE INDEX receipt_row_import_idx ON receipt_row (school_id, receipt_import_id);

CREATE TRIGGER receipt_import_frozen BEFORE UPDATE OR DELETE ON receipt_import
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER receipt_row_frozen BEFORE UPDATE OR DELETE ON receipt_row
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['receipt_import', 'receipt_row']::regclass[]) t;
GRANT SELECT, INSERT ON receipt_import, receipt_row TO portfolio_app;
`);
  }
}
