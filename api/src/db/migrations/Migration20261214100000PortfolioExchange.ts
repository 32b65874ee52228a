import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21, the portfolio exchange file (學習歷程交換檔).
 *
 * 1. exchange_export: one exchange file the school built for one of its students (modules/exchange), by a 註冊組
 *    export between installations or by an approved transfer within the city. The file's bytes are in the
 *    content-addressed store under sha256; the row is what names them (the leftover collection keeps them) and what
 *    the download route serves.
 *
 * 2. portfolio_exchange: one exchange file applied to a student of the receiving school, with the school of origin as
 *    the signed manifest names it. The same file (its sha256), or another file of the same export (its exchange id),
 *    is applied once per school: the unique constraints refuse a second time even when two requests race.
 *
 * 3. exchanged_record and exchanged_file: the records and files that came with it, as the people of the school of
 *    origin saw them (labels and values, `data`), read-only by construction: portfolio_app may only SELECT and INSERT
 *    them, and a trigger refuses UPDATE to everyone. DELETE is left to the owner and whatever narrow definer function
 *    the retention job is given (requests cannot delete). The files' bytes are in the store.
 *
 * stored_file_reference gains the three hash columns, so the leftover collection never takes an exchange file or a
 * file that came with one.
 */
export class Migration20261214100000PortfolioExchange extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE exchange_export (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  student_id uuid NOT NULL,
  -- The manifest's exchangeId: what the receiving side recognises a second file of the same export by.
  exchange_id uuid NOT NULL,
  destination_authority_code text NOT NULL CHECK (length(destination_authority_code) BETWEEN 1 AND 20),
  destination_school_code text NOT NULL CHECK (destination_school_code ~ '^[0-9A-Z]{6}$'),
  destination_division text NOT NULL CHECK (destination_division IN ('DAY', 'NIGHT')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  record_count int NOT NULL CHECK (record_count >= 0),
  file_count int NOT NULL CHECK (file_count >= 0),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, exchange_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id)
);
CREATE INDEX exchange_export_student_idx ON exchange_export (school_id, student_id, created_at);
CREATE TRIGGER exchange_export_frozen BEFORE UPDATE ON exchange_export
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
SELECT app_protect_table('exchange_export'::regclass, 'school_id');
GRANT SELECT, INSERT ON exchange_export TO portfolio_app;

CREATE TABLE portfolio_exchange (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  student_id uuid NOT NULL,
  exchange_id uuid NOT NULL,
  format_version int NOT NULL CHECK (format_version >= 1),
  origin_authority_code text NOT NULL CHECK (length(origin_authority_code) BETWEEN 1 AND 20),
  origin_school_code text NOT NULL CHECK (origin_school_code ~ '^[0-9A-Z]{6}$'),
  origin_school_name text NOT NULL CHECK (length(origin_school_name) BETWEEN 1 AND 100),
  origin_division text NOT NULL CHECK (origin_division IN ('DAY', 'NIGHT')),
  -- When the school of origin built the file (the signed manifest's createdAt).
  created_at timestamptz NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_size bigint NOT NULL CHECK (file_size > 0),
  record_count int NOT NULL CHECK (record_count >= 0),
  file_count int NOT NULL CHECK (file_count >= 0),
  imported_by uuid NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, file_sha256),
  UNIQUE (school_id, exchange_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, imported_by) REFERENCES user_account (school_id, id)
);
CREATE INDEX portfolio_exchange_student_idx ON portfolio_exchange (school_id, student_id, imported_at);
CREATE TRIGGER portfolio_exchange_frozen BEFORE UPDATE ON portfolio_exchange
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
SELECT app_protect_table('portfolio_exchange'::regclass, 'school_id');
GRANT SELECT, INSERT ON portfolio_exchange TO portfolio_app;

CREATE TABLE exchanged_record (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  exchange_id uuid NOT NULL,
  student_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('COURSE_RECORD', 'COURSE_OUTCOME', 'PERFORMANCE', 'CADRE_RECORD', 'RECEIPT')),
  -- 1141 (year and semester), or 1140 for yearly data (多元表現, semester 0).
  term_key text NOT NULL CHECK (term_key ~ '^[0-9]{3}[012]$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- The record's fields as the school of origin showed them: [{"label": …, "value": …}, …].
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'array'),
  -- A record the school of origin had itself received by an earlier exchange: the school it came from first.
  origin_school_code text CHECK (origin_school_code ~ '^[0-9A-Z]{6}$'),
  origin_school_name text CHECK (length(origin_school_name) BETWEEN 1 AND 100),
  ordering int NOT NULL CHECK (ordering >= 0),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, exchange_id, ordering),
  FOREIGN KEY (school_id, exchange_id) REFERENCES portfolio_exchange (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE INDEX exchanged_record_student_idx ON exchanged_record (school_id, student_id);
CREATE TRIGGER exchanged_record_frozen BEFORE UPDATE ON exchanged_record
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
SELECT app_protect_table('exchanged_record'::regclass, 'school_id');
GRANT SELECT, INSERT ON exchanged_record TO portfolio_app;

CREATE TABLE exchanged_file (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  record_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 100),
  size bigint NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  ordering int NOT NULL CHECK (ordering >= 0),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, record_id, ordering),
  FOREIGN KEY (school_id, record_id) REFERENCES exchanged_record (school_id, id)
);
CREATE TRIGGER exchanged_file_frozen BEFORE UPDATE ON exchanged_file
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
SELECT app_protect_table('exchanged_file'::regclass, 'school_id');
GRANT SELECT, INSERT ON exchanged_file TO portfolio_app;

CREATE OR REPLACE VIEW stored_file_reference AS
  SELECT sha256 FROM upload WHERE sha256 IS NOT NULL
  UNION ALL SELECT file_sha256 FROM import_run
  UNION ALL SELECT zip_sha256 FROM submission
  UNION ALL SELECT file_sha256 FROM receipt_import
  UNION ALL SELECT roster_sha256 FROM precheck_run
  UNION ALL SELECT result_sha256 FROM precheck_run WHERE result_sha256 IS NOT NULL
  UNION ALL SELECT sha256 FROM exchange_export
  UNION ALL SELECT file_sha256 FROM portfolio_exchange
  UNION ALL SELECT sha256 FROM exchanged_file;
`);
  }
}
