/**
 * The hand-written side of the page ratios (issue 22): for each page, ONE SQL statement that returns the page's whole
 * data as JSON, the same fields its GraphQL document asks for (client/src/gql/graphql.ts), in the same order the
 * platform's loaders give. It runs as portfolio_app inside the same transaction envelope as a platform request
 * (BEGIN, set_config of the tenant, the statement, COMMIT; see sql-server.ts), so row-level security applies as it
 * does for the platform. Ids are the platform's global ids (base64url of `Type:uuid`), labels come from the
 * platform's own label tables (passed as a jsonb parameter), dates are PostgreSQL's JSON form of timestamptz.
 *
 * Parameters of every statement: $1 the viewer's account id, $2 the page's term id (or null), $3 the labels (jsonb).
 */

/** The platform's global id of a row: base64url of `Type:uuid`, as api/src/common/ids.ts toGlobalId makes it. */
const gid = (type: string, column: string): string =>
  `translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/** The tenant's term whose dates contain today in Asia/Taipei (api/src/modules/term/term.service.ts). */
const CURRENT_TERM = `(select t.id from term t
  where t.starts_on <= (now() at time zone 'Asia/Taipei')::date and t.ends_on >= (now() at time zone 'Asia/Taipei')::date
  order by t.starts_on desc limit 1)`;

const file = (column: string): string => `(select json_build_object(
    'id', ${gid('FileUpload', 'u.id')}, 'fileName', u.file_name, 'size', u.size, 'sha256', u.sha256,
    'storedAt', u.stored_at, 'url', case when u.stored_at is null then null else '/files/' || u.id end,
    'contentType', u.content_type)
  from upload u where u.school_id = v.school_id and u.id = ${column})`;

const version = (withDecidedBy: boolean): string => `json_build_object(
    'id', ${gid('CourseOutcomeVersion', 'v.id')}, 'version', v.version, 'description', v.description,
    'status', v.status, 'reason', v.reason, 'decidedAt', v.decided_at, 'createdAt', v.created_at,
    ${
      withDecidedBy
        ? `'decidedBy', (select json_build_object('id', ${gid('UserAccount', 'd.id')}, 'displayName', d.display_name)
             from user_account d where d.school_id = v.school_id and d.id = v.decided_by),`
        : ''
    }
    'document', ${file('v.document_upload_id')}, 'media', ${file('v.media_upload_id')})`;

/** OutcomesPage: the student's enrolments of the term with their outcomes and every version's files. */
const OUTCOMES = `
select json_build_object('me', json_build_object(
  'id', ${gid('UserAccount', 'a.id')},
  'school', (select json_build_object('id', ${gid('School', 'sc.id')}, 'outcomeUploadCap', sc.outcome_upload_cap)
             from school sc where sc.id = a.school_id),
  'student', (select json_build_object('id', ${gid('Student', 's.id')}, 'enrolments', coalesce((
      select json_agg(json_build_object(
        'id', ${gid('Enrolment', 'e.id')}, 'kind', e.kind,
        'section', json_build_object('id', ${gid('CourseSection', 'cs.id')}, 'name', cs.name,
          'course', json_build_object('id', ${gid('Course', 'c.id')}, 'code', c.code, 'subjectName', c.subject_name),
          'teacher', (select json_build_object('id', ${gid('UserAccount', 't.id')}, 'displayName', t.display_name)
                      from user_account t where t.school_id = cs.school_id and t.id = cs.teacher_id)),
        'outcomes', coalesce((
          select json_agg(json_build_object(
            'id', ${gid('CourseOutcome', 'o.id')}, 'kind', o.kind, 'status', o.status,
            'currentVersion', o.current_version, 'selectedAt', o.selected_at,
            'current', (select ${version(false)} from course_outcome_version v
                        where v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version),
            'versions', coalesce((select json_agg(${version(false)} order by v.version) from course_outcome_version v
                                  where v.school_id = o.school_id and v.outcome_id = o.id), '[]'))
            order by o.created_at, o.id)
          from course_outcome o where o.school_id = e.school_id and o.enrolment_id = e.id), '[]'))
        order by e.id)
      from enrolment e
      join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
      join course c on c.school_id = cs.school_id and c.id = cs.course_id
      where e.school_id = s.school_id and e.student_id = s.id and c.term_id = coalesce($2::uuid, ${CURRENT_TERM})),
    '[]'))
    from student s where s.school_id = a.school_id and s.account_id = a.id)))
from user_account a where a.id = $1 and $3::jsonb is not null`;

/** SelectionPage: the current term, the student's performances of the term's year, the school's terms. */
const SELECTION = `
with page_term as (select t.* from term t where t.id = coalesce($2::uuid, ${CURRENT_TERM}))
select json_build_object(
  'me', json_build_object(
    'id', ${gid('UserAccount', 'a.id')},
    'currentTerm', (select json_build_object('id', ${gid('Term', 't.id')},
                      'academicYear', json_build_object('id', ${gid('AcademicYear', 'y.id')}, 'label', y.year || '學年度'))
                    from term t join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
                    where t.id = ${CURRENT_TERM}),
    'student', (select json_build_object('id', ${gid('Student', 's.id')}, 'performances', coalesce((
        select json_agg(json_build_object(
          'id', ${gid('DiversePerformance', 'p.id')}, 'categoryLabel', $3::jsonb -> 'performanceCategory' ->> p.category,
          'title', p.title, 'description', p.description, 'selectedAt', p.selected_at)
          order by p.created_at, p.id)
        from diverse_performance p, page_term pt
        where p.school_id = s.school_id and p.student_id = s.id and p.academic_year_id = pt.academic_year_id), '[]'))
      from student s where s.school_id = a.school_id and s.account_id = a.id)),
  'terms', json_build_object('nodes', coalesce((
    select json_agg(json_build_object(
      'id', ${gid('Term', 't.id')}, 'key', y.year::text || t.semester::text,
      'label', y.year || '學年度第' || t.semester || '學期',
      'academicYear', json_build_object('id', ${gid('AcademicYear', 'y.id')}, 'label', y.year || '學年度'))
      order by t.starts_on, t.id)
    from (select * from term order by starts_on, id limit 100) t
    join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id), '[]')))
from user_account a where a.id = $1`;

/**
 * ReceiptsPage as the student: their rows of the term's current receipt imports (api/src/modules/round/
 * current-receipts.ts), each with its review and dispute. `fields` is the data it is made of (the roster's columns
 * and the submitted cells, or the key fields), not the platform's formatting of it.
 */
const RECEIPTS = `
with cur as (
  select distinct on (ri.kind, s.grade12_round) ri.school_id, ri.id
  from receipt_import ri join submission s on s.school_id = ri.school_id and s.id = ri.submission_id
  where s.term_id = coalesce($2::uuid, ${CURRENT_TERM})
  order by ri.kind, s.grade12_round, ri.created_at desc, ri.id desc)
select json_build_object('studentReceiptRows', coalesce(json_agg(json_build_object(
    'id', ${gid('ReceiptRow', 'r.id')}, 'kind', r.kind, 'kindLabel', $3::jsonb -> 'receiptKind' ->> r.kind,
    'status', r.status, 'reason', r.reason, 'reconciliation', r.reconciliation, 'changedColumns', r.changed_columns,
    'fields', json_build_object('columns', sub.roster_columns -> sr.roster, 'cells', sr.cells, 'keyFields', r.key_fields),
    'decision', (select w.decision from receipt_review w where w.school_id = r.school_id and w.receipt_row_id = r.id),
    'dispute', (select json_build_object('id', ${gid('Dispute', 'd.id')}, 'status', d.status, 'reason', d.reason,
                  'answer', d.answer, 'raisedAt', d.raised_at, 'dueAt', d.due_at,
                  'overdue', d.status in ('OPEN', 'IN_REVIEW') and d.due_at < now(),
                  'raisedByStaff', d.raised_by is distinct from st.account_id)
                from dispute d where d.school_id = r.school_id and d.receipt_row_id = r.id))
    order by r.kind, r.row_number, r.id), '[]'))
from student st
join receipt_row r on r.school_id = st.school_id and r.student_id = st.id
join cur on cur.school_id = r.school_id and cur.id = r.receipt_import_id
join submission sub on sub.school_id = r.school_id and sub.id = r.submission_id
left join submission_row sr on sr.school_id = r.school_id and sr.id = r.submission_row_id
where st.account_id = $1 and $3::jsonb is not null`;

/**
 * An item's certificationWait (api/src/modules/portfolio/certification-health.service.ts), from `w` (see WAITS):
 * whole days since its current version came or its term's certification window opened (the later), routed to the
 * teacher's proxies once that reaches the school's routing age (7 days by default), and the note the viewer reads.
 * $1 is the viewer.
 */
const CERTIFICATION_WAIT = `json_build_object(
    'days', w.days,
    'routed', w.days >= w.route_after and cardinality(w.proxies) > 0,
    'routedToViewer', w.days >= w.route_after and $1 = any(w.proxies) and cs.teacher_id <> $1,
    'note', case
      when w.days >= w.route_after and $1 = any(w.proxies) and cs.teacher_id <> $1
        then '已等候 ' || w.days || ' 天，自動轉給代理人'
      when w.days >= w.route_after and cardinality(w.proxies) > 0 then '已等候 ' || w.days || ' 天，已自動轉給代理人 ' ||
        (select string_agg(pa.display_name, '、' order by array_position(w.proxies, pa.id))
           from user_account pa where pa.school_id = o.school_id and pa.id = any(w.proxies)) ||
        case when cs.teacher_id = $1 then '（您仍可認證）' else '' end
      when w.days >= w.route_after then '已等候 ' || w.days || ' 天，沒有代理人'
    end)`;

/** Each waiting item of the queue's sections with what its wait is made of, planned on its own. */
const WAITS = `waits as materialized (
  select o.id,
         greatest(0, floor(extract(epoch from now() - greatest(cv.created_at, coalesce((
           select min(k.starts_at) from term t
             join academic_year ay on ay.school_id = t.school_id and ay.id = t.academic_year_id
             join timeline_task k on k.school_id = t.school_id and k.kind = 'CERTIFY_COURSE_OUTCOMES'
              and not k.grade12_round and k.data_year = ay.year and k.data_semester = t.semester
            where t.school_id = o.school_id and t.id = o.term_id), cv.created_at))) / 86400))::int as days,
         coalesce((select r.route_after_days from certification_policy r where r.school_id = o.school_id), 7)
           as route_after,
         array(select p.proxy_id from certification_proxy p
               where p.school_id = s.school_id and p.teacher_id = s.teacher_id order by p.created_at, p.id) as proxies
  from course_outcome o
  join course_outcome_version cv on cv.school_id = o.school_id and cv.outcome_id = o.id and cv.version = o.current_version
  join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
  join course_section s on s.school_id = e.school_id and s.id = e.section_id
  where o.status = 'PENDING'
    and (s.teacher_id = $1 or s.teacher_id in (select x.teacher_id from certification_proxy x where x.proxy_id = $1)))`;

/** CertificationPage (PENDING): outcomes of the teacher's sections and of those who named them proxy. */
const CERTIFICATION = `
with ${WAITS}
select json_build_object('certificationQueue', coalesce(json_agg(json_build_object(
    'id', ${gid('CourseOutcome', 'o.id')}, 'kind', o.kind, 'status', o.status,
    'certificationWait', ${CERTIFICATION_WAIT},
    'student', json_build_object('id', ${gid('Student', 'st.id')}, 'studentNumber', st.student_number, 'name', st.name),
    'course', json_build_object('id', ${gid('Course', 'c.id')}, 'subjectName', c.subject_name),
    'section', json_build_object('id', ${gid('CourseSection', 'cs.id')}, 'name', cs.name,
      'teacher', json_build_object('id', ${gid('UserAccount', 't.id')}, 'displayName', t.display_name)),
    'current', (select ${version(true)} from course_outcome_version v
                where v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version))
    order by o.updated_at, o.id), '[]'))
from course_outcome o
join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
join course c on c.school_id = cs.school_id and c.id = cs.course_id
join user_account t on t.school_id = cs.school_id and t.id = cs.teacher_id
join student st on st.school_id = o.school_id and st.id = o.student_id
join waits w on w.id = o.id
where o.status = 'PENDING'
  and (cs.teacher_id = $1 or cs.teacher_id in (select x.teacher_id from certification_proxy x where x.proxy_id = $1))
  and $2::uuid is null and $3::jsonb is not null`;

/** HomeroomPage: the teacher's classes, each student's term enrolments, cadre records and progress. */
const HOMEROOM = `
with page_term as (select t.* from term t where t.id = coalesce($2::uuid, ${CURRENT_TERM}))
select json_build_object('me', json_build_object(
  'id', ${gid('UserAccount', 'a.id')},
  'homeroomClasses', coalesce((select json_agg(json_build_object(
      'id', ${gid('SchoolClass', 'k.id')}, 'name', k.name,
      'students', coalesce((select json_agg(json_build_object(
          'id', ${gid('Student', 's.id')}, 'seatNumber', s.seat_number, 'studentNumber', s.student_number,
          'name', s.name, 'statusLabel', $3::jsonb -> 'studentStatus' ->> s.status,
          'enrolments', coalesce((select json_agg(json_build_object(
              'id', ${gid('Enrolment', 'e.id')}, 'termGrade', e.term_grade, 'passed', e.passed,
              'section', json_build_object('id', ${gid('CourseSection', 'cs.id')},
                'course', json_build_object('id', ${gid('Course', 'c.id')}, 'subjectName', c.subject_name)))
              order by e.id)
            from enrolment e
            join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
            join course c on c.school_id = cs.school_id and c.id = cs.course_id, page_term pt
            where e.school_id = s.school_id and e.student_id = s.id and c.term_id = pt.id), '[]'),
          'cadreRecords', coalesce((select json_agg(json_build_object(
              'id', ${gid('CadreRecord', 'r.id')}, 'unit', r.unit, 'position', r.position) order by r.starts_on, r.id)
            from cadre_record r where r.school_id = s.school_id and r.student_id = s.id), '[]'),
          'portfolioProgress', (select json_build_object(
              'outcomes', count(*), 'pending', count(*) filter (where o.status = 'PENDING'),
              'certified', count(*) filter (where o.status = 'CERTIFIED'),
              'rejected', count(*) filter (where o.status = 'REJECTED'),
              'outcomesSelected', count(o.selected_at),
              'performances', (select count(*) from diverse_performance p
                               where p.school_id = s.school_id and p.student_id = s.id
                                 and p.academic_year_id = pt.academic_year_id),
              'performancesSelected', (select count(p.selected_at) from diverse_performance p
                               where p.school_id = s.school_id and p.student_id = s.id
                                 and p.academic_year_id = pt.academic_year_id))
            from page_term pt
            left join course_outcome o on o.school_id = s.school_id and o.student_id = s.id and o.term_id = pt.id
            group by pt.academic_year_id))
          order by s.seat_number, s.student_number)
        from student s where s.school_id = k.school_id and s.class_id = k.id), '[]'))
      order by k.name)
    from school_class k where k.school_id = a.school_id and k.homeroom_teacher_id = a.id), '[]')))
from user_account a where a.id = $1`;

export type PageName = 'outcomes' | 'selection' | 'receipts' | 'certification' | 'homeroom';

export const PAGE_SQL: Record<PageName, string> = {
  outcomes: OUTCOMES,
  selection: SELECTION,
  receipts: RECEIPTS,
  certification: CERTIFICATION,
  homeroom: HOMEROOM,
};
