import { Migration } from '@mikro-orm/migrations';

/**
 * Uploads and imports. An upload is a slot the server hands out before any byte arrives; the bytes land in
 * content-addressed storage and the row records their SHA-256 and size. An import run records one file's dry run
 * and, once committed, what it changed: who, when, which file (by hash), how many rows.
 */
export class Migration20261128220000UploadsImports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE upload (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('IMPORT')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  declared_size bigint NOT NULL CHECK (declared_size > 0),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint CHECK (size > 0),
  content_type text,
  stored_at timestamptz,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id),
  CHECK ((stored_at IS NULL) = (sha256 IS NULL) AND (sha256 IS NULL) = (size IS NULL))
);
CREATE INDEX upload_creator_idx ON upload (school_id, created_by, created_at);

CREATE TABLE import_run (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('STUDENTS', 'TEACHERS', 'COURSES', 'ENROLMENTS')),
  upload_id uuid NOT NULL,
  term_id uuid NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  status text NOT NULL CHECK (status IN ('PREVIEWED', 'REJECTED', 'COMMITTED')),
  row_count int NOT NULL CHECK (row_count >= 0),
  problem_count int NOT NULL CHECK (problem_count >= 0),
  problems jsonb NOT NULL DEFAULT '[]',
  to_create int NOT NULL DEFAULT 0,
  to_update int NOT NULL DEFAULT 0,
  unchanged int NOT NULL DEFAULT 0,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  committed_by uuid,
  committed_at timestamptz,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, upload_id) REFERENCES upload (school_id, id),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, committed_by) REFERENCES user_account (school_id, id),
  CHECK ((status = 'COMMITTED') = (committed_at IS NOT NULL))
);
CREATE INDEX import_run_created_idx ON import_run (school_id, created_at);

SELECT app_protect_table(t, 'school_id') FROM unnest(ARRAY['upload', 'import_run']::regclass[]) t;
GRANT SELECT, INSERT, UPDATE ON upload, import_run TO portfolio_app;

-- Which of these login names already belong to someone outside the caller's school (another school or a bureau),
-- so a teacher import can say so before it tries to create the login. Names only, nothing else crosses over.
CREATE FUNCTION auth_usernames_taken_elsewhere(p_usernames text[])
RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT lower(c.username) FROM credential c
  WHERE lower(c.username) = ANY (SELECT lower(u) FROM unnest(p_usernames) u)
    AND c.school_id IS DISTINCT FROM app_school_id()
$fn$;
ALTER FUNCTION auth_usernames_taken_elsewhere(text[]) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION auth_usernames_taken_elsewhere(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_usernames_taken_elsewhere(text[]) TO portfolio_app;
`);
  }
}
