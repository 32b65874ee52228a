import { Migration } from '@mikro-orm/migrations';

/**
 * School onboarding by the bureau (issue 18, point 5): a bureau brings a school division on, with its academic years
 * and its first 資訊組 account, deactivates and reactivates it, and sets how its students' logins are made. No SQL by
 * hand.
 *
 * A bureau's request has an authority and no school, so row-level security lets it write no school's rows. The
 * writes go through SECURITY DEFINER functions owned by portfolio_definer, which take the authority from the
 * transaction's verified settings (never from a parameter) and reach only the schools of that authority. The
 * definer gets INSERT on exactly the tables a new school starts with, and UPDATE on the two columns the bureau
 * manages; every function writes the school's own audit row (the bureau's row is written by the application).
 *
 * The city statistics follow a deactivated division: it leaves the term-progress table (nobody there can act any
 * more), and stays in the per-school and cohort tables, flagged, because its students' history is still the city's.
 */
export class Migration20261211100000SchoolOnboarding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE POLICY definer_onboard ON school FOR INSERT TO portfolio_definer WITH CHECK (true);
CREATE POLICY definer_onboard_update ON school FOR UPDATE TO portfolio_definer USING (true) WITH CHECK (true);
GRANT INSERT ON school TO portfolio_definer;
GRANT UPDATE (deactivated_at, student_login_pattern) ON school TO portfolio_definer;
CREATE POLICY definer_onboard ON academic_year FOR INSERT TO portfolio_definer WITH CHECK (true);
CREATE POLICY definer_onboard ON term FOR INSERT TO portfolio_definer WITH CHECK (true);
CREATE POLICY definer_onboard ON user_account FOR INSERT TO portfolio_definer WITH CHECK (true);
GRANT INSERT ON academic_year, term, user_account TO portfolio_definer;

-- Deactivating a division ends the sessions of all its accounts: found by the credential's school.
CREATE INDEX credential_school_idx ON credential (school_id) WHERE school_id IS NOT NULL;

-- The caller must be a bureau: an authority and no school in the transaction's verified settings.
CREATE FUNCTION school_onboarding_authority() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF app_authority_id() IS NULL OR app_school_id() IS NOT NULL THEN
    RAISE EXCEPTION 'school onboarding is for a bureau' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN app_authority_id();
END
$fn$;

-- A new division of the caller's authority: the school row, its academic years with their terms
-- (p_years: [{id, year, startsOn, endsOn, terms: [{id, semester, startsOn, endsOn}]}]), and its first account,
-- 資訊組, whose password is temporary. Outcomes: OK, DUPLICATE_SCHOOL (the code and division exist, in this
-- authority or another), USERNAME_TAKEN (by anybody in the installation, case-insensitively). Anything but OK
-- writes nothing; a racing twin is caught by the unique indexes and answered the same way.
CREATE FUNCTION school_onboard(
  p_school uuid, p_code text, p_name text, p_division text, p_login_pattern text, p_years jsonb,
  p_account uuid, p_credential uuid, p_username text, p_display_name text, p_password_hash text,
  p_actor uuid, p_request_id text
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_authority uuid := school_onboarding_authority();
  v_constraint text;
BEGIN
  IF EXISTS (SELECT FROM school WHERE code = p_code AND division = p_division) THEN
    RETURN 'DUPLICATE_SCHOOL';
  END IF;
  IF EXISTS (SELECT FROM credential WHERE lower(username) = lower(p_username)) THEN
    RETURN 'USERNAME_TAKEN';
  END IF;
  BEGIN
    INSERT INTO school (id, authority_id, code, name, division, student_login_pattern)
    VALUES (p_school, v_authority, p_code, p_name, p_division, p_login_pattern);
    INSERT INTO academic_year (school_id, id, year, starts_on, ends_on)
    SELECT p_school, (y ->> 'id')::uuid, (y ->> 'year')::int, (y ->> 'startsOn')::date, (y ->> 'endsOn')::date
    FROM jsonb_array_elements(p_years) y;
    INSERT INTO term (school_id, id, academic_year_id, semester, starts_on, ends_on)
    SELECT p_school, (t ->> 'id')::uuid, (y ->> 'id')::uuid, (t ->> 'semester')::int, (t ->> 'startsOn')::date,
           (t ->> 'endsOn')::date
    FROM jsonb_array_elements(p_years) y, jsonb_array_elements(y -> 'terms') t;
    INSERT INTO credential (id, username, password_hash, kind, school_id, authority_id, account_id, password_temporary)
    VALUES (p_credential, p_username, p_password_hash, 'SCHOOL', p_school, v_authority, p_account, true);
    INSERT INTO user_account (school_id, id, credential_id, username, display_name, roles, admin_sections)
    VALUES (p_school, p_account, p_credential, p_username, p_display_name, ARRAY['SCHOOL_ADMIN'], ARRAY['IT']);
    INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
    VALUES (p_school, gen_random_uuid(), p_actor, 'school.onboard', ARRAY[p_school::text, p_account::text],
            p_request_id, jsonb_build_object('code', p_code, 'division', p_division, 'itUsername', p_username));
  EXCEPTION WHEN unique_violation THEN
    GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
    RETURN CASE WHEN v_constraint = 'credential_username_key' THEN 'USERNAME_TAKEN' ELSE 'DUPLICATE_SCHOOL' END;
  END;
  RETURN 'OK';
END
$fn$;

-- Deactivates (p_deactivate) or reactivates a division of the caller's authority. Deactivating ends every live
-- session of its accounts and returns their credentials, for the revocation notice. Outcomes: OK, UNCHANGED,
-- NOT_FOUND (no such division in this authority).
CREATE FUNCTION school_set_deactivated(
  p_school uuid, p_deactivate boolean, p_now timestamptz, p_actor uuid, p_request_id text
) RETURNS TABLE (outcome text, revoked_credentials uuid[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_authority uuid := school_onboarding_authority();
  v_row school;
  v_revoked uuid[] := '{}';
BEGIN
  SELECT * INTO v_row FROM school WHERE id = p_school AND authority_id = v_authority FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, '{}'::uuid[];
    RETURN;
  END IF;
  IF (v_row.deactivated_at IS NOT NULL) = p_deactivate THEN
    RETURN QUERY SELECT 'UNCHANGED'::text, '{}'::uuid[];
    RETURN;
  END IF;
  UPDATE school SET deactivated_at = CASE WHEN p_deactivate THEN p_now END WHERE id = p_school;
  IF p_deactivate THEN
    WITH revoked AS (
      UPDATE auth_session s SET revoked_at = p_now
      FROM credential c
      WHERE c.school_id = p_school AND s.credential_id = c.id AND s.revoked_at IS NULL AND s.expires_at > p_now
      RETURNING s.credential_id
    )
    SELECT coalesce(array_agg(DISTINCT credential_id), '{}') INTO v_revoked FROM revoked;
  END IF;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (p_school, gen_random_uuid(), p_actor, CASE WHEN p_deactivate THEN 'school.deactivate' ELSE 'school.reactivate' END,
          ARRAY[p_school::text], p_request_id, jsonb_build_object('sessionsEnded', cardinality(v_revoked)));
  RETURN QUERY SELECT 'OK'::text, v_revoked;
END
$fn$;

-- The rule a division's student logins are made by (the roster import reads it). Logins made before keep their
-- names. Outcomes: OK, UNCHANGED, NOT_FOUND.
CREATE FUNCTION school_set_login_pattern(p_school uuid, p_pattern text, p_actor uuid, p_request_id text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_authority uuid := school_onboarding_authority();
  v_row school;
BEGIN
  SELECT * INTO v_row FROM school WHERE id = p_school AND authority_id = v_authority FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 'NOT_FOUND';
  END IF;
  IF v_row.student_login_pattern = p_pattern THEN
    RETURN 'UNCHANGED';
  END IF;
  UPDATE school SET student_login_pattern = p_pattern WHERE id = p_school;
  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  VALUES (p_school, gen_random_uuid(), p_actor, 'school.set_login_pattern', ARRAY[p_school::text], p_request_id,
          jsonb_build_object('from', v_row.student_login_pattern, 'to', p_pattern));
  RETURN 'OK';
END
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'school_onboarding_authority()',
    'school_onboard(uuid, text, text, text, text, jsonb, uuid, uuid, text, text, text, uuid, text)',
    'school_set_deactivated(uuid, boolean, timestamptz, uuid, text)',
    'school_set_login_pattern(uuid, text, uuid, text)'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO portfolio_app', f);
  END LOOP;
END
$owners$;
`);

    this.addSql(`
-- The per-school table says which divisions are deactivated (their history stays in the city's figures).
DROP FUNCTION stats_city_schools(int, uuid[], text, text, int);
CREATE FUNCTION stats_city_schools(p_cohort int, p_school_ids uuid[], p_after_code text, p_after_division text,
                                   p_limit int)
RETURNS TABLE (school_id uuid, code text, name text, division text, deactivated_at timestamptz, students int,
               uploaders int, outcomes bigint, certified_outcomes bigint, performances bigint,
               counseling_records bigint, as_of timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT sc.id, sc.code, sc.name, sc.division, sc.deactivated_at, count(st.student_id)::int,
         count(st.student_id) FILTER (WHERE st.outcomes > 0)::int, coalesce(sum(st.outcomes), 0)::bigint,
         coalesce(sum(st.certified_outcomes), 0)::bigint, coalesce(sum(st.performances), 0)::bigint,
         coalesce(sum(st.counseling_records), 0)::bigint, statement_timestamp()
  FROM school sc
  LEFT JOIN student_stats st ON st.school_id = sc.id AND (p_cohort IS NULL OR st.cohort = p_cohort)
  WHERE sc.authority_id = stats_require_bureau()
    AND (p_school_ids IS NULL OR sc.id = ANY (p_school_ids))
    AND (p_after_code IS NULL OR (sc.code, sc.division) > (p_after_code, p_after_division))
  GROUP BY sc.id
  ORDER BY sc.code, sc.division
  LIMIT least(greatest(p_limit, 0), 101)
$fn$;
ALTER FUNCTION stats_city_schools(int, uuid[], text, text, int) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION stats_city_schools(int, uuid[], text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stats_city_schools(int, uuid[], text, text, int) TO portfolio_app;

-- Term progress is about who can still act: a deactivated division leaves it.
CREATE OR REPLACE FUNCTION stats_city_term_progress(p_year int, p_semester int, p_now timestamptz, p_after_code text,
                                                    p_after_division text, p_limit int)
RETURNS TABLE (school_id uuid, code text, name text, division text, term_id uuid, open_windows text[],
               enrolled_students int, uploaders int, outcomes bigint, certified_outcomes bigint,
               selected_outcomes bigint, selectors int, receipt_rows bigint, reviewed_rows bigint,
               as_of timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH terms AS (
    SELECT sc.id AS school_id, sc.code, sc.name, sc.division, t.id AS term_id,
           (SELECT array_agg(DISTINCT w.kind ORDER BY w.kind) FROM timeline_task w
            WHERE w.school_id = t.school_id AND w.term_id = t.id AND w.starts_at <= p_now AND p_now < w.ends_at)
             AS open_windows
    FROM school sc
    JOIN academic_year y ON y.school_id = sc.id AND y.year = p_year
    JOIN term t ON t.school_id = sc.id AND t.academic_year_id = y.id AND t.semester = p_semester
    WHERE sc.authority_id = stats_require_bureau() AND sc.deactivated_at IS NULL
      AND (p_after_code IS NULL OR (sc.code, sc.division) > (p_after_code, p_after_division))
  )
  SELECT terms.school_id, terms.code, terms.name, terms.division, terms.term_id, terms.open_windows,
         (SELECT count(*) FROM student_stats st WHERE st.school_id = terms.school_id AND st.enrolled)::int,
         count(ts.student_id) FILTER (WHERE ts.outcomes > 0)::int, coalesce(sum(ts.outcomes), 0)::bigint,
         coalesce(sum(ts.certified_outcomes), 0)::bigint, coalesce(sum(ts.selected_outcomes), 0)::bigint,
         count(ts.student_id) FILTER (WHERE ts.selected_outcomes > 0)::int,
         rc.receipt_rows, rc.reviewed_rows, statement_timestamp()
  FROM terms
  LEFT JOIN student_term_stats ts ON ts.school_id = terms.school_id AND ts.term_id = terms.term_id
  CROSS JOIN LATERAL (
    SELECT count(r.id)::bigint AS receipt_rows, count(v.id)::bigint AS reviewed_rows
    FROM (SELECT DISTINCT ON (ri.kind) ri.id
          FROM receipt_import ri JOIN submission s ON s.school_id = ri.school_id AND s.id = ri.submission_id
          WHERE ri.school_id = terms.school_id AND s.term_id = terms.term_id
          ORDER BY ri.kind, ri.created_at DESC, ri.id DESC) cur
    JOIN receipt_row r ON r.school_id = terms.school_id AND r.receipt_import_id = cur.id AND r.student_id IS NOT NULL
    LEFT JOIN receipt_review v ON v.school_id = r.school_id AND v.receipt_row_id = r.id
  ) rc
  WHERE terms.open_windows IS NOT NULL
  GROUP BY terms.school_id, terms.code, terms.name, terms.division, terms.term_id, terms.open_windows,
           rc.receipt_rows, rc.reviewed_rows
  ORDER BY terms.code, terms.division
  LIMIT least(greatest(p_limit, 0), 101)
$fn$;
`);
  }
}
