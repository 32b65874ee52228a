import { Migration } from '@mikro-orm/migrations';

/** How many counter rows each (school, cohort) is spread over. */
export const COHORT_STATS_SHARDS = 32;

/** One signed contribution of a transition table of student_stats: +1 for rows that appear, -1 for rows that go. */
interface Side {
  table: 'new_rows' | 'old_rows';
  sign: 1 | -1;
}

/**
 * The delta one statement on student_stats makes to the cohort figures, per (school, cohort), applied to the shard of
 * the current transaction. Upserted in key order, so two statements touching the same shards lock them in the same
 * order; rows whose delta is zero (a class or status change) touch nothing.
 */
function shardTrigger(name: string, sides: Side[]): string {
  const parts = sides.map(
    ({ table, sign }) => `
      SELECT school_id, cohort, ${sign} AS n, ${sign} * (outcomes > 0)::int AS u, ${sign} * outcomes::bigint AS o,
             ${sign} * certified_outcomes::bigint AS c, ${sign} * performances::bigint AS p,
             ${sign} * counseling_records::bigint AS k
      FROM ${table}`,
  );
  return `
CREATE FUNCTION ${name}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  INSERT INTO cohort_stats_shard AS t (school_id, cohort, shard, students, uploaders, outcomes, certified_outcomes,
                                       performances, counseling_records)
  SELECT school_id, cohort, (pg_current_xact_id()::text::bigint % ${COHORT_STATS_SHARDS})::smallint,
         sum(n), sum(u), sum(o), sum(c), sum(p), sum(k)
  FROM (${parts.join(' UNION ALL ')}) d
  GROUP BY school_id, cohort
  HAVING sum(n) <> 0 OR sum(u) <> 0 OR sum(o) <> 0 OR sum(c) <> 0 OR sum(p) <> 0 OR sum(k) <> 0
  ORDER BY school_id, cohort
  ON CONFLICT (school_id, cohort, shard) DO UPDATE
  SET students = t.students + excluded.students, uploaders = t.uploaders + excluded.uploaders,
      outcomes = t.outcomes + excluded.outcomes, certified_outcomes = t.certified_outcomes + excluded.certified_outcomes,
      performances = t.performances + excluded.performances,
      counseling_records = t.counseling_records + excluded.counseling_records;
  RETURN NULL;
END
$fn$;`;
}

/**
 * The bureau's cohort table from sharded per-(school, cohort) counters (issue 22, point 3).
 *
 * stats_city_cohorts() used to sum student_stats, one row per student (~100,000 rows at city scale, ~107 ms). It now
 * sums cohort_stats_shard: per school, cohort and shard the students, uploaders (students with an outcome), outcomes,
 * certified outcomes, performances and counseling records. A school's cohort is spread over COHORT_STATS_SHARDS rows;
 * the table reads at most schools × cohorts × shards small rows (about 10,000 for the city), whatever the number of
 * students.
 *
 * Exact in the same transaction: statement-level triggers on student_stats itself (whose every change — uploads,
 * certifications, deletions, performances, counseling, a student's insert, cohort change at rollover or 復學, transfer,
 * retention's deletes by cascade — already goes through the counter triggers) add each statement's delta to one shard
 * row per (school, cohort). The uploaders' delta is the change of (outcomes > 0) per student row, so it counts
 * transitions between no outcome and some. Only the sum over a (school, cohort)'s shards means anything: a single
 * shard may go below zero (a student counted in one shard loses an outcome in a transaction writing another), so
 * the shards carry no CHECKs and the reader keeps (school, cohort) sums with students > 0.
 *
 * No hot row in a rush: the shard is chosen by the writing transaction (its id modulo the shard count), not by the
 * student, so concurrent transactions — which get consecutive ids — write different rows of their school's cohort and
 * do not wait for each other; a transaction writes the same shard number everywhere, so two transactions with
 * different shard numbers never lock the same counter. Each student's own row (student_stats) is still locked by
 * the upload, as before.
 *
 * stats_rebuild() (owner only) recomputes the shards too, into shard 0; stats_rebuild_schools(ids) does the same for
 * some schools only (the city dataset's load, which adds schools with the triggers off).
 */
export class Migration20261215000000StatisticsShards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE cohort_stats_shard (
  school_id uuid NOT NULL REFERENCES school (id),
  cohort int NOT NULL,
  shard smallint NOT NULL CHECK (shard >= 0 AND shard < ${COHORT_STATS_SHARDS}),
  students int NOT NULL DEFAULT 0,
  uploaders int NOT NULL DEFAULT 0,
  outcomes bigint NOT NULL DEFAULT 0,
  certified_outcomes bigint NOT NULL DEFAULT 0,
  performances bigint NOT NULL DEFAULT 0,
  counseling_records bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (school_id, cohort, shard)
);
SELECT app_protect_table('cohort_stats_shard', 'school_id');
GRANT SELECT ON cohort_stats_shard TO portfolio_app;
CREATE POLICY definer_all ON cohort_stats_shard TO portfolio_definer USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON cohort_stats_shard TO portfolio_definer;

${shardTrigger('stats_shard_inserted', [{ table: 'new_rows', sign: 1 }])}
${shardTrigger('stats_shard_updated', [
  { table: 'new_rows', sign: 1 },
  { table: 'old_rows', sign: -1 },
])}
${shardTrigger('stats_shard_deleted', [{ table: 'old_rows', sign: -1 }])}

CREATE TRIGGER stats_shard_inserted AFTER INSERT ON student_stats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_shard_inserted();
CREATE TRIGGER stats_shard_updated AFTER UPDATE ON student_stats
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_shard_updated();
CREATE TRIGGER stats_shard_deleted AFTER DELETE ON student_stats
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_shard_deleted();

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['stats_shard_inserted()', 'stats_shard_updated()', 'stats_shard_deleted()'] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END
$owners$;
`);

    this.addSql(`
-- The shards of some schools (all, when p_schools is null) from student_stats in one statement, into shard 0: the
-- end of stats_rebuild_schools, and the backfill below.
CREATE FUNCTION stats_rebuild_shards(p_schools uuid[] DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  LOCK TABLE student_stats IN SHARE MODE;
  DELETE FROM cohort_stats_shard WHERE p_schools IS NULL OR school_id = ANY (p_schools);
  INSERT INTO cohort_stats_shard (school_id, cohort, shard, students, uploaders, outcomes, certified_outcomes,
                                  performances, counseling_records)
  SELECT school_id, cohort, 0, count(*), count(*) FILTER (WHERE outcomes > 0), sum(outcomes),
         sum(certified_outcomes), sum(performances), sum(counseling_records)
  FROM student_stats WHERE p_schools IS NULL OR school_id = ANY (p_schools)
  GROUP BY school_id, cohort;
END
$fn$;
REVOKE ALL ON FUNCTION stats_rebuild_shards(uuid[]) FROM PUBLIC;

SELECT stats_rebuild_shards();

-- The counters of some schools only, from their source rows, in one statement each (owner only): the city dataset
-- loads new schools with the triggers off and calls this for them, leaving every other school's counters alone. It
-- recomputes the schools' shards itself, so it gives the same result with the counter tables' triggers on or off.
CREATE FUNCTION stats_rebuild_schools(p_schools uuid[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  LOCK TABLE student, course_outcome, diverse_performance, counseling_participant IN SHARE MODE;
  DELETE FROM student_term_stats WHERE school_id = ANY (p_schools);
  DELETE FROM student_stats WHERE school_id = ANY (p_schools);
  INSERT INTO student_stats (school_id, student_id, cohort, class_id, enrolled, outcomes, certified_outcomes,
                             performances, counseling_records)
  SELECT s.school_id, s.id, s.cohort, s.class_id, s.status = 'ENROLLED',
         coalesce(o.n, 0), coalesce(o.c, 0), coalesce(p.n, 0), coalesce(cp.n, 0)
  FROM student s
  LEFT JOIN (SELECT school_id, student_id, count(*) AS n, count(*) FILTER (WHERE status = 'CERTIFIED') AS c
             FROM course_outcome WHERE school_id = ANY (p_schools) GROUP BY 1, 2) o
         ON o.school_id = s.school_id AND o.student_id = s.id
  LEFT JOIN (SELECT school_id, student_id, count(*) AS n FROM diverse_performance
             WHERE school_id = ANY (p_schools) GROUP BY 1, 2) p
         ON p.school_id = s.school_id AND p.student_id = s.id
  LEFT JOIN (SELECT school_id, student_id, count(*) AS n FROM counseling_participant
             WHERE school_id = ANY (p_schools) GROUP BY 1, 2) cp
         ON cp.school_id = s.school_id AND cp.student_id = s.id
  WHERE s.school_id = ANY (p_schools);
  INSERT INTO student_term_stats (school_id, term_id, student_id, outcomes, certified_outcomes, selected_outcomes)
  SELECT school_id, term_id, student_id, count(*), count(*) FILTER (WHERE status = 'CERTIFIED'),
         count(*) FILTER (WHERE selected_at IS NOT NULL)
  FROM course_outcome WHERE school_id = ANY (p_schools) GROUP BY 1, 2, 3;
  -- Whether or not the shard triggers ran for the statements above (not in replica mode), the shards are
  -- recomputed from the result.
  PERFORM stats_rebuild_shards(p_schools);
END
$fn$;
REVOKE ALL ON FUNCTION stats_rebuild_schools(uuid[]) FROM PUBLIC;

-- Every school's counters and shards (owner only): the schools' rebuild for all of them (every counter row belongs to
-- a school).
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  PERFORM stats_rebuild_schools(ARRAY(SELECT id FROM school));
END
$fn$;
REVOKE ALL ON FUNCTION stats_rebuild() FROM PUBLIC;

-- The cohort table of the caller's authority from the shards: per (school, cohort) the sum of its shards (a school
-- counts for a cohort when it has a student of it), then per cohort and the total (distinct divisions).
CREATE OR REPLACE FUNCTION stats_city_cohorts()
RETURNS TABLE (cohort int, schools int, students int, uploaders int, outcomes bigint, certified_outcomes bigint,
               performances bigint, counseling_records bigint, as_of timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH per_school AS (
    SELECT sh.school_id, sh.cohort, sum(sh.students) AS students, sum(sh.uploaders) AS uploaders,
           sum(sh.outcomes) AS outcomes, sum(sh.certified_outcomes) AS certified_outcomes,
           sum(sh.performances) AS performances, sum(sh.counseling_records) AS counseling_records
    FROM cohort_stats_shard sh
    WHERE sh.school_id IN (SELECT sc.id FROM school sc WHERE sc.authority_id = stats_require_bureau())
    GROUP BY sh.school_id, sh.cohort
    HAVING sum(sh.students) > 0
  )
  SELECT ps.cohort, count(DISTINCT ps.school_id)::int, coalesce(sum(ps.students), 0)::int,
         coalesce(sum(ps.uploaders), 0)::int, coalesce(sum(ps.outcomes), 0)::bigint,
         coalesce(sum(ps.certified_outcomes), 0)::bigint, coalesce(sum(ps.performances), 0)::bigint,
         coalesce(sum(ps.counseling_records), 0)::bigint, statement_timestamp()
  FROM per_school ps
  GROUP BY GROUPING SETS ((ps.cohort), ())
  ORDER BY ps.cohort NULLS LAST
$fn$;
`);
  }
}
