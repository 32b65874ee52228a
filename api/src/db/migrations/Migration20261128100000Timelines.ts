import { Migration } from '@mikro-orm/migrations';

const TASK_KINDS = [
  'PRECHECK',
  'UPLOAD_COURSE_OUTCOMES',
  'CERTIFY_COURSE_OUTCOMES',
  'SELECT_COURSE_OUTCOMES',
  'UPLOAD_PERFORMANCES',
  'SELECT_PERFORMANCES',
  'GRADE_ENTRY',
  'SUBMIT',
  'CONFIRM_RECEIPTS',
  'RESOLVE_DISPUTES',
  'FINAL_SUBMIT',
  'GRADE12_EXTRA_ROUND',
];
const kinds = TASK_KINDS.map((kind) => `'${kind}'`).join(', ');
const categories = `'BASIC', 'COURSE_RECORDS', 'COURSE_OUTCOMES', 'PERFORMANCES'`;

/**
 * Timelines: the bureau's templates (authority-owned), each school's adopted windows, per-student extensions, and the
 * deadline alerts scheduled for them. Alerts are delivered by graphile-worker jobs; requests reach its queue only
 * through the two SECURITY DEFINER functions below, which accept alerts of the caller's own school.
 */
export class Migration20261128100000Timelines extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE term ADD COLUMN finalized_at timestamptz;

CREATE TABLE timeline_template (
  authority_id uuid NOT NULL REFERENCES authority (id),
  id uuid NOT NULL,
  academic_year int NOT NULL CHECK (academic_year BETWEEN 100 AND 200),
  semester int NOT NULL CHECK (semester IN (1, 2)),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  published_at timestamptz NOT NULL,
  created_by uuid,
  PRIMARY KEY (authority_id, id),
  UNIQUE (authority_id, academic_year, semester, name)
);

CREATE TABLE timeline_template_task (
  authority_id uuid NOT NULL,
  id uuid NOT NULL,
  template_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN (${kinds})),
  category text CHECK (category IN (${categories})),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  earliest_start timestamptz NOT NULL,
  latest_end timestamptz NOT NULL,
  sections text[] NOT NULL DEFAULT '{}',
  system text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  PRIMARY KEY (authority_id, id),
  UNIQUE NULLS NOT DISTINCT (authority_id, template_id, kind, category),
  FOREIGN KEY (authority_id, template_id) REFERENCES timeline_template (authority_id, id) ON DELETE CASCADE,
  CHECK (ends_at > starts_at),
  CHECK (earliest_start <= starts_at AND ends_at <= latest_end),
  CHECK ((kind = 'SUBMIT') = (category IS NOT NULL))
);

CREATE TABLE timeline_task (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  term_id uuid NOT NULL,
  template_task_id uuid,
  kind text NOT NULL CHECK (kind IN (${kinds})),
  category text CHECK (category IN (${categories})),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- The bureau's bounds, copied at adoption: the school may move the window only inside them.
  earliest_start timestamptz NOT NULL,
  latest_end timestamptz NOT NULL,
  sections text[] NOT NULL DEFAULT '{}',
  system text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  UNIQUE NULLS NOT DISTINCT (school_id, term_id, kind, category),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  CHECK (ends_at > starts_at),
  CHECK ((kind = 'SUBMIT') = (category IS NOT NULL))
);
CREATE INDEX timeline_task_window_idx ON timeline_task (school_id, ends_at);

CREATE TABLE timeline_extension (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  task_id uuid NOT NULL,
  student_id uuid NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  granted_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, task_id, student_id),
  FOREIGN KEY (school_id, task_id) REFERENCES timeline_task (school_id, id) ON DELETE CASCADE,
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, granted_by) REFERENCES user_account (school_id, id)
);
CREATE INDEX timeline_extension_student_idx ON timeline_extension (school_id, student_id);

CREATE TABLE deadline_alert (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  task_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('OPENED', 'CLOSING_72H', 'CLOSING_24H', 'CLOSING_1H', 'CLOSED', 'MOVED')),
  task_version int NOT NULL,
  fire_at timestamptz NOT NULL,
  fired_at timestamptz,
  cancelled_at timestamptz,
  PRIMARY KEY (school_id, id),
  -- Exactly once: one alert of a kind for one version of a window.
  UNIQUE (school_id, task_id, kind, task_version),
  FOREIGN KEY (school_id, task_id) REFERENCES timeline_task (school_id, id) ON DELETE CASCADE
);
CREATE INDEX deadline_alert_pending_idx ON deadline_alert (school_id, task_id) WHERE fired_at IS NULL AND cancelled_at IS NULL;
`);

    this.addSql(`
SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['timeline_task', 'timeline_extension', 'deadline_alert']::regclass[]) t;
SELECT app_protect_table(t, 'authority_id') FROM unnest(ARRAY['timeline_template', 'timeline_template_task']::regclass[]) t;
-- Schools read the templates their own bureau published.
CREATE POLICY school_read ON timeline_template FOR SELECT TO portfolio_app
  USING (authority_id = (SELECT s.authority_id FROM school s WHERE s.id = app_school_id()));
CREATE POLICY school_read ON timeline_template_task FOR SELECT TO portfolio_app
  USING (authority_id = (SELECT s.authority_id FROM school s WHERE s.id = app_school_id()));

GRANT SELECT, INSERT, UPDATE, DELETE ON timeline_task, timeline_extension, timeline_template, timeline_template_task
  TO portfolio_app;
GRANT SELECT, INSERT, UPDATE ON deadline_alert TO portfolio_app;

-- Owned by the migrating role, which owns the job queue: the only way a request schedules or cancels a job.
CREATE FUNCTION schedule_deadline_alert(p_alert_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v deadline_alert;
BEGIN
  SELECT * INTO v FROM deadline_alert WHERE id = p_alert_id AND school_id = app_school_id();
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no such alert in this school' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM graphile_worker.add_job(
    'deliver_deadline_alert',
    json_build_object('alertId', v.id, 'schoolId', v.school_id),
    run_at => v.fire_at,
    max_attempts => 25,
    job_key => 'deadline_alert:' || v.id,
    job_key_mode => 'replace'
  );
END
$fn$;

CREATE FUNCTION unschedule_deadline_alert(p_alert_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM deadline_alert WHERE id = p_alert_id AND school_id = app_school_id()) THEN
    RAISE EXCEPTION 'no such alert in this school' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM graphile_worker.remove_job('deadline_alert:' || p_alert_id);
END
$fn$;

REVOKE ALL ON FUNCTION schedule_deadline_alert(uuid), unschedule_deadline_alert(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION schedule_deadline_alert(uuid), unschedule_deadline_alert(uuid) TO portfolio_app;
`);
  }
}
