import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23 point 4, staggered deadlines (錯開截止).
 *
 * The bureau spreads the end of one window of its published template over its schools in groups, each group ending
 * some days after the one before. It reads the schools' windows and item counts, and moves them, only through the
 * narrow SECURITY DEFINER functions below, each acting for the caller's own authority (app_authority_id()) and only
 * when the caller is a bureau (no app_school_id()); nothing here relaxes a school's row-level security.
 *
 * - stagger_plan: the plans the bureau applied, authority-owned like timeline_template (a plan is the bureau's, not a
 *   school's: authority_id leads the key and the policy is authority_isolation). One plan per template task: the
 *   groups, dates and the expected peaks it was applied with are kept as they were shown (assignments, jsonb).
 * - stagger_school_windows(template task): per active school of the caller's authority, its window adopted from that
 *   template task (null when it has none), the window's term end, its enrolled students and the items the task
 *   concerns in the window's period and in the previous year's equivalent one: counts only, nothing of a person.
 * - stagger_move_window(...): moves one school's window of the caller's template task to the group's end, only when
 *   it is still at the version the plan was computed from (a school that moved it meanwhile makes it return null and
 *   the service rolls the whole plan back). The window's latest end becomes the group's end too: the school may still
 *   shift inside the bounds, now its group's. Its pending alerts are cancelled and the caller's alerts for the new
 *   version (computed by the same alert-scheduler.ts code a school's own move uses) are stored and queued.
 * - stagger_queue_alert_jobs: the job-queue half of that move, owned by the migrating role that owns the queue (as
 *   schedule_deadline_alert is); only portfolio_definer (stagger_move_window) may call it.
 */
export class Migration20261216100000StaggeredDeadlines extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE stagger_plan (
  authority_id uuid NOT NULL REFERENCES authority (id),
  id uuid NOT NULL,
  template_task_id uuid NOT NULL,
  rule text NOT NULL CHECK (rule IN ('ROUND_ROBIN', 'BALANCED')),
  group_count int NOT NULL CHECK (group_count BETWEEN 2 AND 10),
  step_days int NOT NULL CHECK (step_days BETWEEN 1 AND 14),
  common_peak int NOT NULL CHECK (common_peak >= 0),
  staggered_peak int NOT NULL CHECK (staggered_peak >= 0),
  assignments jsonb NOT NULL,
  applied_by uuid NOT NULL,
  applied_at timestamptz NOT NULL,
  PRIMARY KEY (authority_id, id),
  UNIQUE (authority_id, template_task_id),
  FOREIGN KEY (authority_id, template_task_id) REFERENCES timeline_template_task (authority_id, id) ON DELETE CASCADE
);
SELECT app_protect_table('stagger_plan', 'authority_id');
GRANT SELECT, INSERT ON stagger_plan TO portfolio_app;

-- What the functions read and change, and nothing more.
CREATE POLICY stagger_definer_read ON timeline_template_task FOR SELECT TO portfolio_definer USING (true);
GRANT SELECT (authority_id, id, kind, data_year, data_semester) ON timeline_template_task TO portfolio_definer;
GRANT SELECT (school_id, id, term_id, template_task_id, starts_at, ends_at, version) ON timeline_task
  TO portfolio_definer;
CREATE POLICY stagger_definer_move ON timeline_task FOR UPDATE TO portfolio_definer USING (true) WITH CHECK (true);
GRANT UPDATE (ends_at, latest_end, version, updated_at) ON timeline_task TO portfolio_definer;
GRANT SELECT (ends_on, finalized_at) ON term TO portfolio_definer;
GRANT SELECT (id, status) ON student TO portfolio_definer;
CREATE POLICY stagger_definer_read ON course_outcome FOR SELECT TO portfolio_definer USING (true);
GRANT SELECT (school_id, term_id, academic_year_id, selected_at) ON course_outcome TO portfolio_definer;
CREATE POLICY stagger_definer_read ON diverse_performance FOR SELECT TO portfolio_definer USING (true);
GRANT SELECT (school_id, academic_year_id, selected_at) ON diverse_performance TO portfolio_definer;
CREATE POLICY stagger_definer_alerts ON deadline_alert TO portfolio_definer USING (true) WITH CHECK (true);
GRANT SELECT (school_id, id, task_id, fired_at, cancelled_at), INSERT, UPDATE (cancelled_at) ON deadline_alert
  TO portfolio_definer;

-- The items a window's task concerns in a school for one period (the uploads or the selections of it).
CREATE FUNCTION stagger_item_count(p_school_id uuid, p_kind text, p_year int, p_semester int) RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT (CASE p_kind
    WHEN 'UPLOAD_COURSE_OUTCOMES' THEN (
      SELECT count(*) FROM course_outcome o
      JOIN term t ON t.school_id = o.school_id AND t.id = o.term_id
      JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
      WHERE o.school_id = p_school_id AND y.year = p_year AND t.semester = p_semester)
    WHEN 'SELECT_COURSE_OUTCOMES' THEN (
      SELECT count(*) FROM course_outcome o
      JOIN academic_year y ON y.school_id = o.school_id AND y.id = o.academic_year_id
      WHERE o.school_id = p_school_id AND y.year = p_year AND o.selected_at IS NOT NULL)
    WHEN 'UPLOAD_PERFORMANCES' THEN (
      SELECT count(*) FROM diverse_performance p
      JOIN academic_year y ON y.school_id = p.school_id AND y.id = p.academic_year_id
      WHERE p.school_id = p_school_id AND y.year = p_year)
    WHEN 'SELECT_PERFORMANCES' THEN (
      SELECT count(*) FROM diverse_performance p
      JOIN academic_year y ON y.school_id = p.school_id AND y.id = p.academic_year_id
      WHERE p.school_id = p_school_id AND y.year = p_year AND p.selected_at IS NOT NULL)
    ELSE 0 END)::int
$fn$;

CREATE FUNCTION stagger_school_windows(p_template_task_id uuid)
RETURNS TABLE (school_id uuid, code text, name text, division text, task_id uuid, starts_at timestamptz,
               ends_at timestamptz, version int, term_ends_on date, term_finalized boolean, students int,
               items_this_period int, items_previous_period int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT sc.id, sc.code, sc.name, sc.division, t.id, t.starts_at, t.ends_at, t.version, tm.ends_on,
         tm.finalized_at IS NOT NULL,
         (SELECT count(*) FROM student st WHERE st.school_id = sc.id AND st.status = 'ENROLLED')::int,
         stagger_item_count(sc.id, tt.kind, tt.data_year, tt.data_semester),
         stagger_item_count(sc.id, tt.kind, tt.data_year - 1, tt.data_semester)
  FROM timeline_template_task tt
  JOIN school sc ON sc.authority_id = tt.authority_id AND sc.deactivated_at IS NULL
  LEFT JOIN timeline_task t ON t.school_id = sc.id AND t.template_task_id = tt.id
  LEFT JOIN term tm ON tm.school_id = t.school_id AND tm.id = t.term_id
  WHERE app_school_id() IS NULL AND tt.authority_id = app_authority_id() AND tt.id = p_template_task_id
  ORDER BY sc.code, sc.division
$fn$;

CREATE FUNCTION stagger_queue_alert_jobs(p_school_id uuid, p_cancelled uuid[], p_created uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v record;
BEGIN
  FOR v IN SELECT a.id FROM deadline_alert a WHERE a.school_id = p_school_id AND a.id = ANY (p_cancelled) LOOP
    PERFORM graphile_worker.remove_job('deadline_alert:' || v.id);
  END LOOP;
  FOR v IN SELECT a.id, a.fire_at FROM deadline_alert a
           WHERE a.school_id = p_school_id AND a.id = ANY (p_created) AND a.fired_at IS NULL AND a.cancelled_at IS NULL
  LOOP
    PERFORM graphile_worker.add_job(
      'deliver_deadline_alert',
      json_build_object('alertId', v.id, 'schoolId', p_school_id),
      run_at => v.fire_at,
      max_attempts => 25,
      job_key => 'deadline_alert:' || v.id,
      job_key_mode => 'replace'
    );
  END LOOP;
END
$fn$;
REVOKE ALL ON FUNCTION stagger_queue_alert_jobs(uuid, uuid[], uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stagger_queue_alert_jobs(uuid, uuid[], uuid[]) TO portfolio_definer;

CREATE FUNCTION stagger_move_window(p_school_id uuid, p_task_id uuid, p_template_task_id uuid,
                                    p_expected_version int, p_ends_at timestamptz, p_at timestamptz,
                                    p_alert_kinds text[], p_alert_times timestamptz[])
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_version int;
  v_cancelled uuid[];
  v_created uuid[];
BEGIN
  IF app_school_id() IS NOT NULL OR app_authority_id() IS NULL THEN
    RAISE EXCEPTION 'only a bureau staggers deadlines' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT t.version INTO v_version
  FROM timeline_task t
  JOIN school sc ON sc.id = t.school_id AND sc.authority_id = app_authority_id() AND sc.deactivated_at IS NULL
  JOIN timeline_template_task tt ON tt.authority_id = sc.authority_id AND tt.id = t.template_task_id
  WHERE t.school_id = p_school_id AND t.id = p_task_id AND t.template_task_id = p_template_task_id
  FOR UPDATE OF t;
  IF NOT FOUND OR v_version <> p_expected_version THEN
    RETURN NULL;
  END IF;
  UPDATE timeline_task t
  SET ends_at = p_ends_at, latest_end = p_ends_at, version = t.version + 1, updated_at = p_at
  WHERE t.school_id = p_school_id AND t.id = p_task_id
  RETURNING t.version INTO v_version;
  WITH cancelled AS (
    UPDATE deadline_alert a SET cancelled_at = p_at
    WHERE a.school_id = p_school_id AND a.task_id = p_task_id AND a.fired_at IS NULL AND a.cancelled_at IS NULL
    RETURNING a.id
  )
  SELECT coalesce(array_agg(id), '{}') INTO v_cancelled FROM cancelled;
  WITH created AS (
    INSERT INTO deadline_alert (school_id, id, task_id, kind, task_version, fire_at)
    SELECT p_school_id, gen_random_uuid(), p_task_id, k.kind, v_version, k.fire_at
    FROM unnest(p_alert_kinds, p_alert_times) AS k (kind, fire_at)
    RETURNING id
  )
  SELECT coalesce(array_agg(id), '{}') INTO v_created FROM created;
  PERFORM stagger_queue_alert_jobs(p_school_id, v_cancelled, v_created);
  RETURN v_version;
END
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'stagger_item_count(uuid, text, int, int)',
    'stagger_school_windows(uuid)',
    'stagger_move_window(uuid, uuid, uuid, int, timestamptz, timestamptz, text[], timestamptz[])'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END
$owners$;
GRANT EXECUTE ON FUNCTION stagger_school_windows(uuid) TO portfolio_app;
GRANT EXECUTE ON FUNCTION stagger_move_window(uuid, uuid, uuid, int, timestamptz, timestamptz, text[], timestamptz[])
  TO portfolio_app;
`);
  }
}
