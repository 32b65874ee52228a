import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18: accounts for a whole city.
 *
 * - A student's login comes from the roster: committing it creates the account with no usable password and
 *   `slip_pending`, and printing the class's first-password slips sets a one-time password (stored hashed only) and
 *   clears it. No password is ever stored in clear, so a slip cannot be printed twice: a lost one is a reset.
 * - Whether a person may still sign in, and whether they may change anything, follows facts the session resolution
 *   returns (the student's status and since when, a temporary account's end, the school's deactivation, a password
 *   somebody else set); the policy that turns them into access is the application's (AccountStatusPolicy), so it can
 *   be configured without a migration.
 */
export class Migration20261211000000Accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE school ADD COLUMN deactivated_at timestamptz;
-- How a student's login name is made from the roster: {code} the school code, {number} the 學號 (lowercased).
ALTER TABLE school ADD COLUMN student_login_pattern text NOT NULL DEFAULT '{code}{number}'
  CHECK (student_login_pattern LIKE '%{number}%' AND length(student_login_pattern) BETWEEN 8 AND 40);
-- The two divisions of a school share its code and their 學號 may overlap: 進修部 logins get an n.
UPDATE school SET student_login_pattern = '{code}n{number}' WHERE division = 'NIGHT';

-- The account exists but its first password has not been handed out yet: nothing can sign in with it.
ALTER TABLE credential ADD COLUMN slip_pending boolean NOT NULL DEFAULT false;
-- 臨時帳號: until this moment the student's status rules are lifted (休學/異動 students who must still select).
ALTER TABLE credential ADD COLUMN temporary_until timestamptz;

-- When the status last changed, for the grace periods of 轉出 and 畢業. Set by the application (its clock).
ALTER TABLE student ADD COLUMN status_changed_at timestamptz;
-- When a student left is not known for rows older than this column: their grace period starts at the upgrade,
-- rather than ending the day it is deployed.
UPDATE student SET status_changed_at = CASE WHEN status = 'ENROLLED' THEN created_at ELSE now() END;
ALTER TABLE student ALTER COLUMN status_changed_at SET NOT NULL;
ALTER TABLE student ALTER COLUMN status_changed_at SET DEFAULT now();

CREATE POLICY definer_read ON student FOR SELECT TO portfolio_definer USING (true);
GRANT SELECT (school_id, account_id, status, status_changed_at) ON student TO portfolio_definer;

-- Whether a password is temporary now comes with the session itself (auth_resolve_session).
DROP FUNCTION auth_password_temporary(bytea);

DROP FUNCTION auth_find_credential(text);
CREATE FUNCTION auth_find_credential(p_username text)
RETURNS TABLE (
  credential_id uuid, password_hash text, active boolean, password_temporary boolean, slip_pending boolean,
  temporary_until timestamptz, student_status text, status_changed_at timestamptz, school_deactivated_at timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT c.id, c.password_hash, coalesce(u.active, b.active, false), c.password_temporary, c.slip_pending,
         c.temporary_until, st.status, st.status_changed_at, sc.deactivated_at
  FROM credential c
  LEFT JOIN user_account u ON c.kind = 'SCHOOL' AND u.school_id = c.school_id AND u.id = c.account_id
  LEFT JOIN bureau_account b ON c.kind = 'BUREAU' AND b.authority_id = c.authority_id AND b.id = c.account_id
  LEFT JOIN student st ON st.school_id = c.school_id AND st.account_id = c.account_id
  LEFT JOIN school sc ON sc.id = c.school_id
  WHERE lower(c.username) = lower(p_username)
$fn$;

DROP FUNCTION auth_resolve_session(bytea, timestamptz);
CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_now timestamptz)
RETURNS TABLE (
  session_id uuid, credential_id uuid, kind text, account_id uuid, school_id uuid, authority_id uuid,
  username text, display_name text, roles text[], admin_sections text[], expires_at timestamptz,
  password_temporary boolean, temporary_until timestamptz, student_status text, status_changed_at timestamptz,
  school_deactivated_at timestamptz
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  RETURN QUERY
  SELECT s.id, c.id, c.kind, c.account_id, c.school_id, c.authority_id, c.username,
         coalesce(u.display_name, b.display_name),
         coalesce(u.roles, ARRAY['BUREAU_ADMIN']),
         coalesce(u.admin_sections, '{}'::text[]),
         s.expires_at,
         c.password_temporary, c.temporary_until, st.status, st.status_changed_at, sc.deactivated_at
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

-- Logins for students of the caller's school whose first password is still to be handed out: no usable password
-- ('!' is no argon2 hash, so nothing verifies against it), temporary, slip pending.
CREATE FUNCTION auth_create_pending_credentials(p_ids uuid[], p_usernames text[], p_account_ids uuid[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_school uuid := app_school_id();
  v_authority uuid;
BEGIN
  IF v_school IS NULL THEN
    RAISE EXCEPTION 'no school is set for this transaction' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT authority_id INTO STRICT v_authority FROM school WHERE id = v_school;
  INSERT INTO credential (id, username, password_hash, kind, school_id, authority_id, account_id,
                          password_temporary, slip_pending)
  SELECT id, username, '!', 'SCHOOL', v_school, v_authority, account_id, true, true
  FROM unnest(p_ids, p_usernames, p_account_ids) AS n (id, username, account_id);
END
$fn$;

-- Which of these accounts of the caller's school still wait for their first password.
CREATE FUNCTION auth_slips_pending(p_account_ids uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT c.account_id FROM credential c
  WHERE c.school_id = app_school_id() AND c.slip_pending AND c.account_id = ANY (p_account_ids)
$fn$;

-- Hands out first passwords: each account of the caller's school still pending gets its hash, once. Returns the
-- accounts it set, so that two people printing the same class at once cannot both print a working slip.
CREATE FUNCTION auth_issue_first_passwords(p_account_ids uuid[], p_password_hashes text[])
RETURNS SETOF uuid
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  UPDATE credential c SET password_hash = n.password_hash, slip_pending = false, password_temporary = true
  FROM unnest(p_account_ids, p_password_hashes) AS n (account_id, password_hash)
  WHERE c.school_id = app_school_id() AND c.account_id = n.account_id AND c.slip_pending
  RETURNING c.account_id
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'auth_find_credential(text)',
    'auth_resolve_session(bytea, timestamptz)',
    'auth_create_pending_credentials(uuid[], text[], uuid[])',
    'auth_slips_pending(uuid[])',
    'auth_issue_first_passwords(uuid[], text[])'
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
