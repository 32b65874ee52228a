import { Migration } from '@mikro-orm/migrations';

/**
 * The foundation: roles, tenancy helpers, the core model, authentication and the audit log.
 *
 * Tenancy rests on three layers; this migration builds the database one. Every table with a school_id has
 * row-level security ENABLEd and FORCEd, with a policy for portfolio_app on app_school_id(), which each
 * request sets transaction-locally. Primary keys, unique constraints and indexes of tenant tables start with
 * school_id, and foreign keys between tenant tables include it, so a row can never point into another school.
 *
 * Authentication has to find an account before any tenant is known. portfolio_app therefore has no grant on
 * credential, auth_session or login_throttle: it calls SECURITY DEFINER functions owned by portfolio_definer,
 * which see exactly what they need. Those functions are the only path that crosses schools, and they return
 * one principal, never a list of rows.
 */
export class Migration20261128000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
DO $roles$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portfolio_app') THEN
    CREATE ROLE portfolio_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portfolio_definer') THEN
    CREATE ROLE portfolio_definer NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$roles$;
GRANT portfolio_app TO CURRENT_USER;
GRANT portfolio_definer TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO portfolio_app, portfolio_definer;

CREATE FUNCTION app_school_id() RETURNS uuid LANGUAGE sql STABLE
  AS $fn$ SELECT nullif(current_setting('app.school_id', true), '')::uuid $fn$;
CREATE FUNCTION app_authority_id() RETURNS uuid LANGUAGE sql STABLE
  AS $fn$ SELECT nullif(current_setting('app.authority_id', true), '')::uuid $fn$;

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE TABLE authority (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE school (
  id uuid PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authority (id),
  code text NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  division text NOT NULL CHECK (division IN ('DAY', 'NIGHT')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, division)
);
CREATE INDEX school_authority_idx ON school (authority_id, code, division);

CREATE TABLE academic_year (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 100 AND 200),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on > starts_on),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, year)
);

CREATE TABLE term (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  academic_year_id uuid NOT NULL,
  semester int NOT NULL CHECK (semester IN (1, 2)),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on > starts_on),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, academic_year_id, semester),
  FOREIGN KEY (school_id, academic_year_id) REFERENCES academic_year (school_id, id)
);
CREATE INDEX term_dates_idx ON term (school_id, starts_on);

-- The identity store of the installation, one row per login name. Not tenant data: an account of a school or
-- of a bureau points here. portfolio_app has no grant on it.
CREATE TABLE credential (
  id uuid PRIMARY KEY,
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._@-]{3,64}$'),
  password_hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('SCHOOL', 'BUREAU')),
  school_id uuid REFERENCES school (id),
  authority_id uuid NOT NULL REFERENCES authority (id),
  account_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'SCHOOL') = (school_id IS NOT NULL))
);
CREATE UNIQUE INDEX credential_username_key ON credential (lower(username));

CREATE TABLE user_account (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  credential_id uuid NOT NULL REFERENCES credential (id),
  username text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0
    AND roles <@ ARRAY['SCHOOL_ADMIN', 'TEACHER', 'HOMEROOM_TEACHER', 'COUNSELOR', 'STUDENT']
  ),
  admin_sections text[] NOT NULL DEFAULT '{}' CHECK (
    admin_sections <@ ARRAY['REGISTRATION', 'TEACHING', 'STUDENT_AFFAIRS', 'IT', 'COORDINATOR']
  ),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, username),
  UNIQUE (school_id, credential_id)
);

CREATE TABLE bureau_account (
  authority_id uuid NOT NULL REFERENCES authority (id),
  id uuid NOT NULL,
  credential_id uuid NOT NULL REFERENCES credential (id),
  username text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (authority_id, id),
  UNIQUE (authority_id, username)
);

CREATE TABLE school_class (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  academic_year_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
  grade_year int NOT NULL CHECK (grade_year BETWEEN 10 AND 12),
  homeroom_teacher_id uuid,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, academic_year_id, name),
  FOREIGN KEY (school_id, academic_year_id) REFERENCES academic_year (school_id, id),
  FOREIGN KEY (school_id, homeroom_teacher_id) REFERENCES user_account (school_id, id)
);
CREATE INDEX school_class_homeroom_idx ON school_class (school_id, homeroom_teacher_id);

CREATE TABLE student (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  account_id uuid,
  student_number text NOT NULL CHECK (student_number ~ '^[A-Za-z0-9]{1,20}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  national_id_encrypted text NOT NULL,
  -- keyed HMAC, so a unique constraint works without the plain number and cannot be reversed by trying all IDs
  national_id_digest text NOT NULL,
  birth_date date NOT NULL,
  cohort int NOT NULL CHECK (cohort BETWEEN 100 AND 200),
  class_id uuid,
  seat_number int CHECK (seat_number BETWEEN 1 AND 99),
  status text NOT NULL CHECK (status IN ('ENROLLED', 'SUSPENDED', 'TRANSFERRED', 'GRADUATED')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, student_number),
  UNIQUE (school_id, national_id_digest),
  UNIQUE (school_id, account_id),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, account_id) REFERENCES user_account (school_id, id)
);
CREATE INDEX student_class_idx ON student (school_id, class_id, seat_number);

CREATE TABLE auth_session (
  id uuid PRIMARY KEY,
  credential_id uuid NOT NULL REFERENCES credential (id),
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text,
  ip text
);
CREATE INDEX auth_session_credential_idx ON auth_session (credential_id, created_at);

CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures int NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE audit_log (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  operation text NOT NULL,
  target_ids text[] NOT NULL DEFAULT '{}',
  request_id text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (school_id, id)
);
CREATE INDEX audit_log_time_idx ON audit_log (school_id, occurred_at DESC);

CREATE TABLE bureau_audit_log (
  authority_id uuid NOT NULL REFERENCES authority (id),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  operation text NOT NULL,
  target_ids text[] NOT NULL DEFAULT '{}',
  request_id text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (authority_id, id)
);
CREATE INDEX bureau_audit_log_time_idx ON bureau_audit_log (authority_id, occurred_at DESC);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER bureau_audit_log_append_only BEFORE UPDATE OR DELETE ON bureau_audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
`);

    this.addSql(`
-- Row-level security for a table, in one place for this and every later migration: ENABLE and FORCE, the
-- isolation policy for portfolio_app on the given tenant column ('school_id' or 'authority_id', or none for tables
-- with policies of their own), and full access for the migrating role, so that migrations and seeding work when it
-- is not a superuser.
CREATE FUNCTION app_protect_table(p_table regclass, p_tenant_column text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
  IF p_tenant_column = 'school_id' THEN
    EXECUTE format('CREATE POLICY tenant_isolation ON %s TO portfolio_app
                      USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())', p_table);
  ELSIF p_tenant_column = 'authority_id' THEN
    EXECUTE format('CREATE POLICY authority_isolation ON %s TO portfolio_app
                      USING (authority_id = app_authority_id()) WITH CHECK (authority_id = app_authority_id())', p_table);
  ELSIF p_tenant_column IS NOT NULL THEN
    RAISE EXCEPTION 'unknown tenant column %', p_tenant_column;
  END IF;
  EXECUTE format('CREATE POLICY owner_maintenance ON %s TO %I USING (true) WITH CHECK (true)', p_table, current_user);
END
$fn$;
REVOKE ALL ON FUNCTION app_protect_table(regclass, text) FROM PUBLIC;

SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['academic_year', 'term', 'user_account', 'school_class', 'student', 'audit_log']::regclass[]) t;
SELECT app_protect_table(t, 'authority_id') FROM unnest(ARRAY['bureau_account', 'bureau_audit_log']::regclass[]) t;
SELECT app_protect_table(t, NULL) FROM unnest(ARRAY['school', 'credential', 'auth_session', 'login_throttle']::regclass[]) t;

-- A school user sees their own school; a bureau user sees the schools of their own authority.
CREATE POLICY directory ON school FOR SELECT TO portfolio_app
  USING (id = app_school_id() OR authority_id = app_authority_id());

CREATE POLICY definer_read ON school FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY definer_read ON user_account FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY definer_read ON bureau_account FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY definer_all ON credential TO portfolio_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_all ON auth_session TO portfolio_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_all ON login_throttle TO portfolio_definer USING (true) WITH CHECK (true);

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT SELECT ON authority, school TO portfolio_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON academic_year, term, user_account, school_class, student TO portfolio_app;
GRANT SELECT ON bureau_account TO portfolio_app;
GRANT SELECT, INSERT ON audit_log, bureau_audit_log TO portfolio_app;
GRANT SELECT ON school, user_account, bureau_account TO portfolio_definer;
GRANT SELECT, INSERT, UPDATE, DELETE ON credential, auth_session, login_throttle TO portfolio_definer;
`);

    this.addSql(`
CREATE FUNCTION auth_find_credential(p_username text)
RETURNS TABLE (credential_id uuid, password_hash text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT c.id, c.password_hash, coalesce(u.active, b.active, false)
  FROM credential c
  LEFT JOIN user_account u ON c.kind = 'SCHOOL' AND u.school_id = c.school_id AND u.id = c.account_id
  LEFT JOIN bureau_account b ON c.kind = 'BUREAU' AND b.authority_id = c.authority_id AND b.id = c.account_id
  WHERE lower(c.username) = lower(p_username)
$fn$;

-- Creates the credential for an account of the caller's own tenant only: the tenant comes from the
-- transaction's verified settings, never from a parameter.
CREATE FUNCTION auth_create_credential(p_id uuid, p_username text, p_password_hash text, p_account_id uuid)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_school uuid := app_school_id();
  v_authority uuid;
BEGIN
  IF v_school IS NOT NULL THEN
    SELECT authority_id INTO STRICT v_authority FROM school WHERE id = v_school;
    INSERT INTO credential (id, username, password_hash, kind, school_id, authority_id, account_id)
    VALUES (p_id, p_username, p_password_hash, 'SCHOOL', v_school, v_authority, p_account_id);
  ELSIF app_authority_id() IS NOT NULL THEN
    INSERT INTO credential (id, username, password_hash, kind, school_id, authority_id, account_id)
    VALUES (p_id, p_username, p_password_hash, 'BUREAU', NULL, app_authority_id(), p_account_id);
  ELSE
    RAISE EXCEPTION 'no tenant is set for this transaction' USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$fn$;

CREATE FUNCTION auth_create_session(
  p_id uuid, p_credential_id uuid, p_token_hash bytea, p_now timestamptz, p_expires_at timestamptz,
  p_user_agent text, p_ip text
) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  INSERT INTO auth_session (id, credential_id, token_hash, created_at, last_seen_at, expires_at, user_agent, ip)
  VALUES (p_id, p_credential_id, p_token_hash, p_now, p_now, p_expires_at, left(p_user_agent, 300), left(p_ip, 64))
$fn$;

CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_now timestamptz)
RETURNS TABLE (
  session_id uuid, credential_id uuid, kind text, account_id uuid, school_id uuid, authority_id uuid,
  username text, display_name text, roles text[], admin_sections text[], expires_at timestamptz
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  RETURN QUERY
  SELECT s.id, c.id, c.kind, c.account_id, c.school_id, c.authority_id, c.username,
         coalesce(u.display_name, b.display_name),
         coalesce(u.roles, ARRAY['BUREAU_ADMIN']),
         coalesce(u.admin_sections, '{}'::text[]),
         s.expires_at
  FROM auth_session s
  JOIN credential c ON c.id = s.credential_id
  LEFT JOIN user_account u ON c.kind = 'SCHOOL' AND u.school_id = c.school_id AND u.id = c.account_id AND u.active
  LEFT JOIN bureau_account b ON c.kind = 'BUREAU' AND b.authority_id = c.authority_id AND b.id = c.account_id AND b.active
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > p_now
    AND (u.id IS NOT NULL OR b.id IS NOT NULL);
  -- last_seen_at is for the "signed-in devices" list; a minute's precision spares a write per request.
  UPDATE auth_session SET last_seen_at = p_now
  WHERE token_hash = p_token_hash AND last_seen_at < p_now - interval '1 minute';
END
$fn$;

CREATE FUNCTION auth_list_sessions(p_token_hash bytea, p_now timestamptz)
RETURNS TABLE (session_id uuid, created_at timestamptz, last_seen_at timestamptz, expires_at timestamptz,
               user_agent text, ip text, is_current boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent, s.ip, s.token_hash = p_token_hash
  FROM auth_session s
  WHERE s.credential_id = (SELECT credential_id FROM auth_session WHERE token_hash = p_token_hash AND revoked_at IS NULL)
    AND s.revoked_at IS NULL AND s.expires_at > p_now
  ORDER BY s.created_at DESC
$fn$;

-- Revokes sessions of the same person as the presented token: one session by id, or all of them when p_session_id is null.
CREATE FUNCTION auth_revoke_sessions(p_token_hash bytea, p_session_id uuid, p_now timestamptz)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_credential uuid;
  v_count int;
BEGIN
  SELECT credential_id INTO v_credential FROM auth_session WHERE token_hash = p_token_hash AND revoked_at IS NULL;
  IF v_credential IS NULL THEN
    RETURN 0;
  END IF;
  UPDATE auth_session SET revoked_at = p_now
  WHERE credential_id = v_credential AND revoked_at IS NULL AND (p_session_id IS NULL OR id = p_session_id);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END
$fn$;

CREATE FUNCTION auth_revoke_session_by_token(p_token_hash bytea, p_now timestamptz)
RETURNS int
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH revoked AS (
    UPDATE auth_session SET revoked_at = p_now WHERE token_hash = p_token_hash AND revoked_at IS NULL RETURNING 1
  )
  SELECT count(*)::int FROM revoked
$fn$;

CREATE FUNCTION auth_throttle_locked_until(p_keys text[], p_now timestamptz)
RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT max(locked_until) FROM login_throttle WHERE key = ANY (p_keys) AND locked_until > p_now
$fn$;

-- Counts a failure for one key inside a sliding window; past p_max failures the key is locked for
-- p_base_seconds, doubling with every further failure up to p_max_seconds. Returns the lock's end, if any.
CREATE FUNCTION auth_throttle_fail(
  p_key text, p_max int, p_window_seconds int, p_base_seconds int, p_max_seconds int, p_now timestamptz
) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_row login_throttle;
BEGIN
  INSERT INTO login_throttle AS t (key, failures, window_started_at)
  VALUES (p_key, 1, p_now)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN t.window_started_at < p_now - make_interval(secs => p_window_seconds)
                     AND (t.locked_until IS NULL OR t.locked_until < p_now)
                    THEN 1 ELSE t.failures + 1 END,
    window_started_at = CASE WHEN t.window_started_at < p_now - make_interval(secs => p_window_seconds)
                              AND (t.locked_until IS NULL OR t.locked_until < p_now)
                             THEN p_now ELSE t.window_started_at END
  RETURNING * INTO v_row;
  IF v_row.failures >= p_max THEN
    UPDATE login_throttle
    SET locked_until = p_now + make_interval(secs => least(
      p_max_seconds::double precision,
      p_base_seconds * power(2::double precision, least(v_row.failures - p_max, 20))))
    WHERE key = p_key
    RETURNING locked_until INTO v_row.locked_until;
    RETURN v_row.locked_until;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE FUNCTION auth_throttle_clear(p_key text)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  DELETE FROM login_throttle WHERE key = p_key
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'auth_find_credential(text)',
    'auth_create_credential(uuid, text, text, uuid)',
    'auth_create_session(uuid, uuid, bytea, timestamptz, timestamptz, text, text)',
    'auth_resolve_session(bytea, timestamptz)',
    'auth_list_sessions(bytea, timestamptz)',
    'auth_revoke_sessions(bytea, uuid, timestamptz)',
    'auth_revoke_session_by_token(bytea, timestamptz)',
    'auth_throttle_locked_until(text[], timestamptz)',
    'auth_throttle_fail(text, int, int, int, int, timestamptz)',
    'auth_throttle_clear(text)'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO portfolio_app', f);
  END LOOP;
END
$owners$;
`);
  }
}
