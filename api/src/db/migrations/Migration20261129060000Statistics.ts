import { Migration } from '@mikro-orm/migrations';

/** One signed contribution of a transition table to the counters: +1 for rows that appear, -1 for rows that go. */
interface Side {
  table: 'new_rows' | 'old_rows';
  sign: 1 | -1;
}

const INSERTED: Side[] = [{ table: 'new_rows', sign: 1 }];
const DELETED: Side[] = [{ table: 'old_rows', sign: -1 }];
const UPDATED: Side[] = [...INSERTED, ...DELETED];

/** The students a statement touched, to lock their counter rows in key order before changing them. */
function touchedStudents(sides: Side[]): string {
  return sides.map(({ table }) => `SELECT school_id, student_id FROM ${table}`).join(' UNION ');
}

/**
 * Locks the touched students' counter rows in key order, so two transactions touching overlapping students (two
 * teachers certifying in bulk) queue instead of deadlocking.
 */
function lockStudents(sides: Side[]): string {
  return `
  PERFORM 1 FROM student_stats t
  WHERE (t.school_id, t.student_id) IN (${touchedStudents(sides)})
  ORDER BY t.school_id, t.student_id FOR UPDATE OF t;`;
}

/**
 * Course outcomes changed by one statement, as counter deltas per student and term. Rows whose deltas cancel out
 * (an update that changed neither status, selection nor owner) touch no counter.
 */
function outcomeDelta(sides: Side[]): string {
  const parts = sides.map(
    ({ table, sign }) => `
      SELECT school_id, student_id, term_id, ${sign} AS n,
             ${sign} * (status = 'CERTIFIED')::int AS c, ${sign} * (selected_at IS NOT NULL)::int AS s
      FROM ${table}`,
  );
  return `
    SELECT school_id, student_id, term_id, sum(n)::int AS n, sum(c)::int AS c, sum(s)::int AS s
    FROM (${parts.join(' UNION ALL ')}) x
    GROUP BY school_id, student_id, term_id
    HAVING sum(n) <> 0 OR sum(c) <> 0 OR sum(s) <> 0`;
}

function outcomeTrigger(name: string, sides: Side[]): string {
  return `
CREATE FUNCTION ${name}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN${lockStudents(sides)}
  UPDATE student_stats t
  SET outcomes = t.outcomes + d.n, certified_outcomes = t.certified_outcomes + d.c
  FROM (SELECT school_id, student_id, sum(n)::int AS n, sum(c)::int AS c FROM (${outcomeDelta(sides)}) x
        GROUP BY school_id, student_id HAVING sum(n) <> 0 OR sum(c) <> 0) d
  WHERE t.school_id = d.school_id AND t.student_id = d.student_id;
  -- Update, then insert what is missing (not an upsert: its CHECKs would judge the delta as if it were the row).
  -- Safe without a unique-violation race: the student's row is locked above.
  UPDATE student_term_stats t
  SET outcomes = t.outcomes + d.n, certified_outcomes = t.certified_outcomes + d.c,
      selected_outcomes = t.selected_outcomes + d.s
  FROM (${outcomeDelta(sides)}) d
  WHERE t.school_id = d.school_id AND t.term_id = d.term_id AND t.student_id = d.student_id;
  INSERT INTO student_term_stats (school_id, term_id, student_id, outcomes, certified_outcomes, selected_outcomes)
  SELECT d.school_id, d.term_id, d.student_id, d.n, d.c, d.s FROM (${outcomeDelta(sides)}) d
  WHERE NOT EXISTS (SELECT FROM student_term_stats t
                    WHERE t.school_id = d.school_id AND t.term_id = d.term_id AND t.student_id = d.student_id);
  RETURN NULL;
END
$fn$;`;
}

/** A per-student counter fed by a table with one row per counted thing and a student_id column. */
function countTrigger(name: string, column: string, sides: Side[]): string {
  const parts = sides.map(({ table, sign }) => `SELECT school_id, student_id, ${sign} AS n FROM ${table}`);
  return `
CREATE FUNCTION ${name}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN${lockStudents(sides)}
  UPDATE student_stats t SET ${column} = t.${column} + d.n
  FROM (SELECT school_id, student_id, sum(n)::int AS n FROM (${parts.join(' UNION ALL ')}) x
        GROUP BY school_id, student_id HAVING sum(n) <> 0) d
  WHERE t.school_id = d.school_id AND t.student_id = d.student_id;
  RETURN NULL;
END
$fn$;`;
}

const TRIGGER_FUNCTIONS = [
  'stats_outcome_inserted',
  'stats_outcome_updated',
  'stats_outcome_deleted',
  'stats_performance_inserted',
  'stats_performance_updated',
  'stats_performance_deleted',
  'stats_counseling_inserted',
  'stats_counseling_updated',
  'stats_counseling_deleted',
  'stats_student_inserted',
  'stats_student_updated',
];

/**
 * City statistics (DOMAIN.md §8), exact after every change and cheap to read.
 *
 * Per-student counters (student_stats: course outcomes, certified outcomes, diverse performances, counseling
 * records, plus the student's cohort, class and whether enrolled) and per-student-per-term counters
 * (student_term_stats: outcomes, certified, selected) are maintained by triggers in the same transaction as the change,
 * so a figure is never stale and never ahead of an uncommitted change. Each student has their own row: a deadline
 * rush of many students writes many rows, never one hot row. The cohort and school tables sum ~100k counter rows when
 * read (tens of milliseconds at city scale). The triggers are statement-level with transition tables, so a COPY of a
 * million outcomes updates each student's row once, not a million times.
 *
 * What counts: a course outcome is a course_outcome row (its versions are replacements of the same outcome);
 * certified is course_outcome.status = 'CERTIFIED', which the services keep equal to the status of the current version
 * (a certified version is frozen); a diverse performance is a diverse_performance row; a counseling record counts
 * once for each student it concerns (a counseling_participant row: a group session with five students counts five),
 * which is what makes the per-cohort figures add up to the total. Every student counts, whatever their status (the
 * 108 cohort had graduated by 112/08/25 and is in the bureau's table); a student's cohort is student.cohort (入學年度).
 *
 * The counters are written only by the trigger functions, which run as portfolio_definer; portfolio_app may read them
 * under row-level security (school staff see their own school). The bureau reads aggregates through the
 * stats_city_* SECURITY DEFINER functions, which return sums per cohort or per school of the caller's authority only
 * (app_authority_id(), with no school set), never a student row, and never switch row-level security off.
 */
export class Migration20261129060000Statistics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE student_stats (
  school_id uuid NOT NULL REFERENCES school (id),
  student_id uuid NOT NULL,
  cohort int NOT NULL,
  class_id uuid,
  enrolled boolean NOT NULL,
  outcomes int NOT NULL DEFAULT 0 CHECK (outcomes >= 0),
  certified_outcomes int NOT NULL DEFAULT 0 CHECK (certified_outcomes BETWEEN 0 AND outcomes),
  performances int NOT NULL DEFAULT 0 CHECK (performances >= 0),
  counseling_records int NOT NULL DEFAULT 0 CHECK (counseling_records >= 0),
  PRIMARY KEY (school_id, student_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id) ON DELETE CASCADE
);
CREATE INDEX student_stats_class_idx ON student_stats (school_id, class_id);

CREATE TABLE student_term_stats (
  school_id uuid NOT NULL REFERENCES school (id),
  term_id uuid NOT NULL,
  student_id uuid NOT NULL,
  outcomes int NOT NULL DEFAULT 0 CHECK (outcomes >= 0),
  certified_outcomes int NOT NULL DEFAULT 0 CHECK (certified_outcomes BETWEEN 0 AND outcomes),
  selected_outcomes int NOT NULL DEFAULT 0 CHECK (selected_outcomes BETWEEN 0 AND certified_outcomes),
  PRIMARY KEY (school_id, term_id, student_id),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id) ON DELETE CASCADE
);

SELECT app_protect_table(t, 'school_id') FROM unnest(ARRAY['student_stats', 'student_term_stats']::regclass[]) t;
GRANT SELECT ON student_stats, student_term_stats TO portfolio_app;

CREATE POLICY definer_all ON student_stats TO portfolio_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_all ON student_term_stats TO portfolio_definer USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON student_stats, student_term_stats TO portfolio_definer;
-- What the aggregate functions read besides the counters: the directory, and which windows of which term are open.
CREATE POLICY definer_read ON academic_year FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY definer_read ON term FOR SELECT TO portfolio_definer USING (true);
CREATE POLICY definer_read ON timeline_task FOR SELECT TO portfolio_definer USING (true);
GRANT SELECT (school_id, id, year) ON academic_year TO portfolio_definer;
GRANT SELECT (school_id, id, academic_year_id, semester) ON term TO portfolio_definer;
GRANT SELECT (school_id, term_id, kind, starts_at, ends_at) ON timeline_task TO portfolio_definer;
`);

    this.addSql(`
${outcomeTrigger('stats_outcome_inserted', INSERTED)}
${outcomeTrigger('stats_outcome_updated', UPDATED)}
${outcomeTrigger('stats_outcome_deleted', DELETED)}
${countTrigger('stats_performance_inserted', 'performances', INSERTED)}
${countTrigger('stats_performance_updated', 'performances', UPDATED)}
${countTrigger('stats_performance_deleted', 'performances', DELETED)}
${countTrigger('stats_counseling_inserted', 'counseling_records', INSERTED)}
${countTrigger('stats_counseling_updated', 'counseling_records', UPDATED)}
${countTrigger('stats_counseling_deleted', 'counseling_records', DELETED)}

-- A new student has nothing yet: foreign keys keep outcomes, performances and counseling rows from pointing at a
-- student that does not exist.
CREATE FUNCTION stats_student_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  INSERT INTO student_stats (school_id, student_id, cohort, class_id, enrolled)
  SELECT school_id, id, cohort, class_id, status = 'ENROLLED' FROM new_rows;
  RETURN NULL;
END
$fn$;

CREATE FUNCTION stats_student_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  UPDATE student_stats
  SET cohort = NEW.cohort, class_id = NEW.class_id, enrolled = NEW.status = 'ENROLLED'
  WHERE school_id = NEW.school_id AND student_id = NEW.id;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER stats_inserted AFTER INSERT ON course_outcome
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_outcome_inserted();
CREATE TRIGGER stats_updated AFTER UPDATE ON course_outcome
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_outcome_updated();
CREATE TRIGGER stats_deleted AFTER DELETE ON course_outcome
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_outcome_deleted();

CREATE TRIGGER stats_inserted AFTER INSERT ON diverse_performance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_performance_inserted();
CREATE TRIGGER stats_updated AFTER UPDATE ON diverse_performance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_performance_updated();
CREATE TRIGGER stats_deleted AFTER DELETE ON diverse_performance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_performance_deleted();

CREATE TRIGGER stats_inserted AFTER INSERT ON counseling_participant
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_counseling_inserted();
CREATE TRIGGER stats_updated AFTER UPDATE ON counseling_participant
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_counseling_updated();
CREATE TRIGGER stats_deleted AFTER DELETE ON counseling_participant
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_counseling_deleted();

CREATE TRIGGER stats_inserted AFTER INSERT ON student
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_student_inserted();
CREATE TRIGGER stats_updated AFTER UPDATE ON student FOR EACH ROW
  WHEN (OLD.cohort IS DISTINCT FROM NEW.cohort OR OLD.class_id IS DISTINCT FROM NEW.class_id
        OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION stats_student_updated();
`);

    this.addSql(`
-- Recomputes every counter from the source tables in one statement each: the backfill below, and the repair for a
-- database whose counters are in doubt (e.g. after a restore that loaded rows with triggers disabled). Owner only.
CREATE FUNCTION stats_rebuild() RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  LOCK TABLE student, course_outcome, diverse_performance, counseling_participant IN SHARE MODE;
  DELETE FROM student_term_stats;
  DELETE FROM student_stats;
  INSERT INTO student_stats (school_id, student_id, cohort, class_id, enrolled, outcomes, certified_outcomes,
                             performances, counseling_records)
  SELECT s.school_id, s.id, s.cohort, s.class_id, s.status = 'ENROLLED',
         coalesce(o.n, 0), coalesce(o.c, 0), coalesce(p.n, 0), coalesce(cp.n, 0)
  FROM student s
  LEFT JOIN (SELECT school_id, student_id, count(*) AS n, count(*) FILTER (WHERE status = 'CERTIFIED') AS c
             FROM course_outcome GROUP BY 1, 2) o ON o.school_id = s.school_id AND o.student_id = s.id
  LEFT JOIN (SELECT school_id, student_id, count(*) AS n FROM diverse_performance GROUP BY 1, 2) p
         ON p.school_id = s.school_id AND p.student_id = s.id
  LEFT JOIN (SELECT school_id, student_id, count(*) AS n FROM counseling_participant GROUP BY 1, 2) cp
         ON cp.school_id = s.school_id AND cp.student_id = s.id;
  INSERT INTO student_term_stats (school_id, term_id, student_id, outcomes, certified_outcomes, selected_outcomes)
  SELECT school_id, term_id, student_id, count(*), count(*) FILTER (WHERE status = 'CERTIFIED'),
         count(*) FILTER (WHERE selected_at IS NOT NULL)
  FROM course_outcome GROUP BY 1, 2, 3;
END
$fn$;
REVOKE ALL ON FUNCTION stats_rebuild() FROM PUBLIC;
SELECT stats_rebuild();

-- The caller must be a bureau: an authority and no school in the transaction's verified settings.
CREATE FUNCTION stats_require_bureau() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF app_authority_id() IS NULL OR app_school_id() IS NOT NULL THEN
    RAISE EXCEPTION 'city statistics are for a bureau' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN app_authority_id();
END
$fn$;

-- The cohort table of the caller's authority: one row per cohort (cohort set) and the total (cohort null). schools
-- counts divisions with at least one student of the cohort; the total counts distinct divisions.
CREATE FUNCTION stats_city_cohorts()
RETURNS TABLE (cohort int, schools int, students int, uploaders int, outcomes bigint, certified_outcomes bigint,
               performances bigint, counseling_records bigint, as_of timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT st.cohort, count(DISTINCT st.school_id)::int, count(*)::int, count(*) FILTER (WHERE st.outcomes > 0)::int,
         coalesce(sum(st.outcomes), 0)::bigint, coalesce(sum(st.certified_outcomes), 0)::bigint,
         coalesce(sum(st.performances), 0)::bigint, coalesce(sum(st.counseling_records), 0)::bigint,
         statement_timestamp()
  FROM student_stats st
  JOIN school sc ON sc.id = st.school_id
  WHERE sc.authority_id = stats_require_bureau()
  GROUP BY GROUPING SETS ((st.cohort), ())
  ORDER BY st.cohort NULLS LAST
$fn$;

-- One row per school division of the caller's authority (all of them, also those without students), for one cohort
-- or all: keyset-paged on (code, division) after p_after_code / p_after_division.
CREATE FUNCTION stats_city_schools(p_cohort int, p_school_ids uuid[], p_after_code text, p_after_division text,
                                   p_limit int)
RETURNS TABLE (school_id uuid, code text, name text, division text, students int, uploaders int, outcomes bigint,
               certified_outcomes bigint, performances bigint, counseling_records bigint, as_of timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT sc.id, sc.code, sc.name, sc.division, count(st.student_id)::int,
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

-- Progress of one term (by ROC year and semester) in the divisions of the caller's authority where one of the
-- term's windows is open at p_now: enrolled students, students with an outcome of the term, the term's outcomes,
-- certified and selected ones, students who selected one, and which windows are open.
CREATE FUNCTION stats_city_term_progress(p_year int, p_semester int, p_now timestamptz, p_after_code text,
                                         p_after_division text, p_limit int)
RETURNS TABLE (school_id uuid, code text, name text, division text, term_id uuid, open_windows text[],
               enrolled_students int, uploaders int, outcomes bigint, certified_outcomes bigint,
               selected_outcomes bigint, selectors int, as_of timestamptz)
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
         count(ts.student_id) FILTER (WHERE ts.selected_outcomes > 0)::int, statement_timestamp()
  FROM terms
  LEFT JOIN student_term_stats ts ON ts.school_id = terms.school_id AND ts.term_id = terms.term_id
  WHERE terms.open_windows IS NOT NULL
  GROUP BY terms.school_id, terms.code, terms.name, terms.division, terms.term_id, terms.open_windows
  ORDER BY terms.code, terms.division
  LIMIT least(greatest(p_limit, 0), 101)
$fn$;

-- Whether any division of the caller's authority has this term at all, so an unknown term is told apart from a term
-- with no open window.
CREATE FUNCTION stats_city_term_exists(p_year int, p_semester int)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT EXISTS (
    SELECT FROM school sc
    JOIN academic_year y ON y.school_id = sc.id AND y.year = p_year
    JOIN term t ON t.school_id = sc.id AND t.academic_year_id = y.id AND t.semester = p_semester
    WHERE sc.authority_id = stats_require_bureau())
$fn$;

-- Whether any student of the caller's authority has this cohort, so an unknown cohort is an error, not empty rows.
CREATE FUNCTION stats_city_has_cohort(p_cohort int)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT EXISTS (
    SELECT FROM student_stats st JOIN school sc ON sc.id = st.school_id
    WHERE st.cohort = p_cohort AND sc.authority_id = stats_require_bureau())
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'stats_require_bureau()',
    'stats_city_has_cohort(int)',
    'stats_city_cohorts()',
    'stats_city_schools(int, uuid[], text, text, int)',
    'stats_city_term_progress(int, int, timestamptz, text, text, int)',
    'stats_city_term_exists(int, int)'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO portfolio_app', f);
  END LOOP;
  -- Trigger functions are called by the triggers only; nobody needs EXECUTE to fire a trigger.
  FOREACH f IN ARRAY ARRAY[${TRIGGER_FUNCTIONS.map((name) => `'${name}()'`).join(', ')}] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END
$owners$;
`);
  }
}
