/**
 * The naive recount: the bureau's table straight from the source tables (GROUP BY over students, outcomes with their
 * current version, performances and counseling participants), run as the owner. The counters must always equal it;
 * the statistics test and the benchmark compare against it, and the benchmark times it. Certified is read from the
 * current version here, so the recount also checks that course_outcome.status follows it.
 *
 * Parameters: the authority id, then an optional school id (null: every school of the authority).
 */
export const RECOUNT_BY_COHORT_SQL = `
with s as (
  select st.school_id, st.id, st.cohort from student st join school sc on sc.id = st.school_id
  where sc.authority_id = ? and (?::uuid is null or st.school_id = ?::uuid)
), o as (
  select o.school_id, o.student_id, count(*) as n, count(*) filter (where v.status = 'CERTIFIED') as c
  from course_outcome o
  join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
  group by o.school_id, o.student_id
), p as (
  select school_id, student_id, count(*) as n from diverse_performance group by school_id, student_id
), k as (
  select school_id, student_id, count(*) as n from counseling_participant group by school_id, student_id
)
select s.cohort, count(distinct s.school_id)::int as schools, count(*)::int as students,
       count(o.student_id)::int as uploaders, coalesce(sum(o.n), 0)::bigint as outcomes,
       coalesce(sum(o.c), 0)::bigint as certified_outcomes, coalesce(sum(p.n), 0)::bigint as performances,
       coalesce(sum(k.n), 0)::bigint as counseling_records
from s
left join o on o.school_id = s.school_id and o.student_id = s.id
left join p on p.school_id = s.school_id and p.student_id = s.id
left join k on k.school_id = s.school_id and k.student_id = s.id
group by grouping sets ((s.cohort), ())
order by s.cohort nulls last`;

export interface RecountRow {
  cohort: number | null;
  schools: number;
  students: number;
  uploaders: number;
  outcomes: string | number;
  certified_outcomes: string | number;
  performances: string | number;
  counseling_records: string | number;
}
