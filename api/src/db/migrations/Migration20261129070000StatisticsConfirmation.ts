import { Migration } from '@mikro-orm/migrations';

/**
 * Term progress gains the confirmation rate (確認率): of the term's current receipt rows about a student (per kind,
 * the newest import of any of the term's submissions, as CURRENT_IMPORTS_SQL in modules/round/current-receipts.ts), the share
 * the student has answered (confirmed or disputed). The bureau's function reads them as portfolio_definer, counts only.
 */
export class Migration20261129070000StatisticsConfirmation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
GRANT SELECT ON submission, receipt_import, receipt_row, receipt_review TO portfolio_definer;
CREATE POLICY stats_definer_read ON submission FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY stats_definer_read ON receipt_import FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY stats_definer_read ON receipt_row FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY stats_definer_read ON receipt_review FOR SELECT TO portfolio_definer USING (true);

DROP FUNCTION stats_city_term_progress(int, int, timestamptz, text, text, int);
CREATE FUNCTION stats_city_term_progress(p_year int, p_semester int, p_now timestamptz, p_after_code text,
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
    WHERE sc.authority_id = stats_require_bureau()
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
ALTER FUNCTION stats_city_term_progress(int, int, timestamptz, text, text, int) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION stats_city_term_progress(int, int, timestamptz, text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stats_city_term_progress(int, int, timestamptz, text, text, int) TO portfolio_app;
`);
  }
}
