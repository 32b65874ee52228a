import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18, account administration: the list covers students too (searched by login name, name or 學號, filtered by
 * kind and status), and 資訊組 can disable and enable an account, unlock a login name the throttle locked, give or
 * take teaching roles, and grant or end a student's temporary access (臨時帳號).
 *
 * As before, the functions reach the accounts of the caller's own school, or for a bureau the schools of its own
 * authority (the tenant comes from the transaction's settings, never from a parameter); who may change what is
 * decided by the application before it calls them. Every change writes the school's audit row in the same
 * transaction. A password set here is temporary (its owner must change it) and hands the first password out, so a
 * class's slip printed later cannot overwrite it (slip_pending is cleared).
 */
export class Migration20261211300000AccountAdmin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
-- What the list shows and searches of a student, and who leads a class (a homeroom teacher keeps that role while
-- a class of a year not yet over names them).
GRANT SELECT (id, student_number, name) ON student TO portfolio_definer;
CREATE POLICY definer_read ON school_class FOR SELECT TO portfolio_definer USING (true);
GRANT SELECT (school_id, id, academic_year_id, name, homeroom_teacher_id) ON school_class TO portfolio_definer;
GRANT SELECT (starts_on, ends_on) ON academic_year TO portfolio_definer;
GRANT UPDATE (active) ON user_account TO portfolio_definer;

-- The list pages by login name within a school.
CREATE INDEX user_account_login_idx ON user_account (school_id, lower(username), id);

DROP FUNCTION account_admin_list(uuid, text, uuid, int);
DROP FUNCTION account_admin_get(uuid);
DROP VIEW account_admin_account;

-- An account as its administration reads it. The credential counts only when it names the account back (as
-- auth_find_credential joins them). locked_until is the throttle's lock of the login name from anywhere (the key
-- "account:<name>"), whether or not it has ended: the caller compares it with its own clock.
CREATE VIEW account_admin_account AS
  SELECT u.id, u.school_id, u.username, u.display_name, u.roles, u.admin_sections, u.active,
         coalesce(c.password_temporary, false) AS password_temporary,
         coalesce(c.slip_pending, false) AS slip_pending,
         c.temporary_until,
         ('STUDENT' = ANY (u.roles)) AS is_student,
         st.student_number, st.name AS student_name, st.status AS student_status,
         (SELECT t.locked_until FROM login_throttle t WHERE t.key = 'account:' || lower(u.username)) AS locked_until
  FROM user_account u
  LEFT JOIN credential c ON c.id = u.credential_id AND c.kind = 'SCHOOL' AND c.school_id = u.school_id
                        AND c.account_id = u.id
  LEFT JOIN student st ON st.school_id = u.school_id AND st.account_id = u.id;
ALTER VIEW account_admin_account OWNER TO portfolio_definer;
REVOKE ALL ON account_admin_account FROM PUBLIC;

-- Accounts of one school by login name, a page at a time (keyset: after the given name and id). The search text is
-- matched as a plain substring (strpos: % and _ are themselves) of the login name, the name, or the 學號.
CREATE FUNCTION account_admin_list(
  p_school uuid, p_search text, p_kind text, p_status text, p_now timestamptz,
  p_after_name text, p_after_id uuid, p_limit int
) RETURNS SETOF account_admin_account
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT a.* FROM account_admin_account a
  WHERE a.school_id = p_school AND account_admin_reaches(p_school)
    AND (p_kind IS NULL OR a.is_student = (p_kind = 'STUDENT'))
    AND (p_search IS NULL
         OR strpos(lower(a.username), lower(p_search)) > 0
         OR strpos(lower(a.display_name), lower(p_search)) > 0
         OR strpos(lower(coalesce(a.student_name, '')), lower(p_search)) > 0
         OR strpos(lower(coalesce(a.student_number, '')), lower(p_search)) > 0)
    AND CASE p_status
          WHEN 'ACTIVE' THEN a.active
          WHEN 'DISABLED' THEN NOT a.active
          WHEN 'LOCKED' THEN coalesce(a.locked_until > p_now, false)
          WHEN 'MUST_CHANGE_PASSWORD' THEN a.password_temporary AND NOT a.slip_pending
          WHEN 'SLIP_PENDING' THEN a.slip_pending
          WHEN 'TEMPORARY_ACCESS' THEN coalesce(a.temporary_until > p_now, false)
          ELSE true
        END
    AND (p_after_name IS NULL OR (lower(a.username), a.id) > (p_after_name, p_after_id))
  ORDER BY lower(a.username), a.id
  LIMIT p_limit
$fn$;

CREATE FUNCTION account_admin_get(p_account uuid)
RETURNS SETOF account_admin_account
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT a.* FROM account_admin_account a WHERE a.id = p_account AND account_admin_reaches(a.school_id)
$fn$;

-- Disables or enables an account, on its row locked for it. Disabling ends every session of it (the caller
-- announces that to every instance). Outcomes: OK, UNCHANGED, NOT_FOUND. Returns the credential for the notice.
CREATE FUNCTION account_admin_set_active(
  p_account uuid, p_active boolean, p_now timestamptz, p_actor uuid, p_request_id text
) RETURNS TABLE (outcome text, credential_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_row user_account;
  v_credential uuid;
BEGIN
  SELECT * INTO v_row FROM user_account u
  WHERE u.id = p_account AND account_admin_reaches(u.school_id)
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::uuid;
    RETURN;
  END IF;
  SELECT c.id INTO v_credential FROM credential c
  WHERE c.id = v_row.credential_id AND c.kind = 'SCHOOL' AND c.school_id = v_row.school_id AND c.account_id = v_row.id;
  IF v_row.active = p_active THEN
    RETURN QUERY SELECT 'UNCHANGED'::text, v_credential;
    RETURN;
  END IF;
  UPDATE user_account u SET active = p_active WHERE u.school_id = v_row.school_id AND u.id = v_row.id;
  IF NOT p_active AND v_credential IS NOT NULL THEN
    UPDATE auth_session s SET revoked_at = p_now WHERE s.credential_id = v_credential AND s.revoked_at IS NULL;
  END IF;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (v_row.school_id, gen_random_uuid(), p_actor,
          CASE WHEN p_active THEN 'account.enable' ELSE 'account.disable' END,
          ARRAY[p_account::text], p_request_id, '{}');
  RETURN QUERY SELECT 'OK'::text, v_credential;
END
$fn$;

-- Lifts the throttle's locks of the account's login name: the name from anywhere ("account:<name>") and from each
-- address ("pair:<name>|<address>"). An address's own lock stays (it guessed at many names). Rows are locked in key
-- order first, as the auth_throttle_* functions do, so a sign-in at the same moment cannot deadlock with it.
-- Returns how many rows went, or null when the account is not reachable.
CREATE FUNCTION account_admin_unlock(p_account uuid, p_actor uuid, p_request_id text)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_school uuid;
  v_name text;
  v_count int;
BEGIN
  SELECT u.school_id, lower(u.username) INTO v_school, v_name FROM user_account u
  WHERE u.id = p_account AND account_admin_reaches(u.school_id);
  IF v_school IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM login_throttle t
  WHERE t.key = 'account:' || v_name OR starts_with(t.key, 'pair:' || v_name || '|')
  ORDER BY t.key FOR UPDATE;
  DELETE FROM login_throttle t
  WHERE t.key = 'account:' || v_name OR starts_with(t.key, 'pair:' || v_name || '|');
  GET DIAGNOSTICS v_count = ROW_COUNT;
  IF v_count > 0 THEN
    INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
    VALUES (v_school, gen_random_uuid(), p_actor, 'account.unlock', ARRAY[p_account::text], p_request_id,
            jsonb_build_object('cleared', v_count));
  END IF;
  RETURN v_count;
END
$fn$;

-- Gives or takes one teaching role (任課教師, 導師, 課程諮詢教師), on the account row locked for it. A homeroom
-- teacher keeps 導師 while a class of a school year not yet over (ends on or after p_today) names them.
-- Outcomes: OK, UNCHANGED, NOT_FOUND, STUDENT_ACCOUNT, LAST_ROLE, HOMEROOM_CLASS (class_name says which).
CREATE FUNCTION account_admin_set_role(
  p_account uuid, p_role text, p_granted boolean, p_today date, p_actor uuid, p_request_id text
) RETURNS TABLE (outcome text, roles text[], class_name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_row user_account;
  v_roles text[];
  v_class text;
BEGIN
  IF p_role NOT IN ('TEACHER', 'HOMEROOM_TEACHER', 'COUNSELOR') THEN
    RAISE EXCEPTION 'not a teaching role: %', p_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO v_row FROM user_account u
  WHERE u.id = p_account AND account_admin_reaches(u.school_id)
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::text[], NULL::text;
    RETURN;
  END IF;
  IF 'STUDENT' = ANY (v_row.roles) THEN
    RETURN QUERY SELECT 'STUDENT_ACCOUNT'::text, v_row.roles, NULL::text;
    RETURN;
  END IF;
  IF (p_role = ANY (v_row.roles)) = p_granted THEN
    RETURN QUERY SELECT 'UNCHANGED'::text, v_row.roles, NULL::text;
    RETURN;
  END IF;
  IF NOT p_granted AND p_role = 'HOMEROOM_TEACHER' THEN
    SELECT c.name INTO v_class FROM school_class c
    JOIN academic_year y ON y.school_id = c.school_id AND y.id = c.academic_year_id
    WHERE c.school_id = v_row.school_id AND c.homeroom_teacher_id = v_row.id AND y.ends_on >= p_today
    ORDER BY y.starts_on DESC, c.name
    LIMIT 1;
    IF v_class IS NOT NULL THEN
      RETURN QUERY SELECT 'HOMEROOM_CLASS'::text, v_row.roles, v_class;
      RETURN;
    END IF;
  END IF;
  v_roles := CASE WHEN p_granted THEN v_row.roles || p_role ELSE array_remove(v_row.roles, p_role) END;
  IF cardinality(v_roles) = 0 THEN
    RETURN QUERY SELECT 'LAST_ROLE'::text, v_row.roles, NULL::text;
    RETURN;
  END IF;
  UPDATE user_account u SET roles = v_roles WHERE u.school_id = v_row.school_id AND u.id = v_row.id;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (v_row.school_id, gen_random_uuid(), p_actor,
          CASE WHEN p_granted THEN 'account.grant_role' ELSE 'account.revoke_role' END,
          ARRAY[p_account::text], p_request_id, jsonb_build_object('role', p_role));
  RETURN QUERY SELECT 'OK'::text, v_roles, NULL::text;
END
$fn$;

-- As before, and a reset hands the account's first password out: a slip printed afterwards must not replace it.
-- On the account row locked for it, and checked again there: an office account (a section, or the 行政人員 role) is
-- reset only when p_office_allowed (執行秘書, the bureau), so a section granted a moment ago by another request
-- cannot end up with a password the resetter knows. Outcomes: OK, NOT_FOUND, OFFICE_ACCOUNT.
DROP FUNCTION account_admin_reset_password(uuid, text, timestamptz, uuid, text);
CREATE FUNCTION account_admin_reset_password(
  p_account uuid, p_password_hash text, p_now timestamptz, p_actor uuid, p_request_id text, p_office_allowed boolean
) RETURNS TABLE (outcome text, credential_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_row user_account;
  v_credential uuid;
BEGIN
  SELECT * INTO v_row FROM user_account u
  WHERE u.id = p_account AND account_admin_reaches(u.school_id)
  FOR UPDATE;
  -- The credential must say it belongs to this very account, as auth_find_credential joins it: a credential_id
  -- pointed elsewhere (by a bug, or by whoever can write user_account) reaches nothing.
  SELECT c.id INTO v_credential FROM credential c
  WHERE c.id = v_row.credential_id AND c.kind = 'SCHOOL' AND c.school_id = v_row.school_id AND c.account_id = v_row.id;
  IF v_credential IS NULL THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::uuid;
    RETURN;
  END IF;
  IF NOT p_office_allowed AND (cardinality(v_row.admin_sections) > 0 OR 'SCHOOL_ADMIN' = ANY (v_row.roles)) THEN
    RETURN QUERY SELECT 'OFFICE_ACCOUNT'::text, NULL::uuid;
    RETURN;
  END IF;
  UPDATE credential c SET password_hash = p_password_hash, password_temporary = true, slip_pending = false
  WHERE c.id = v_credential;
  UPDATE auth_session s SET revoked_at = p_now WHERE s.credential_id = v_credential AND s.revoked_at IS NULL;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (v_row.school_id, gen_random_uuid(), p_actor, 'account.reset_password', ARRAY[p_account::text],
          p_request_id, '{}');
  RETURN QUERY SELECT 'OK'::text, v_credential;
END
$fn$;

-- As before, and a section is not granted while the account's password is one somebody else set, checked on the
-- row locked for it (a reset a moment ago by another request cannot slip in between the check and the grant).
CREATE OR REPLACE FUNCTION account_admin_set_section(
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
  IF p_granted AND EXISTS (
    SELECT 1 FROM credential c
    WHERE c.id = v_row.credential_id AND c.account_id = v_row.id AND (c.password_temporary OR c.slip_pending)
  ) THEN
    RETURN QUERY SELECT 'TEMPORARY_PASSWORD'::text, v_row.roles, v_row.admin_sections;
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

-- 臨時帳號: a student whose status keeps them out (休學, 轉出, 畢業) may sign in until the end of p_until (a
-- calendar day in Taipei), with a new one-time password; every earlier session ends. Outcomes: OK, NOT_FOUND,
-- NOT_STUDENT, ENROLLED (no status keeps them out), DISABLED (the account is off; enable it first).
CREATE FUNCTION account_admin_grant_temporary(
  p_account uuid, p_until date, p_password_hash text, p_now timestamptz, p_actor uuid, p_request_id text
) RETURNS TABLE (outcome text, credential_id uuid, temporary_until timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_row user_account;
  v_status text;
  v_credential uuid;
  v_until timestamptz := (p_until + 1)::timestamp AT TIME ZONE 'Asia/Taipei';
BEGIN
  SELECT * INTO v_row FROM user_account u
  WHERE u.id = p_account AND account_admin_reaches(u.school_id)
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::uuid, NULL::timestamptz;
    RETURN;
  END IF;
  SELECT st.status INTO v_status FROM student st WHERE st.school_id = v_row.school_id AND st.account_id = v_row.id;
  IF v_status IS NULL THEN
    RETURN QUERY SELECT 'NOT_STUDENT'::text, NULL::uuid, NULL::timestamptz;
    RETURN;
  END IF;
  IF v_status = 'ENROLLED' THEN
    RETURN QUERY SELECT 'ENROLLED'::text, NULL::uuid, NULL::timestamptz;
    RETURN;
  END IF;
  IF NOT v_row.active THEN
    RETURN QUERY SELECT 'DISABLED'::text, NULL::uuid, NULL::timestamptz;
    RETURN;
  END IF;
  SELECT c.id INTO v_credential FROM credential c
  WHERE c.id = v_row.credential_id AND c.kind = 'SCHOOL' AND c.school_id = v_row.school_id AND c.account_id = v_row.id
  FOR UPDATE;
  IF v_credential IS NULL THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::uuid, NULL::timestamptz;
    RETURN;
  END IF;
  UPDATE credential c
  SET temporary_until = v_until, password_hash = p_password_hash, password_temporary = true, slip_pending = false
  WHERE c.id = v_credential;
  UPDATE auth_session s SET revoked_at = p_now WHERE s.credential_id = v_credential AND s.revoked_at IS NULL;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (v_row.school_id, gen_random_uuid(), p_actor, 'account.grant_temporary_access', ARRAY[p_account::text],
          p_request_id, jsonb_build_object('until', p_until, 'studentStatus', v_status));
  RETURN QUERY SELECT 'OK'::text, v_credential, v_until;
END
$fn$;

-- Ends a temporary access now. Sessions of a student whose status keeps them out were allowed only by it, so they
-- end too (the caller announces it). Outcomes: OK, UNCHANGED (none was granted), NOT_FOUND.
CREATE FUNCTION account_admin_end_temporary(p_account uuid, p_now timestamptz, p_actor uuid, p_request_id text)
RETURNS TABLE (outcome text, credential_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_school uuid;
  v_credential uuid;
  v_until timestamptz;
  v_status text;
BEGIN
  SELECT u.school_id, c.id, c.temporary_until, st.status INTO v_school, v_credential, v_until, v_status
  FROM user_account u
  JOIN credential c ON c.id = u.credential_id AND c.kind = 'SCHOOL' AND c.school_id = u.school_id
                   AND c.account_id = u.id
  LEFT JOIN student st ON st.school_id = u.school_id AND st.account_id = u.id
  WHERE u.id = p_account AND account_admin_reaches(u.school_id)
  FOR UPDATE OF c;
  IF v_credential IS NULL THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::uuid;
    RETURN;
  END IF;
  IF v_until IS NULL THEN
    RETURN QUERY SELECT 'UNCHANGED'::text, v_credential;
    RETURN;
  END IF;
  UPDATE credential c SET temporary_until = NULL WHERE c.id = v_credential;
  IF v_status IS DISTINCT FROM 'ENROLLED' THEN
    UPDATE auth_session s SET revoked_at = p_now WHERE s.credential_id = v_credential AND s.revoked_at IS NULL;
  END IF;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (v_school, gen_random_uuid(), p_actor, 'account.end_temporary_access', ARRAY[p_account::text],
          p_request_id, jsonb_build_object('until', v_until));
  RETURN QUERY SELECT 'OK'::text, v_credential;
END
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'account_admin_list(uuid, text, text, text, timestamptz, text, uuid, int)',
    'account_admin_get(uuid)',
    'account_admin_set_active(uuid, boolean, timestamptz, uuid, text)',
    'account_admin_unlock(uuid, uuid, text)',
    'account_admin_set_role(uuid, text, boolean, date, uuid, text)',
    'account_admin_reset_password(uuid, text, timestamptz, uuid, text, boolean)',
    'account_admin_set_section(uuid, text, boolean, uuid, text)',
    'account_admin_grant_temporary(uuid, date, text, timestamptz, uuid, text)',
    'account_admin_end_temporary(uuid, timestamptz, uuid, text)'
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
