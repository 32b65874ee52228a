import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 19, single sign-on. A session remembers the identity provider it was opened through (null: a password), so
 * that a password somebody else set does not hold up a person who signed in at their provider, and logout can offer
 * the provider's own. auth_find_sso_logins finds the logins a provider's person may be: by login name, or by the
 * keyed digest of a student's national ID (the clear value never reaches the database); auth_retire_temporary_password
 * ends a password somebody else set once its owner has signed in without it. The handshake itself (state,
 * nonce, PKCE verifier) lives in a sealed cookie, so nothing is written before a person has proven who they are.
 */
export class Migration20261212000000SingleSignOn extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE auth_session ADD COLUMN sign_in_provider text CHECK (sign_in_provider ~ '^[a-z][a-z0-9]{0,15}$');

-- Which provider subject (its sub, as a keyed digest with the provider's id: a provider may use a national ID as
-- its subject) signed in as which school login. A login linked to one subject of a provider is refused to every
-- other subject of that provider, whatever its claim says, until 資訊組 resets the login's password or the student's
-- national ID is corrected (either unlinks it). A subject signing in as another login (a transfer) moves its link.
-- Bureau logins are not linked: nothing in the platform could unlink them.
CREATE TABLE sso_link (
  provider text NOT NULL CHECK (provider ~ '^[a-z][a-z0-9]{0,15}$'),
  subject_digest text NOT NULL,
  credential_id uuid NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (provider, subject_digest),
  UNIQUE (provider, credential_id)
);
SELECT app_protect_table('sso_link', NULL);
-- Set by a password reset: until the owner has signed in with the one-time password and set their own, single
-- sign-on does not reach the login, so a reset meant to end somebody else's sign-ins cannot be undone by them.
ALTER TABLE credential ADD COLUMN sso_hold boolean NOT NULL DEFAULT false;
CREATE POLICY definer_all ON sso_link TO portfolio_definer USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON sso_link TO portfolio_definer;

-- A national ID is looked up across schools by the unique (school_id, national_id_digest) index: every index of a
-- tenant table leads with school_id, and PostgreSQL 18 can skip-scan it over the city's hundred-odd schools (before 18,
-- a sequential scan of the students, once per sign-in by national ID).
GRANT SELECT (national_id_digest) ON student TO portfolio_definer;

DROP FUNCTION auth_create_session(uuid, uuid, bytea, timestamptz, timestamptz, text, text);
CREATE FUNCTION auth_create_session(
  p_id uuid, p_credential_id uuid, p_token_hash bytea, p_now timestamptz, p_expires_at timestamptz,
  p_user_agent text, p_ip text, p_sign_in_provider text
) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  INSERT INTO auth_session (id, credential_id, token_hash, created_at, last_seen_at, expires_at, user_agent, ip,
                            sign_in_provider)
  VALUES (p_id, p_credential_id, p_token_hash, p_now, p_now, p_expires_at, left(p_user_agent, 300), left(p_ip, 64),
          p_sign_in_provider)
$fn$;

DROP FUNCTION auth_resolve_session(bytea, timestamptz);
CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_now timestamptz)
RETURNS TABLE (
  session_id uuid, credential_id uuid, kind text, account_id uuid, school_id uuid, authority_id uuid,
  username text, display_name text, roles text[], admin_sections text[], expires_at timestamptz,
  password_temporary boolean, temporary_until timestamptz, student_status text, status_changed_at timestamptz,
  school_deactivated_at timestamptz, sign_in_provider text
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  RETURN QUERY
  SELECT s.id, c.id, c.kind, c.account_id, c.school_id, c.authority_id, c.username,
         coalesce(u.display_name, b.display_name),
         coalesce(u.roles, ARRAY['BUREAU_ADMIN']),
         coalesce(u.admin_sections, '{}'::text[]),
         s.expires_at,
         c.password_temporary, c.temporary_until, st.status, st.status_changed_at, sc.deactivated_at,
         s.sign_in_provider
  FROM auth_session s
  JOIN credential c ON c.id = s.credential_id
  LEFT JOIN user_account u ON c.kind = 'SCHOOL' AND u.school_id = c.school_id AND u.id = c.account_id AND u.active
  LEFT JOIN bureau_account b ON c.kind = 'BUREAU' AND b.authority_id = c.authority_id AND b.id = c.account_id AND b.active
  LEFT JOIN student st ON st.school_id = c.school_id AND st.account_id = c.account_id
  LEFT JOIN school sc ON sc.id = c.school_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > p_now
    AND (u.id IS NOT NULL OR b.id IS NOT NULL);
  -- last_seen_at is for the "signed-in devices" list; a minute's precision spares a write per request.
  UPDATE auth_session SET last_seen_at = p_now
  WHERE token_hash = p_token_hash AND last_seen_at < p_now - interval '1 minute';
END
$fn$;

-- The logins a person signed in at an identity provider may be: the one named by login name (case-insensitive), or
-- every student login whose national ID has this keyed digest (a student enrolled at two schools or divisions has
-- two). account_kind says what the login is, for the provider's rule of whom it may sign in.
CREATE FUNCTION auth_find_sso_logins(
  p_username text, p_national_id_digest text, p_provider text, p_subject_digest text
)
RETURNS TABLE (
  credential_id uuid, account_kind text, active boolean, password_temporary boolean, temporary_until timestamptz,
  student_status text, status_changed_at timestamptz, school_deactivated_at timestamptz, reset_pending boolean,
  linked_here boolean, linked_elsewhere boolean
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH matched AS (
    SELECT c.id FROM credential c WHERE p_username IS NOT NULL AND lower(c.username) = lower(p_username)
    UNION
    SELECT c.id FROM student st
    JOIN credential c ON c.kind = 'SCHOOL' AND c.school_id = st.school_id AND c.account_id = st.account_id
    WHERE p_national_id_digest IS NOT NULL AND st.national_id_digest = p_national_id_digest
  )
  SELECT c.id,
         CASE WHEN c.kind = 'BUREAU' THEN 'BUREAU' WHEN st.account_id IS NOT NULL THEN 'STUDENT' ELSE 'STAFF' END,
         coalesce(u.active, b.active, false), c.password_temporary, c.temporary_until, st.status, st.status_changed_at,
         sc.deactivated_at, c.sso_hold AND c.password_temporary,
         EXISTS (SELECT 1 FROM sso_link l
                 WHERE l.provider = p_provider AND l.credential_id = c.id AND l.subject_digest = p_subject_digest),
         EXISTS (SELECT 1 FROM sso_link l
                 WHERE l.provider = p_provider AND l.credential_id = c.id AND l.subject_digest <> p_subject_digest)
  FROM matched m
  JOIN credential c ON c.id = m.id
  LEFT JOIN user_account u ON c.kind = 'SCHOOL' AND u.school_id = c.school_id AND u.id = c.account_id
  LEFT JOIN bureau_account b ON c.kind = 'BUREAU' AND b.authority_id = c.authority_id AND b.id = c.account_id
  LEFT JOIN student st ON st.school_id = c.school_id AND st.account_id = c.account_id
  LEFT JOIN school sc ON sc.id = c.school_id
$fn$;

-- A person who signed in at their provider retires the password somebody else set for them (a first-password slip,
-- a reset): they never needed it, and whoever else saw it must not use it later. A pending slip is no longer owed
-- either; a password can be had by a reset. True when there was one to retire.
CREATE FUNCTION auth_retire_temporary_password(p_credential_id uuid)
RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH retired AS (
    UPDATE credential SET password_hash = '!', password_temporary = false, slip_pending = false
    WHERE id = p_credential_id AND password_temporary
    RETURNING id
  )
  SELECT EXISTS (SELECT 1 FROM retired)
$fn$;

-- Links the subject to the school login it signed in as (see sso_link). False when another subject took the login
-- first.
CREATE FUNCTION auth_link_sso(p_provider text, p_subject_digest text, p_credential_id uuid, p_now timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  INSERT INTO sso_link (provider, subject_digest, credential_id, linked_at)
  VALUES (p_provider, p_subject_digest, p_credential_id, p_now)
  ON CONFLICT (provider, subject_digest) DO UPDATE SET credential_id = EXCLUDED.credential_id, linked_at = EXCLUDED.linked_at
  WHERE sso_link.credential_id <> EXCLUDED.credential_id;
  RETURN true;
EXCEPTION WHEN unique_violation THEN
  RETURN false;
END
$fn$;

-- 資訊組 (or the bureau) resetting a password re-establishes who holds the login: its provider links go, and single
-- sign-on waits until the owner has used the one-time password (sso_hold). Only within the accounts the caller
-- reaches (account_admin_reaches), whatever credential is named. Returns the links removed.
CREATE FUNCTION auth_unlink_sso(p_credential_id uuid)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_unlinked integer;
BEGIN
  UPDATE credential c SET sso_hold = true
  WHERE c.id = p_credential_id AND c.kind = 'SCHOOL' AND account_admin_reaches(c.school_id);
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  DELETE FROM sso_link WHERE credential_id = p_credential_id;
  GET DIAGNOSTICS v_unlinked = ROW_COUNT;
  RETURN v_unlinked;
END
$fn$;

-- A student's corrected national ID: whoever the wrong one let link the login loses the link.
CREATE FUNCTION sso_unlink_on_national_id_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  DELETE FROM sso_link l USING credential c
  WHERE l.credential_id = c.id AND c.kind = 'SCHOOL' AND c.school_id = NEW.school_id AND c.account_id = NEW.account_id;
  RETURN NULL;
END
$fn$;
ALTER FUNCTION sso_unlink_on_national_id_change() OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION sso_unlink_on_national_id_change() FROM PUBLIC;
CREATE TRIGGER sso_unlink_on_national_id_change AFTER UPDATE OF national_id_digest ON student
  FOR EACH ROW WHEN (OLD.national_id_digest IS DISTINCT FROM NEW.national_id_digest AND NEW.account_id IS NOT NULL)
  EXECUTE FUNCTION sso_unlink_on_national_id_change();

DO $owners$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'auth_create_session(uuid, uuid, bytea, timestamptz, timestamptz, text, text, text)',
    'auth_resolve_session(bytea, timestamptz)',
    'auth_find_sso_logins(text, text, text, text)',
    'auth_link_sso(text, text, uuid, timestamptz)',
    'auth_unlink_sso(uuid)',
    'auth_retire_temporary_password(uuid)'
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
