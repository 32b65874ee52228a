import { Migration } from '@mikro-orm/migrations';

/**
 * Security hardening (issue 12).
 *
 * Login throttling: an attempt is counted as a failure before the password is checked (auth_throttle_begin), so
 * guesses sent in parallel cannot all pass a limit together; a wrong password leaves it counted and locks a key at its
 * limit (auth_throttle_failed); a right one clears the person's keys and takes it off the address's count
 * (auth_throttle_succeeded). The application calls these outside
 * the request's transaction, so that nothing a request does afterwards can roll a counted failure back.
 *
 * WebSocket connections per session: each open socket is a row, whichever instance holds it, so a cap on sockets per
 * session holds across instances. Instances renew their rows every minute; rows of an instance that died stop
 * counting once they are stale and are deleted by the next renewal anywhere.
 *
 * Account administration: admin sections and password resets, one account at a time. The functions reach the
 * accounts of the caller's own school, or for a bureau the schools of its own authority (the tenant comes from the
 * transaction's settings, never from a parameter); who may change what is decided by the application before it
 * calls them. Every change writes the school's audit row in the same statement's transaction.
 */
export class Migration20261206000000SecurityHardening extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
DROP FUNCTION auth_throttle_locked_until(text[], timestamptz);
DROP FUNCTION auth_throttle_fail(text, int, int, int, int, timestamptz);
DROP FUNCTION auth_throttle_clear(text);

-- The lock after the p_max-th failure lasts p_base seconds and doubles with every failure after it, up to p_cap.
CREATE FUNCTION auth_throttle_lock_end(p_failures int, p_max int, p_base int, p_cap int, p_now timestamptz)
RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $fn$
  SELECT p_now + make_interval(secs => least(
    p_cap::double precision, p_base * power(2::double precision, least(greatest(p_failures - p_max, 0), 20))))
$fn$;

-- Keys are visited in sorted order, so two attempts that share keys never wait for each other in a cycle.
-- Returns null when the attempt may go on (it is then counted on every key as if it failed), else until when it may
-- not. A key already at its limit (its lock just ended, or attempts still in flight hold the rest) lets this one
-- attempt through and is locked for the next step of the back-off meanwhile, so parallel guesses pass one at a time.
CREATE FUNCTION auth_throttle_begin(
  p_keys text[], p_maxes int[], p_window_seconds int, p_base_seconds int, p_max_seconds int, p_now timestamptz
) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_key text;
  v_row login_throttle;
  v_refused timestamptz;
BEGIN
  -- A locked key answers at once and writes nothing: an address already locked cannot grow the table.
  SELECT max(t.locked_until) INTO v_refused FROM login_throttle t WHERE t.key = ANY (p_keys) AND t.locked_until > p_now;
  IF v_refused IS NOT NULL THEN
    RETURN v_refused;
  END IF;
  FOR v_key IN SELECT k FROM unnest(p_keys) AS k ORDER BY k LOOP
    INSERT INTO login_throttle AS t (key, failures, window_started_at)
    VALUES (v_key, 0, p_now)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at < p_now - make_interval(secs => p_window_seconds)
                       AND (t.locked_until IS NULL OR t.locked_until <= p_now)
                      THEN 0 ELSE t.failures END,
      window_started_at = CASE WHEN t.window_started_at < p_now - make_interval(secs => p_window_seconds)
                                AND (t.locked_until IS NULL OR t.locked_until <= p_now)
                               THEN p_now ELSE t.window_started_at END
    RETURNING * INTO v_row;
    IF v_row.locked_until > p_now THEN
      v_refused := greatest(v_refused, v_row.locked_until);
    END IF;
  END LOOP;
  IF v_refused IS NOT NULL THEN
    RETURN v_refused;
  END IF;
  UPDATE login_throttle t
  SET failures = t.failures + 1,
      locked_until = CASE WHEN t.failures >= l.max
                          THEN auth_throttle_lock_end(t.failures + 1, l.max, p_base_seconds, p_max_seconds, p_now)
                          ELSE t.locked_until END
  FROM unnest(p_keys, p_maxes) AS l(key, max)
  WHERE t.key = l.key;
  RETURN NULL;
END
$fn$;

-- The password was wrong: the reserved failures stay, and a key at its limit is locked. Returns the latest lock end.
-- Rows are locked in key order first, as auth_throttle_begin does, so concurrent attempts cannot deadlock.
CREATE FUNCTION auth_throttle_failed(
  p_keys text[], p_maxes int[], p_base_seconds int, p_max_seconds int, p_now timestamptz
) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_until timestamptz;
BEGIN
  PERFORM 1 FROM login_throttle WHERE key = ANY (p_keys) ORDER BY key FOR UPDATE;
  WITH limits AS (SELECT key, max FROM unnest(p_keys, p_maxes) AS k(key, max)),
  locked AS (
    UPDATE login_throttle t
    SET locked_until = greatest(t.locked_until,
                                auth_throttle_lock_end(t.failures, l.max, p_base_seconds, p_max_seconds, p_now))
    FROM limits l
    WHERE t.key = l.key AND t.failures >= l.max
    RETURNING t.locked_until
  )
  SELECT max(locked_until) INTO v_until FROM locked;
  RETURN v_until;
END
$fn$;

-- The password was right: the person's own keys start afresh; a shared key (an address) only has this attempt taken
-- off its count (a lock it is under stays: that address passed its limit).
CREATE FUNCTION auth_throttle_succeeded(p_cleared text[], p_returned text[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  PERFORM 1 FROM login_throttle WHERE key = ANY (p_cleared || p_returned) ORDER BY key FOR UPDATE;
  DELETE FROM login_throttle WHERE key = ANY (p_cleared);
  UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ANY (p_returned);
END
$fn$;

CREATE TABLE ws_connection (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
  instance_id uuid NOT NULL,
  opened_at timestamptz NOT NULL,
  renewed_at timestamptz NOT NULL
);
CREATE INDEX ws_connection_session_idx ON ws_connection (session_id);
CREATE INDEX ws_connection_instance_idx ON ws_connection (instance_id);
CREATE INDEX ws_connection_renewed_idx ON ws_connection (renewed_at);
SELECT app_protect_table('ws_connection', NULL);
CREATE POLICY definer_all ON ws_connection TO portfolio_definer USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON ws_connection TO portfolio_definer;

-- Opens a socket for the session of a token, unless the session has p_max sockets open already (counting only rows
-- renewed since p_stale_before). The session row is locked first, so two sockets opening at once are counted in turn.
CREATE FUNCTION auth_ws_open(
  p_token_hash bytea, p_id uuid, p_instance uuid, p_max int, p_now timestamptz, p_stale_before timestamptz
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_session uuid;
  v_open int;
BEGIN
  SELECT id INTO v_session FROM auth_session
  WHERE token_hash = p_token_hash AND revoked_at IS NULL AND expires_at > p_now
  FOR UPDATE;
  IF v_session IS NULL THEN
    RETURN 'NO_SESSION';
  END IF;
  DELETE FROM ws_connection WHERE session_id = v_session AND renewed_at < p_stale_before;
  SELECT count(*) INTO v_open FROM ws_connection WHERE session_id = v_session;
  IF v_open >= p_max THEN
    RETURN 'TOO_MANY';
  END IF;
  INSERT INTO ws_connection (id, session_id, instance_id, opened_at, renewed_at)
  VALUES (p_id, v_session, p_instance, p_now, p_now);
  RETURN 'OPEN';
END
$fn$;

CREATE FUNCTION auth_ws_close(p_id uuid)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  DELETE FROM ws_connection WHERE id = p_id
$fn$;

-- An instance names the sockets it still has open: they are renewed, any other row of the instance goes (a socket
-- that closed while it was being admitted), and so do rows nobody renewed in time (their instance died).
CREATE FUNCTION auth_ws_renew(p_instance uuid, p_open uuid[], p_now timestamptz, p_stale_before timestamptz)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  UPDATE ws_connection SET renewed_at = p_now WHERE instance_id = p_instance AND id = ANY (p_open);
  DELETE FROM ws_connection WHERE instance_id = p_instance AND NOT (id = ANY (p_open));
  DELETE FROM ws_connection WHERE renewed_at < p_stale_before;
$fn$;

-- Which of these sessions (by token hash) are still live: an instance checks the sessions of its open sockets now
-- and then, so that a revocation whose notice it missed (its listener was reconnecting) still closes them.
CREATE FUNCTION auth_sessions_alive(p_token_hashes_hex text[], p_now timestamptz)
RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT encode(s.token_hash, 'hex') FROM auth_session s
  WHERE s.token_hash IN (SELECT decode(h, 'hex') FROM unnest(p_token_hashes_hex) h)
    AND s.revoked_at IS NULL AND s.expires_at > p_now
$fn$;

-- Rows of keys whose window has passed and that are not locked count for nothing; the worker deletes them hourly.
CREATE FUNCTION auth_throttle_prune(p_now timestamptz, p_window_seconds int)
RETURNS int
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH gone AS (
    DELETE FROM login_throttle
    WHERE window_started_at < p_now - make_interval(secs => p_window_seconds)
      AND (locked_until IS NULL OR locked_until <= p_now)
    RETURNING 1
  )
  SELECT count(*)::int FROM gone
$fn$;

-- A password set by somebody else (a new account's first password, a reset) is temporary until its owner sets one:
-- no admin section is granted to an account whose password someone else knows.
ALTER TABLE credential ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;

DROP FUNCTION auth_create_credential(uuid, text, text, uuid);
CREATE FUNCTION auth_create_credential(
  p_id uuid, p_username text, p_password_hash text, p_account_id uuid, p_temporary boolean
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_school uuid := app_school_id();
  v_authority uuid;
BEGIN
  IF v_school IS NOT NULL THEN
    SELECT authority_id INTO STRICT v_authority FROM school WHERE id = v_school;
    INSERT INTO credential (id, username, password_hash, kind, school_id, authority_id, account_id, password_temporary)
    VALUES (p_id, p_username, p_password_hash, 'SCHOOL', v_school, v_authority, p_account_id, p_temporary);
  ELSIF app_authority_id() IS NOT NULL THEN
    INSERT INTO credential (id, username, password_hash, kind, school_id, authority_id, account_id, password_temporary)
    VALUES (p_id, p_username, p_password_hash, 'BUREAU', NULL, app_authority_id(), p_account_id, p_temporary);
  ELSE
    RAISE EXCEPTION 'no tenant is set for this transaction' USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$fn$;

-- The session's own person sets a new password (the caller has checked the current one): it is no longer temporary,
-- and every other session of the person ends. Returns the credential, for the revocation notice.
CREATE FUNCTION auth_change_password(p_token_hash bytea, p_password_hash text, p_now timestamptz)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_credential uuid;
BEGIN
  SELECT credential_id INTO v_credential FROM auth_session
  WHERE token_hash = p_token_hash AND revoked_at IS NULL AND expires_at > p_now;
  IF v_credential IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE credential SET password_hash = p_password_hash, password_temporary = false WHERE id = v_credential;
  UPDATE auth_session SET revoked_at = p_now
  WHERE credential_id = v_credential AND revoked_at IS NULL AND token_hash <> p_token_hash;
  RETURN v_credential;
END
$fn$;

-- Whether the session's person still signs in with a password somebody else set.
CREATE FUNCTION auth_password_temporary(p_token_hash bytea)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT c.password_temporary FROM auth_session s JOIN credential c ON c.id = s.credential_id
  WHERE s.token_hash = p_token_hash
$fn$;

-- Whether an account of this school may be administered by the caller: its own school, or a school of its authority.
CREATE FUNCTION account_admin_reaches(p_school uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT CASE
    WHEN app_school_id() IS NOT NULL THEN p_school = app_school_id()
    WHEN app_authority_id() IS NOT NULL THEN EXISTS (
      SELECT 1 FROM school WHERE id = p_school AND authority_id = app_authority_id())
    ELSE false
  END
$fn$;

-- What requests may change of an account: its name and its teaching roles (the teacher import). Its admin sections
-- change only through account_admin_set_section, and what it points at (credential, school) never.
REVOKE UPDATE ON user_account FROM portfolio_app;
GRANT UPDATE (display_name, roles) ON user_account TO portfolio_app;

CREATE POLICY definer_admin ON user_account FOR UPDATE TO portfolio_definer USING (true) WITH CHECK (true);
GRANT UPDATE (roles, admin_sections) ON user_account TO portfolio_definer;
CREATE POLICY definer_audit ON audit_log FOR INSERT TO portfolio_definer WITH CHECK (true);
GRANT INSERT ON audit_log TO portfolio_definer;

-- An account as its administration reads it. Whether its password is temporary comes from the credential that
-- names the account back (as auth_find_credential joins them), never from a credential_id alone.
CREATE VIEW account_admin_account AS
  SELECT u.id, u.school_id, u.username, u.display_name, u.roles, u.admin_sections, u.active,
         coalesce(c.password_temporary, false) AS password_temporary
  FROM user_account u
  LEFT JOIN credential c ON c.id = u.credential_id AND c.kind = 'SCHOOL' AND c.school_id = u.school_id
                        AND c.account_id = u.id;
ALTER VIEW account_admin_account OWNER TO portfolio_definer;
REVOKE ALL ON account_admin_account FROM PUBLIC;

-- Staff accounts of one school by login name, a page at a time (keyset: after the given name and id).
CREATE FUNCTION account_admin_list(p_school uuid, p_after_name text, p_after_id uuid, p_limit int)
RETURNS SETOF account_admin_account
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT a.* FROM account_admin_account a
  WHERE a.school_id = p_school AND account_admin_reaches(p_school) AND NOT ('STUDENT' = ANY (a.roles))
    AND (p_after_name IS NULL OR (lower(a.username), a.id) > (p_after_name, p_after_id))
  ORDER BY lower(a.username), a.id
  LIMIT p_limit
$fn$;

CREATE FUNCTION account_admin_get(p_account uuid)
RETURNS SETOF account_admin_account
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT a.* FROM account_admin_account a WHERE a.id = p_account AND account_admin_reaches(a.school_id)
$fn$;

-- Grants or takes away one admin section, on the account row locked for it, so two administrators at once cannot
-- undo each other's change from a stale read. Holding a section is what makes an account 行政人員, so the role
-- follows. Outcomes: OK, UNCHANGED, NOT_FOUND, STUDENT_ACCOUNT, LAST_ROLE (the account would keep no role at all).
CREATE FUNCTION account_admin_set_section(
  p_account uuid, p_section text, p_granted boolean, p_actor uuid, p_request_id text
) RETURNS TABLE (outcome text, roles text[], admin_sections text[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_row user_account;
  v_sections text[];
  v_roles text[];
BEGIN
  SELECT * INTO v_row FROM user_account u
  WHERE u.id = p_account AND account_admin_reaches(u.school_id)
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::text[], NULL::text[];
    RETURN;
  END IF;
  IF 'STUDENT' = ANY (v_row.roles) THEN
    RETURN QUERY SELECT 'STUDENT_ACCOUNT'::text, v_row.roles, v_row.admin_sections;
    RETURN;
  END IF;
  IF (p_section = ANY (v_row.admin_sections)) = p_granted THEN
    RETURN QUERY SELECT 'UNCHANGED'::text, v_row.roles, v_row.admin_sections;
    RETURN;
  END IF;
  v_sections := CASE WHEN p_granted THEN v_row.admin_sections || p_section
                     ELSE array_remove(v_row.admin_sections, p_section) END;
  v_roles := array_remove(v_row.roles, 'SCHOOL_ADMIN');
  IF cardinality(v_sections) > 0 THEN
    v_roles := ARRAY['SCHOOL_ADMIN'] || v_roles;
  END IF;
  IF cardinality(v_roles) = 0 THEN
    RETURN QUERY SELECT 'LAST_ROLE'::text, v_row.roles, v_row.admin_sections;
    RETURN;
  END IF;
  UPDATE user_account u SET roles = v_roles, admin_sections = v_sections
  WHERE u.school_id = v_row.school_id AND u.id = v_row.id;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (v_row.school_id, gen_random_uuid(), p_actor,
          CASE WHEN p_granted THEN 'account.grant_section' ELSE 'account.revoke_section' END,
          ARRAY[p_account::text], p_request_id, jsonb_build_object('section', p_section));
  RETURN QUERY SELECT 'OK'::text, v_roles, v_sections;
END
$fn$;

-- A new password for the account, and every session of it ended. Returns the credential, for the revocation notice.
CREATE FUNCTION account_admin_reset_password(
  p_account uuid, p_password_hash text, p_now timestamptz, p_actor uuid, p_request_id text
) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_school uuid;
  v_credential uuid;
BEGIN
  -- The credential must say it belongs to this very account, as auth_find_credential joins it: a credential_id
  -- pointed elsewhere (by a bug, or by whoever can write user_account) reaches nothing.
  SELECT u.school_id, c.id INTO v_school, v_credential
  FROM user_account u
  JOIN credential c ON c.id = u.credential_id AND c.kind = 'SCHOOL' AND c.school_id = u.school_id
                   AND c.account_id = u.id
  WHERE u.id = p_account AND account_admin_reaches(u.school_id);
  IF v_credential IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE credential SET password_hash = p_password_hash, password_temporary = true WHERE id = v_credential;
  UPDATE auth_session SET revoked_at = p_now WHERE credential_id = v_credential AND revoked_at IS NULL;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (v_school, gen_random_uuid(), p_actor, 'account.reset_password', ARRAY[p_account::text], p_request_id, '{}');
  RETURN v_credential;
END
$fn$;

ALTER FUNCTION auth_throttle_lock_end(int, int, int, int, timestamptz) OWNER TO portfolio_definer;
DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'auth_throttle_begin(text[], int[], int, int, int, timestamptz)',
    'auth_throttle_failed(text[], int[], int, int, timestamptz)',
    'auth_throttle_succeeded(text[], text[])',
    'auth_ws_open(bytea, uuid, uuid, int, timestamptz, timestamptz)',
    'auth_ws_close(uuid)',
    'auth_ws_renew(uuid, uuid[], timestamptz, timestamptz)',
    'auth_sessions_alive(text[], timestamptz)',
    'auth_throttle_prune(timestamptz, int)',
    'auth_create_credential(uuid, text, text, uuid, boolean)',
    'auth_change_password(bytea, text, timestamptz)',
    'auth_password_temporary(bytea)',
    'account_admin_reaches(uuid)',
    'account_admin_list(uuid, text, uuid, int)',
    'account_admin_get(uuid)',
    'account_admin_set_section(uuid, text, boolean, uuid, text)',
    'account_admin_reset_password(uuid, text, timestamptz, uuid, text)'
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
