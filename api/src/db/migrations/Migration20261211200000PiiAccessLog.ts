import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18 (6): who looked at a student's personal data. Every read of a full national ID, every download of a
 * student's evidence by staff and every export with student rows appends rows here (modules/privacy), one row per
 * student, so that one student's log is an index range scan on (school_id, student_id, occurred_at) whatever the
 * size of the package that named them. A package of 1,500 students is one set-based INSERT of 1,500 rows.
 *
 * The log is append-only: portfolio_app may SELECT and INSERT, never UPDATE or DELETE, and the trigger refuses both
 * to anyone (the owner included) except a DELETE by portfolio_definer, the owner of privacy_prune_access_log. That
 * function is the retention policy's only way in: it deletes rows older than the days it is given, never fewer than
 * 365 (so a caller holding portfolio_app cannot empty the log with a small figure), counted back from the caller's
 * time but never from later than the database's (so a clock set ahead cannot make today's rows look old). It runs
 * school by school on the (school_id, occurred_at) index, in batches, and returns only a count.
 */
export class Migration20261211200000PiiAccessLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE pii_access_log (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  student_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('SCHOOL', 'BUREAU')),
  actor_account_id uuid NOT NULL,
  -- Kept as they were at the time of the read: a later change of name or section does not rewrite history.
  actor_name text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 100),
  office text NOT NULL CHECK (length(office) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('NATIONAL_ID_VIEW', 'PACKAGE_DOWNLOAD', 'ROSTER_DOWNLOAD', 'EVIDENCE_DOWNLOAD',
                                     'STUDENT_EXPORT')),
  -- What was read (a submission, a pre-check run, an upload, a class), when the read concerns one.
  target_id uuid,
  request_id text NOT NULL CHECK (length(request_id) BETWEEN 1 AND 128),
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE INDEX pii_access_log_student_idx ON pii_access_log (school_id, student_id, occurred_at DESC, id DESC);
CREATE INDEX pii_access_log_time_idx ON pii_access_log (school_id, occurred_at);

CREATE FUNCTION pii_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND current_user = 'portfolio_definer' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$fn$;
CREATE TRIGGER pii_access_log_append_only BEFORE UPDATE OR DELETE ON pii_access_log
  FOR EACH ROW EXECUTE FUNCTION pii_access_log_append_only();

SELECT app_protect_table('pii_access_log', 'school_id');
GRANT SELECT, INSERT ON pii_access_log TO portfolio_app;

GRANT SELECT (school_id, id, occurred_at), DELETE ON pii_access_log TO portfolio_definer;
CREATE POLICY definer_prune_read ON pii_access_log FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY definer_prune ON pii_access_log FOR DELETE TO portfolio_definer USING (true);

CREATE FUNCTION privacy_prune_access_log(p_now timestamptz, p_retention_days int, p_limit int)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_cutoff timestamptz := least(p_now, now()) - make_interval(days => greatest(p_retention_days, 365));
  v_school uuid;
  v_deleted int;
  v_removed int := 0;
  v_limit int := least(greatest(p_limit, 0), 100000);
BEGIN
  FOR v_school IN SELECT id FROM school ORDER BY id LOOP
    EXIT WHEN v_removed >= v_limit;
    DELETE FROM pii_access_log
    WHERE school_id = v_school AND id IN (
      SELECT id FROM pii_access_log
      WHERE school_id = v_school AND occurred_at < v_cutoff
      LIMIT v_limit - v_removed
    );
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    v_removed := v_removed + v_deleted;
  END LOOP;
  RETURN v_removed;
END
$fn$;
ALTER FUNCTION privacy_prune_access_log(timestamptz, int, int) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION privacy_prune_access_log(timestamptz, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION privacy_prune_access_log(timestamptz, int, int) TO portfolio_app;
`);
  }
}
