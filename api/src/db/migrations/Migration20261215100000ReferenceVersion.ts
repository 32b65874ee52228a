import { Migration } from '@mikro-orm/migrations';

/**
 * A school's reference data (its own row, its academic years and terms) changes a few times a year and is read by
 * nearly every request. `school.reference_version` moves with every change to any of it, in the same transaction,
 * and the session lookup returns it: an instance keeps the rows it read under that version and uses them while the
 * version a request's session lookup sees is the same, on every instance at once, with no message to miss.
 */
export class Migration20261215100000ReferenceVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE school ADD COLUMN reference_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION school_reference_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.reference_version := OLD.reference_version + 1;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER school_reference_changed BEFORE UPDATE ON school
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION school_reference_changed();

-- Years and terms are written by portfolio_app (rollover, onboarding), which may not update the school row itself.
CREATE FUNCTION school_reference_rows_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  UPDATE school SET reference_version = reference_version + 1
  WHERE id IN (SELECT school_id FROM changed_rows);
  RETURN NULL;
END
$fn$;
ALTER FUNCTION school_reference_rows_changed() OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION school_reference_rows_changed() FROM PUBLIC;
CREATE POLICY definer_reference_version ON school FOR UPDATE TO portfolio_definer USING (true) WITH CHECK (true);
GRANT UPDATE (reference_version) ON school TO portfolio_definer;

-- As in SingleSignOn, plus the school's reference version.
DROP FUNCTION auth_resolve_session(bytea, timestamptz);
CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_now timestamptz)
RETURNS TABLE (
  session_id uuid, credential_id uuid, kind text, account_id uuid, school_id uuid, authority_id uuid,
  username text, display_name text, roles text[], admin_sections text[], expires_at timestamptz,
  password_temporary boolean, temporary_until timestamptz, student_status text, status_changed_at timestamptz,
  school_deactivated_at timestamptz, sign_in_provider text, school_reference_version bigint
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
         s.sign_in_provider, sc.reference_version
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
ALTER FUNCTION auth_resolve_session(bytea, timestamptz) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION auth_resolve_session(bytea, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_resolve_session(bytea, timestamptz) TO portfolio_app;
`);
    for (const table of ['academic_year', 'term']) {
      for (const [event, transition] of [
        ['INSERT', 'NEW TABLE AS changed_rows'],
        ['UPDATE', 'NEW TABLE AS changed_rows'],
        ['DELETE', 'OLD TABLE AS changed_rows'],
      ] as const) {
        this.addSql(`CREATE TRIGGER ${table}_reference_${event.toLowerCase()} AFTER ${event} ON ${table}
  REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION school_reference_rows_changed();`);
      }
    }
  }
}
