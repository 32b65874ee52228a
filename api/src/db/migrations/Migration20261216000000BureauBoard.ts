import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23 point 3, the bureau's live board (教育局即時看板).
 *
 * 1. Reads across the authority's schools, as the statistics do: SECURITY DEFINER functions owned by
 *    portfolio_definer that check the caller is a bureau (stats_require_bureau) and return the authority's schools'
 *    windows, round milestones (first submission, first receipt import, final lock) and per-day counts only, never a
 *    student's row:
 *    - board_city_windows(year, semester): each school's own windows of the term (what it adopted or shifted), with
 *      the template task each came from (whose end is the city's target date);
 *    - board_city_rounds(years): when each regular or 高三 round's category was first submitted, first had a receipt
 *      list imported, and was finally locked;
 *    - board_city_series(years, pace_from): per school and Taipei calendar day, how many items joined a measure's
 *      total and how many were done (certification: versions uploaded / decided; selection: students with a first
 *      certified outcome of the year / with a first selection; confirmation: current receipt rows about a student /
 *      answered), and the day's uploads, certifications and selections from pace_from on.
 * 2. Indexes starting with school_id on the timestamps those counts read.
 * 3. bureau_alert: a short alert the bureau sends a school from the board, stored like deadline_alert (school_id
 *    first, RLS, fired once) and announced on the deadline alerts' NOTIFY channel. The bureau has no school, so it
 *    writes the row through board_send_alert, which checks the school is the caller's authority's and the task the
 *    school's, and refuses a second alert about the same school's task within p_min_gap (serialised by an advisory
 *    lock, so two clicks cannot both pass).
 */
export class Migration20261216000000BureauBoard extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE INDEX course_outcome_version_created_idx ON course_outcome_version (school_id, created_at);
CREATE INDEX course_outcome_version_decided_idx ON course_outcome_version (school_id, decided_at)
  WHERE decided_at IS NOT NULL;
CREATE INDEX course_outcome_selected_idx ON course_outcome (school_id, selected_at) WHERE selected_at IS NOT NULL;
CREATE INDEX diverse_performance_created_idx ON diverse_performance (school_id, created_at);
CREATE INDEX diverse_performance_selected_idx ON diverse_performance (school_id, selected_at)
  WHERE selected_at IS NOT NULL;

GRANT SELECT (id, category, data_year, data_semester, grade12_round, template_task_id, sections) ON timeline_task
  TO portfolio_definer;

CREATE FUNCTION board_taipei_day(p_at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $fn$ SELECT (p_at AT TIME ZONE 'Asia/Taipei')::date $fn$;

CREATE FUNCTION board_city_windows(p_year int, p_semester int)
RETURNS TABLE (school_id uuid, code text, name text, division text, term_id uuid, task_id uuid, kind text,
               category text, grade12_round boolean, data_year int, data_semester int, starts_at timestamptz,
               ends_at timestamptz, template_task_id uuid, sections text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT sc.id, sc.code, sc.name, sc.division, t.id, w.id, w.kind, w.category, w.grade12_round, w.data_year,
         w.data_semester, w.starts_at, w.ends_at, w.template_task_id, w.sections
  FROM school sc
  LEFT JOIN academic_year y ON y.school_id = sc.id AND y.year = p_year
  LEFT JOIN term t ON t.school_id = sc.id AND t.academic_year_id = y.id AND t.semester = p_semester
  LEFT JOIN timeline_task w ON w.school_id = sc.id AND w.term_id = t.id
  WHERE sc.authority_id = stats_require_bureau() AND sc.deactivated_at IS NULL
  ORDER BY sc.code, sc.division, w.starts_at, w.kind
$fn$;

CREATE FUNCTION board_city_rounds(p_years int[])
RETURNS TABLE (school_id uuid, year int, semester int, category text, grade12_round boolean,
               submitted_at timestamptz, receipts_at timestamptz, locked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT s.school_id, y.year, t.semester, s.category, s.grade12_round, min(s.created_at),
         (SELECT min(ri.created_at) FROM receipt_import ri JOIN submission s2
            ON s2.school_id = ri.school_id AND s2.id = ri.submission_id
          WHERE ri.school_id = s.school_id AND s2.term_id = s.term_id AND s2.category = s.category
            AND s2.grade12_round = s.grade12_round),
         (SELECT min(l.locked_at) FROM final_lock l
          WHERE l.school_id = s.school_id AND l.term_id = s.term_id AND l.category = s.category
            AND l.grade12_round = s.grade12_round)
  FROM school sc
  JOIN submission s ON s.school_id = sc.id
  JOIN term t ON t.school_id = s.school_id AND t.id = s.term_id
  JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
  WHERE sc.authority_id = stats_require_bureau() AND y.year = ANY (p_years)
  GROUP BY s.school_id, s.term_id, y.year, t.semester, s.category, s.grade12_round
$fn$;

CREATE FUNCTION board_city_series(p_years int[], p_pace_from date)
RETURNS TABLE (school_id uuid, measure text, data_year int, data_semester int, day date, total_added int,
               done_added int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH schools AS (
    SELECT id FROM school WHERE authority_id = stats_require_bureau() AND deactivated_at IS NULL
  ), versions AS (
    SELECT v.school_id, v.created_at, v.decided_at, v.status, o.student_id, o.selected_at, y.year, t.semester
    FROM schools sc
    JOIN course_outcome o ON o.school_id = sc.id
    JOIN term t ON t.school_id = o.school_id AND t.id = o.term_id
    JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
    JOIN course_outcome_version v ON v.school_id = o.school_id AND v.outcome_id = o.id
    WHERE y.year = ANY (p_years)
  ), students AS (
    SELECT school_id, year, student_id, min(decided_at) FILTER (WHERE status = 'CERTIFIED') AS first_certified,
           min(selected_at) AS first_selected
    FROM versions GROUP BY school_id, year, student_id
  ), receipts AS (
    SELECT r.school_id, y.year, t.semester, cur.created_at AS imported_at, v.decided_at AS reviewed_at
    FROM schools sc
    JOIN LATERAL (SELECT DISTINCT ON (s.term_id, s.grade12_round, ri.kind) ri.id, ri.created_at, s.term_id
                  FROM receipt_import ri JOIN submission s ON s.school_id = ri.school_id AND s.id = ri.submission_id
                  WHERE ri.school_id = sc.id
                  ORDER BY s.term_id, s.grade12_round, ri.kind, ri.created_at DESC, ri.id DESC) cur ON true
    JOIN term t ON t.school_id = sc.id AND t.id = cur.term_id
    JOIN academic_year y ON y.school_id = t.school_id AND y.id = t.academic_year_id
    JOIN receipt_row r ON r.school_id = sc.id AND r.receipt_import_id = cur.id AND r.student_id IS NOT NULL
    LEFT JOIN receipt_review v ON v.school_id = r.school_id AND v.receipt_row_id = r.id
    WHERE y.year = ANY (p_years)
  ), events AS (
    SELECT school_id, 'CERTIFY' AS measure, year, semester, board_taipei_day(created_at) AS day, 1 AS t, 0 AS d
    FROM versions
    UNION ALL
    SELECT school_id, 'CERTIFY', year, semester, board_taipei_day(decided_at), 0, 1 FROM versions
    WHERE decided_at IS NOT NULL
    UNION ALL
    SELECT school_id, 'SELECT', year, 0, board_taipei_day(first_certified), 1, 0 FROM students
    WHERE first_certified IS NOT NULL
    UNION ALL
    SELECT school_id, 'SELECT', year, 0, board_taipei_day(first_selected), 0, 1 FROM students
    WHERE first_certified IS NOT NULL AND first_selected IS NOT NULL
    UNION ALL
    SELECT school_id, 'CONFIRM', year, semester, board_taipei_day(imported_at), 1, 0 FROM receipts
    UNION ALL
    SELECT school_id, 'CONFIRM', year, semester, board_taipei_day(reviewed_at), 0, 1 FROM receipts
    WHERE reviewed_at IS NOT NULL
    UNION ALL
    SELECT v.school_id, 'UPLOADS', NULL, NULL, board_taipei_day(v.created_at), 0, 1
    FROM schools sc JOIN course_outcome_version v ON v.school_id = sc.id
    WHERE v.created_at >= p_pace_from::timestamp AT TIME ZONE 'Asia/Taipei'
    UNION ALL
    SELECT p.school_id, 'UPLOADS', NULL, NULL, board_taipei_day(p.created_at), 0, 1
    FROM schools sc JOIN diverse_performance p ON p.school_id = sc.id
    WHERE p.created_at >= p_pace_from::timestamp AT TIME ZONE 'Asia/Taipei'
    UNION ALL
    SELECT v.school_id, 'CERTIFICATIONS', NULL, NULL, board_taipei_day(v.decided_at), 0, 1
    FROM schools sc JOIN course_outcome_version v ON v.school_id = sc.id
    WHERE v.decided_at >= p_pace_from::timestamp AT TIME ZONE 'Asia/Taipei'
    UNION ALL
    SELECT o.school_id, 'SELECTIONS', NULL, NULL, board_taipei_day(o.selected_at), 0, 1
    FROM schools sc JOIN course_outcome o ON o.school_id = sc.id
    WHERE o.selected_at >= p_pace_from::timestamp AT TIME ZONE 'Asia/Taipei'
    UNION ALL
    SELECT p.school_id, 'SELECTIONS', NULL, NULL, board_taipei_day(p.selected_at), 0, 1
    FROM schools sc JOIN diverse_performance p ON p.school_id = sc.id
    WHERE p.selected_at >= p_pace_from::timestamp AT TIME ZONE 'Asia/Taipei'
  )
  SELECT school_id, measure, year, semester, day, sum(t)::int, sum(d)::int
  FROM events GROUP BY school_id, measure, year, semester, day
$fn$;

CREATE TABLE bureau_alert (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 100),
  sent_by uuid NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, task_id) REFERENCES timeline_task (school_id, id) ON DELETE CASCADE
);
CREATE INDEX bureau_alert_task_idx ON bureau_alert (school_id, task_id, sent_at DESC);
CREATE INDEX bureau_alert_sent_idx ON bureau_alert (school_id, sent_at);
SELECT app_protect_table('bureau_alert', 'school_id');
-- A school's own sessions read what reached them (the alert hub reads it in the school's tenant transaction).
GRANT SELECT ON bureau_alert TO portfolio_app;
CREATE POLICY definer_all ON bureau_alert TO portfolio_definer USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON bureau_alert TO portfolio_definer;

-- Sends one alert, or says when the last one about this school's task was sent (alert_id null) when that was less
-- than p_min_gap ago. No row at all: the school is not the caller's authority's, or the task not the school's.
CREATE FUNCTION board_send_alert(p_school_id uuid, p_task_id uuid, p_note text, p_sent_by uuid, p_now timestamptz,
                                 p_min_gap interval)
RETURNS TABLE (alert_id uuid, previous_sent_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_previous timestamptz;
  v_id uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM school sc JOIN timeline_task w ON w.school_id = sc.id
                 WHERE sc.id = p_school_id AND sc.authority_id = stats_require_bureau()
                   AND sc.deactivated_at IS NULL AND w.id = p_task_id) THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('bureau_alert:' || p_school_id || ':' || p_task_id, 0));
  SELECT max(a.sent_at) INTO v_previous FROM bureau_alert a
  WHERE a.school_id = p_school_id AND a.task_id = p_task_id AND a.sent_at > p_now - p_min_gap;
  IF v_previous IS NOT NULL THEN
    RETURN QUERY SELECT NULL::uuid, v_previous;
    RETURN;
  END IF;
  INSERT INTO bureau_alert (school_id, task_id, note, sent_by, sent_at)
  VALUES (p_school_id, p_task_id, coalesce(p_note, ''), p_sent_by, p_now) RETURNING id INTO v_id;
  RETURN QUERY SELECT v_id, NULL::timestamptz;
END
$fn$;

ALTER FUNCTION board_taipei_day(timestamptz) OWNER TO portfolio_definer;
ALTER FUNCTION board_city_windows(int, int) OWNER TO portfolio_definer;
ALTER FUNCTION board_city_rounds(int[]) OWNER TO portfolio_definer;
ALTER FUNCTION board_city_series(int[], date) OWNER TO portfolio_definer;
ALTER FUNCTION board_send_alert(uuid, uuid, text, uuid, timestamptz, interval) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION board_city_windows(int, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION board_city_rounds(int[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION board_city_series(int[], date) FROM PUBLIC;
REVOKE ALL ON FUNCTION board_send_alert(uuid, uuid, text, uuid, timestamptz, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board_city_windows(int, int) TO portfolio_app;
GRANT EXECUTE ON FUNCTION board_city_rounds(int[]) TO portfolio_app;
GRANT EXECUTE ON FUNCTION board_city_series(int[], date) TO portfolio_app;
GRANT EXECUTE ON FUNCTION board_send_alert(uuid, uuid, text, uuid, timestamptz, interval) TO portfolio_app;
`);
  }
}
