import { Migration } from '@mikro-orm/migrations';

/** The tables retention deletes from, with the kind each belongs to (modules/retention/retention-kind.ts). */
const DELETED_TABLES = [
  'course_outcome',
  'course_outcome_version',
  'diverse_performance',
  'enrolment',
  'precheck_mismatch',
  'cadre_record',
  'receipt_row',
  'receipt_review',
  'dispute',
  'record_correction',
  'submission_row',
  'counseling_participant',
  'counseling_record',
];

/** What the plan reads to place a row in its term and round, without deleting from it. */
const READ_TABLES = ['course', 'course_section', 'final_lock', 'submission', 'precheck_run'];

/** Append-only triggers (forbid_change) that must let retention's deletes through, and only those. */
const FROZEN_ON_DELETE: { trigger: string; table: string; events: string; when?: string }[] = [
  { trigger: 'submission_row_frozen', table: 'submission_row', events: 'UPDATE' },
  { trigger: 'receipt_row_frozen', table: 'receipt_row', events: 'UPDATE' },
  { trigger: 'record_correction_frozen', table: 'record_correction', events: 'UPDATE' },
  { trigger: 'precheck_mismatch_frozen', table: 'precheck_mismatch', events: 'UPDATE' },
  {
    trigger: 'course_outcome_version_certified_frozen',
    table: 'course_outcome_version',
    events: 'UPDATE',
    when: "OLD.status = 'CERTIFIED'",
  },
];

/** The final-lock guard (Migration20261209000000Cadence) on each table, with its category. */
const FINAL_LOCK_GUARDED: { table: string; category: string }[] = [
  { table: 'cadre_record', category: 'BASIC' },
  { table: 'enrolment', category: 'COURSE_RECORDS' },
  { table: 'course_outcome', category: 'COURSE_OUTCOMES' },
  { table: 'course_outcome_version', category: 'COURSE_OUTCOMES' },
  { table: 'diverse_performance', category: 'PERFORMANCES' },
];

function frozenTriggers(): string {
  return FROZEN_ON_DELETE.map(({ trigger, table, events, when }) => {
    const condition = when ? `WHEN (${when}) ` : '';
    const deleteCondition = when ? `(${when}) AND NOT retention_deleting()` : 'NOT retention_deleting()';
    return `
DROP TRIGGER ${trigger} ON ${table};
CREATE TRIGGER ${trigger} BEFORE ${events} ON ${table}
  FOR EACH ROW ${condition}EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ${trigger}_delete BEFORE DELETE ON ${table}
  FOR EACH ROW WHEN (${deleteCondition}) EXECUTE FUNCTION forbid_change();`;
  }).join('\n');
}

function finalLockTriggers(): string {
  return FINAL_LOCK_GUARDED.map(
    ({ table, category }) => `
DROP TRIGGER final_lock_guard ON ${table};
CREATE TRIGGER final_lock_guard BEFORE INSERT OR UPDATE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION final_lock_guard('${category}');
CREATE TRIGGER final_lock_guard_delete BEFORE DELETE ON ${table}
  FOR EACH ROW WHEN (NOT retention_deleting()) EXECUTE FUNCTION final_lock_guard('${category}');`,
  ).join('\n');
}

/**
 * Issue 21 (6): retention and deletion after graduation (畢業) or leaving (轉出).
 *
 * Finally submitted data is frozen by triggers (the final-lock guard, the append-only submitted and receipt rows), and
 * retention must delete exactly such data once its period is over, without opening a way for requests to do the same.
 * So the deletes happen only inside retention_apply, a SECURITY DEFINER function owned by portfolio_definer, which
 * marks its own transaction (app.retention_run); retention_deleting() is true only there: for portfolio_definer with
 * that mark. The triggers skip their refusal of a DELETE only when it is true, and portfolio_definer's DELETE
 * policies on the tables hold only when it is true, so no other definer function can delete these rows either.
 * portfolio_app cannot act as portfolio_definer but through the definer's functions, and retention_apply refuses to
 * run when a request's tenant is set (the daily job runs with none), refuses periods under 365 days, counts back from
 * the caller's time but never from later than the database's, and deletes only rows of students whose status has been
 * 畢業 or 轉出 since before the cut-off, and never rows of a term (or academic year) that is not finally submitted.
 *
 * What the next run would delete is one SQL function, retention_due: the dry-run report (retention_report, counts
 * only) and the deletion (retention_apply) both read it, so they cannot disagree. Files: evidence rows go with their
 * item; their upload rows are deleted through upload_unattached (only once nothing points at them); the bytes go with
 * the leftover collection, only when no row at all (another upload with the same content included) names the hash.
 * A submission package's ZIP is let go (package_removed_at) once every student row it carried has been deleted;
 * stored_file_reference stops naming it then, so the leftover collection removes its bytes.
 */
export class Migration20261214200000Retention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE FUNCTION retention_deleting() RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT current_user = 'portfolio_definer' AND coalesce(current_setting('app.retention_run', true), '') = 'on'
$fn$;
ALTER FUNCTION retention_deleting() OWNER TO portfolio_definer;

${frozenTriggers()}
${finalLockTriggers()}

ALTER TABLE submission ADD COLUMN package_removed_at timestamptz;
COMMENT ON COLUMN submission.package_removed_at IS
  'When retention let the ZIP go (every student row it carried had passed its retention period); its bytes are then left to the leftover collection.';

-- The submission branch of stored_file_reference stops naming removed packages. Rewritten from the view's current
-- text rather than restated, so the branches other migrations added stay as they are.
DO $view$
DECLARE
  v_def text := rtrim(pg_get_viewdef('stored_file_reference'::regclass), '; ');
  v_new text;
BEGIN
  v_new := regexp_replace(v_def, 'FROM submission\\y', 'FROM submission WHERE (submission.package_removed_at IS NULL)');
  IF v_new = v_def THEN
    RAISE EXCEPTION 'stored_file_reference has no branch for submission';
  END IF;
  EXECUTE 'CREATE OR REPLACE VIEW stored_file_reference AS ' || v_new;
END
$view$;

-- Students who left, by when: the plan starts from them.
CREATE INDEX student_left_idx ON student (school_id, status_changed_at) WHERE status IN ('GRADUATED', 'TRANSFERRED');
-- Counseling records by student go through the participant index; submitted rows by student have theirs; receipt
-- rows by the submitted row they answer did not.
CREATE INDEX receipt_row_submission_row_idx ON receipt_row (school_id, submission_row_id);
CREATE INDEX precheck_mismatch_student_run_idx ON precheck_mismatch (school_id, student_id, run_id);

-- What the definer reads and deletes: reads always (the plan), deletes only inside a retention run.
${[...DELETED_TABLES, ...READ_TABLES]
  .map((table) => `CREATE POLICY retention_read ON ${table} FOR SELECT TO portfolio_definer USING (true);`)
  .join('\n')}
${DELETED_TABLES.map(
  (table) => `CREATE POLICY retention_delete ON ${table} FOR DELETE TO portfolio_definer USING (retention_deleting());`,
).join('\n')}
CREATE POLICY retention_update ON submission FOR UPDATE TO portfolio_definer
  USING (retention_deleting()) WITH CHECK (retention_deleting());
GRANT SELECT, DELETE ON ${DELETED_TABLES.join(', ')} TO portfolio_definer;
GRANT SELECT ON ${READ_TABLES.join(', ')} TO portfolio_definer;
GRANT UPDATE (package_removed_at) ON submission TO portfolio_definer;
GRANT SELECT (id, cohort) ON student TO portfolio_definer;
GRANT SELECT (starts_on, ends_on, finalized_at) ON term TO portfolio_definer;
GRANT EXECUTE ON FUNCTION final_lock_label(uuid, uuid, uuid, uuid, text) TO portfolio_definer;
`);

    this.addSql(`
-- Whether a row's data is finally submitted: the final lock of its category covers it (final_lock_label, the rule
-- that refuses changes), or its term (for yearly data: every term of its academic year) is marked finalized.
CREATE FUNCTION retention_final(p_school uuid, p_term uuid, p_year uuid, p_student uuid, p_category text)
RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT final_lock_label(p_school, p_term, p_year, p_student, p_category) IS NOT NULL
    OR CASE WHEN p_category IN ('COURSE_OUTCOMES', 'PERFORMANCES') THEN
         EXISTS (SELECT 1 FROM term t WHERE t.school_id = p_school AND t.academic_year_id = p_year)
         AND NOT EXISTS (SELECT 1 FROM term t
                         WHERE t.school_id = p_school AND t.academic_year_id = p_year AND t.finalized_at IS NULL)
       ELSE EXISTS (SELECT 1 FROM term t WHERE t.school_id = p_school AND t.id = p_term AND t.finalized_at IS NOT NULL)
       END
$fn$;

-- A counseling record is not submitted: it waits for the term it was held in (if any) to be finally submitted, that
-- is marked finalized or locked for both term-wise categories (基本資料 and 修課紀錄).
CREATE FUNCTION retention_counseling_final(p_school uuid, p_held_on date, p_student uuid)
RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(bool_and(t.finalized_at IS NOT NULL
                           OR (final_lock_label(p_school, t.id, t.academic_year_id, p_student, 'BASIC') IS NOT NULL
                               AND final_lock_label(p_school, t.id, t.academic_year_id, p_student, 'COURSE_RECORDS')
                                   IS NOT NULL)), true)
  FROM term t WHERE t.school_id = p_school AND p_held_on BETWEEN t.starts_on AND t.ends_on
$fn$;

-- The plan: every row retention concerns in one school, as of p_now (never later than the database's clock), under
-- the periods in p_days (kind -> days; 0 or missing: that kind is kept; under 365 counts as 365), optionally for one
-- kind. state: DUE (the next run deletes it), HELD (its term or year is not finally submitted), IN_USE (a row kept
-- by another kind still points at it). unit_group: the submission of a submitted row, the record of a counseling
-- participant. A row of target 'submission' is a package whose ZIP goes (every student row it carried is due).
CREATE FUNCTION retention_due(p_school uuid, p_now timestamptz, p_days jsonb, p_kind text)
RETURNS TABLE (kind text, target text, row_id uuid, student_id uuid, unit_group uuid, upload_ids uuid[], state text)
LANGUAGE sql STABLE AS $fn$
  WITH kinds AS (
    SELECT d.key AS kind, least(p_now, now()) - make_interval(days => greatest(d.value::int, 365)) AS cutoff
    FROM jsonb_each_text(p_days) d
    WHERE CASE WHEN d.value ~ '^[0-9]{1,6}$' THEN d.value::int > 0 ELSE false END
  ),
  past AS (
    SELECT k.kind, s.id AS student_id
    FROM student s JOIN kinds k ON s.status_changed_at < k.cutoff
    WHERE s.school_id = p_school AND s.status IN ('GRADUATED', 'TRANSFERRED')
  ),
  outcomes AS (
    SELECT o.id, o.student_id, o.enrolment_id,
           retention_final(o.school_id, o.term_id, o.academic_year_id, o.student_id, 'COURSE_OUTCOMES') AS final
    FROM course_outcome o JOIN past p ON p.kind = 'COURSE_OUTCOMES' AND p.student_id = o.student_id
    WHERE o.school_id = p_school
  ),
  receipts AS (
    SELECT r.id, r.student_id, r.submission_row_id,
           retention_final(r.school_id, s.term_id, t.academic_year_id, r.student_id, s.category) AS final
    FROM receipt_row r
    JOIN past p ON p.kind = 'RECEIPTS' AND p.student_id = r.student_id
    JOIN submission s ON s.school_id = r.school_id AND s.id = r.submission_id
    JOIN term t ON t.school_id = s.school_id AND t.id = s.term_id
    WHERE r.school_id = p_school
  ),
  submitted AS (
    SELECT r.id, r.student_id, r.submission_id,
           CASE WHEN NOT retention_final(r.school_id, s.term_id, t.academic_year_id, r.student_id, s.category)
                  THEN 'HELD'
                WHEN EXISTS (SELECT 1 FROM receipt_row rr
                             WHERE rr.school_id = r.school_id AND rr.submission_row_id = r.id
                               AND NOT EXISTS (SELECT 1 FROM receipts d WHERE d.id = rr.id AND d.final))
                  THEN 'IN_USE'
                ELSE 'DUE' END AS state
    FROM submission_row r
    JOIN past p ON p.kind = 'SUBMISSION_PACKAGES' AND p.student_id = r.student_id
    JOIN submission s ON s.school_id = r.school_id AND s.id = r.submission_id
    JOIN term t ON t.school_id = s.school_id AND t.id = s.term_id
    WHERE r.school_id = p_school
  )
  SELECT * FROM (
    SELECT 'COURSE_OUTCOMES', 'course_outcome', o.id, o.student_id, NULL::uuid,
           ARRAY(SELECT DISTINCT u FROM course_outcome_version v
                 CROSS JOIN LATERAL unnest(ARRAY[v.document_upload_id, v.media_upload_id]) u
                 WHERE v.school_id = p_school AND v.outcome_id = o.id AND u IS NOT NULL ORDER BY u),
           CASE WHEN o.final THEN 'DUE' ELSE 'HELD' END
    FROM outcomes o
    UNION ALL
    SELECT 'PERFORMANCES', 'diverse_performance', d.id, d.student_id, NULL,
           array_remove(ARRAY[d.document_upload_id, d.media_upload_id], NULL),
           CASE WHEN retention_final(d.school_id, NULL, d.academic_year_id, d.student_id, 'PERFORMANCES')
                THEN 'DUE' ELSE 'HELD' END
    FROM diverse_performance d JOIN past p ON p.kind = 'PERFORMANCES' AND p.student_id = d.student_id
    WHERE d.school_id = p_school
    UNION ALL
    SELECT 'COURSE_RECORDS', 'enrolment', e.id, e.student_id, NULL, '{}',
           CASE WHEN NOT retention_final(e.school_id, c.term_id, t.academic_year_id, e.student_id, 'COURSE_RECORDS')
                  THEN 'HELD'
                WHEN EXISTS (SELECT 1 FROM course_outcome o
                             WHERE o.school_id = e.school_id AND o.enrolment_id = e.id
                               AND NOT EXISTS (SELECT 1 FROM outcomes d WHERE d.id = o.id AND d.final))
                  THEN 'IN_USE'
                ELSE 'DUE' END
    FROM enrolment e
    JOIN past p ON p.kind = 'COURSE_RECORDS' AND p.student_id = e.student_id
    JOIN course_section cs ON cs.school_id = e.school_id AND cs.id = e.section_id
    JOIN course c ON c.school_id = cs.school_id AND c.id = cs.course_id
    JOIN term t ON t.school_id = c.school_id AND t.id = c.term_id
    WHERE e.school_id = p_school
    UNION ALL
    SELECT 'COURSE_RECORDS', 'precheck_mismatch', m.id, m.student_id, NULL, '{}',
           CASE WHEN retention_final(m.school_id, r.term_id, t.academic_year_id, m.student_id, 'COURSE_RECORDS')
                THEN 'DUE' ELSE 'HELD' END
    FROM precheck_mismatch m
    JOIN past p ON p.kind = 'COURSE_RECORDS' AND p.student_id = m.student_id
    JOIN precheck_run r ON r.school_id = m.school_id AND r.id = m.run_id
    JOIN term t ON t.school_id = r.school_id AND t.id = r.term_id
    WHERE m.school_id = p_school
    UNION ALL
    SELECT 'CADRE_RECORDS', 'cadre_record', c.id, c.student_id, NULL, '{}',
           CASE WHEN retention_final(c.school_id, c.term_id, NULL, c.student_id, 'BASIC') THEN 'DUE' ELSE 'HELD' END
    FROM cadre_record c JOIN past p ON p.kind = 'CADRE_RECORDS' AND p.student_id = c.student_id
    WHERE c.school_id = p_school
    UNION ALL
    SELECT 'RECEIPTS', 'receipt_row', r.id, r.student_id, NULL, '{}', CASE WHEN r.final THEN 'DUE' ELSE 'HELD' END
    FROM receipts r
    UNION ALL
    -- Corrections that answer no dispute (those that do go with their dispute's receipt row).
    SELECT 'RECEIPTS', 'record_correction', c.id, c.student_id, NULL, '{}',
           CASE WHEN retention_final(c.school_id, c.term_id, c.academic_year_id, c.student_id, c.category)
                THEN 'DUE' ELSE 'HELD' END
    FROM record_correction c JOIN past p ON p.kind = 'RECEIPTS' AND p.student_id = c.student_id
    WHERE c.school_id = p_school AND c.dispute_id IS NULL
    UNION ALL
    SELECT 'SUBMISSION_PACKAGES', 'submission_row', r.id, r.student_id, r.submission_id, '{}', r.state
    FROM submitted r
    UNION ALL
    SELECT 'SUBMISSION_PACKAGES', 'submission', s.id, NULL, s.id, '{}', 'DUE'
    FROM submission s
    WHERE s.school_id = p_school AND s.package_removed_at IS NULL
      AND EXISTS (SELECT 1 FROM submitted r WHERE r.submission_id = s.id AND r.state = 'DUE')
      AND NOT EXISTS (SELECT 1 FROM submission_row r
                      WHERE r.school_id = s.school_id AND r.submission_id = s.id AND r.student_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM submitted d WHERE d.id = r.id AND d.state = 'DUE'))
    UNION ALL
    SELECT 'COUNSELING', 'counseling_participant', cp.id, cp.student_id, cp.record_id, '{}',
           CASE WHEN retention_counseling_final(cp.school_id, r.held_on, cp.student_id) THEN 'DUE' ELSE 'HELD' END
    FROM counseling_participant cp
    JOIN past p ON p.kind = 'COUNSELING' AND p.student_id = cp.student_id
    JOIN counseling_record r ON r.school_id = cp.school_id AND r.id = cp.record_id
    WHERE cp.school_id = p_school
  ) plan (kind, target, row_id, student_id, unit_group, upload_ids, state)
  WHERE p_kind IS NULL OR plan.kind = p_kind
$fn$;

-- Who may see a school's plan: its own staff's request, the bureau of its authority, or the job (no tenant at all).
CREATE FUNCTION retention_reaches(p_school uuid) RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT CASE
    WHEN app_school_id() IS NOT NULL THEN p_school = app_school_id()
    WHEN app_authority_id() IS NOT NULL THEN EXISTS (
      SELECT 1 FROM school WHERE id = p_school AND authority_id = app_authority_id())
    ELSE true
  END
$fn$;

-- The dry run: counts per kind, nothing else (no row ids, no student ids).
CREATE FUNCTION retention_report(p_school uuid, p_now timestamptz, p_days jsonb)
RETURNS TABLE (kind text, due_rows int, due_students int, due_files int, held_rows int, held_students int,
               in_use_rows int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH d AS (
    SELECT * FROM retention_due(p_school, p_now, p_days, NULL) WHERE retention_reaches(p_school)
  ),
  uploads AS (
    SELECT d.kind, count(DISTINCT u) AS n FROM d CROSS JOIN LATERAL unnest(d.upload_ids) u
    WHERE d.state = 'DUE' GROUP BY d.kind
  )
  SELECT d.kind,
         (count(*) FILTER (WHERE d.state = 'DUE' AND d.target <> 'submission'))::int,
         (count(DISTINCT d.student_id) FILTER (WHERE d.state = 'DUE'))::int,
         (coalesce(max(u.n), 0) + count(*) FILTER (WHERE d.target = 'submission'))::int,
         (count(*) FILTER (WHERE d.state = 'HELD'))::int,
         (count(DISTINCT d.student_id) FILTER (WHERE d.state = 'HELD'))::int,
         (count(*) FILTER (WHERE d.state = 'IN_USE'))::int
  FROM d LEFT JOIN uploads u ON u.kind = d.kind
  GROUP BY d.kind
$fn$;

-- The schools the job goes through (ids only), for the job alone.
CREATE FUNCTION retention_schools() RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF app_school_id() IS NOT NULL OR app_authority_id() IS NOT NULL THEN
    RAISE EXCEPTION 'retention runs only as the scheduled job' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY SELECT id FROM school ORDER BY id;
END
$fn$;

-- Deletes one batch of one kind in one school: up to p_limit due rows (for packages: the due rows of up to p_limit
-- submissions, with the ZIPs that go), exactly as retention_due plans them, and writes one audit row (kind, counts,
-- ids; never a personal value). Returns what it deleted; units < p_limit means the kind is done in that school.
CREATE FUNCTION retention_apply(p_school uuid, p_kind text, p_now timestamptz, p_days jsonb, p_limit int, p_run text)
RETURNS TABLE (units int, deleted_rows int, students int, files int, uploads_removed int, packages_removed int)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_limit int := least(greatest(p_limit, 1), 5000);
  v_targets text[];
  v_ids uuid[];
  v_groups uuid[];
  v_uploads uuid[];
  v_packages uuid[];
  v_rows_ids uuid[];
  v_target text;
  v_students int;
  v_units int;
  v_rows int := 0;
  v_uploads_removed int := 0;
BEGIN
  IF app_school_id() IS NOT NULL OR app_authority_id() IS NOT NULL THEN
    RAISE EXCEPTION 'retention runs only as the scheduled job' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('app.retention_run', 'on', true);

  WITH due AS (
    SELECT d.* FROM retention_due(p_school, p_now, p_days, p_kind) d WHERE d.state = 'DUE'
  ),
  batch AS (
    SELECT * FROM due
    WHERE p_kind <> 'SUBMISSION_PACKAGES'
    ORDER BY due.target, due.row_id
    LIMIT v_limit
  ),
  -- Packages go a submission at a time: its due rows and, when they are the last, its ZIP, in one transaction.
  package_batch AS (
    SELECT * FROM due
    WHERE p_kind = 'SUBMISSION_PACKAGES' AND due.unit_group IN (
      SELECT DISTINCT g.unit_group FROM due g ORDER BY g.unit_group LIMIT v_limit)
  ),
  chosen AS (SELECT * FROM batch UNION ALL SELECT * FROM package_batch)
  SELECT coalesce(array_agg(c.target ORDER BY c.target, c.row_id), '{}'),
         coalesce(array_agg(c.row_id ORDER BY c.target, c.row_id), '{}'),
         coalesce(array_agg(c.unit_group ORDER BY c.target, c.row_id), '{}'),
         (SELECT coalesce(array_agg(DISTINCT u), '{}') FROM chosen c2 CROSS JOIN LATERAL unnest(c2.upload_ids) u),
         (count(DISTINCT c.student_id))::int,
         CASE WHEN p_kind = 'SUBMISSION_PACKAGES' THEN count(DISTINCT c.unit_group) ELSE count(*) END::int
  INTO v_targets, v_ids, v_groups, v_uploads, v_students, v_units
  FROM chosen c;

  IF v_units = 0 THEN
    PERFORM set_config('app.retention_run', '', true);
    RETURN QUERY SELECT 0, 0, 0, 0, 0, 0;
    RETURN;
  END IF;

  SELECT coalesce(array_agg(x.i), '{}') INTO v_packages
  FROM unnest(v_targets, v_ids) AS x(t, i) WHERE x.t = 'submission';

  FOREACH v_target IN ARRAY ARRAY(SELECT DISTINCT t FROM unnest(v_targets) t WHERE t <> 'submission' ORDER BY t) LOOP
    SELECT array_agg(x.i) INTO v_rows_ids FROM unnest(v_targets, v_ids) AS x(t, i) WHERE x.t = v_target;
    CASE v_target
      WHEN 'course_outcome' THEN
        DELETE FROM course_outcome_version WHERE school_id = p_school AND outcome_id = ANY (v_rows_ids);
        DELETE FROM course_outcome WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'diverse_performance' THEN
        DELETE FROM diverse_performance WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'enrolment' THEN
        DELETE FROM enrolment WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'precheck_mismatch' THEN
        DELETE FROM precheck_mismatch WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'cadre_record' THEN
        DELETE FROM cadre_record WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'receipt_row' THEN
        -- The row's answers go with it: a student's review, a dispute and the corrections that answered it.
        DELETE FROM record_correction WHERE school_id = p_school AND dispute_id IN (
          SELECT id FROM dispute WHERE school_id = p_school AND receipt_row_id = ANY (v_rows_ids));
        DELETE FROM dispute WHERE school_id = p_school AND receipt_row_id = ANY (v_rows_ids);
        DELETE FROM receipt_review WHERE school_id = p_school AND receipt_row_id = ANY (v_rows_ids);
        DELETE FROM receipt_row WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'record_correction' THEN
        DELETE FROM record_correction WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'submission_row' THEN
        DELETE FROM submission_row WHERE school_id = p_school AND id = ANY (v_rows_ids);
      WHEN 'counseling_participant' THEN
        DELETE FROM counseling_participant WHERE school_id = p_school AND id = ANY (v_rows_ids);
        -- A record goes with the last student it concerned.
        DELETE FROM counseling_record r
        WHERE r.school_id = p_school AND r.id = ANY (v_groups)
          AND NOT EXISTS (SELECT 1 FROM counseling_participant cp WHERE cp.school_id = r.school_id AND cp.record_id = r.id);
    END CASE;
    v_rows := v_rows + cardinality(v_rows_ids);
  END LOOP;

  IF cardinality(v_uploads) > 0 THEN
    -- Only uploads nothing points at any more (the view says so); the bytes are the leftover collection's.
    DELETE FROM upload_unattached WHERE school_id = p_school AND id = ANY (v_uploads);
    GET DIAGNOSTICS v_uploads_removed = ROW_COUNT;
  END IF;
  IF cardinality(v_packages) > 0 THEN
    UPDATE submission SET package_removed_at = least(p_now, now())
    WHERE school_id = p_school AND id = ANY (v_packages) AND package_removed_at IS NULL;
  END IF;

  INSERT INTO audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
  SELECT p_school, gen_random_uuid(), NULL, 'retention.delete',
         (SELECT array_agg(i::text) FROM unnest(v_ids) i),
         left(p_run, 128),
         jsonb_build_object('kind', p_kind, 'rows', v_rows, 'students', v_students,
                            'files', cardinality(v_uploads) + cardinality(v_packages),
                            'uploadsRemoved', v_uploads_removed, 'packagesRemoved', cardinality(v_packages),
                            'retentionDays', greatest((p_days ->> p_kind)::int, 365),
                            'cutoff', least(p_now, now()) - make_interval(days => greatest((p_days ->> p_kind)::int, 365)),
                            'tables', (SELECT jsonb_object_agg(t.target, t.n) FROM (
                              SELECT x.t AS target, count(*) AS n FROM unnest(v_targets) AS x(t) GROUP BY x.t) t));

  PERFORM set_config('app.retention_run', '', true);
  RETURN QUERY SELECT v_units, v_rows, v_students, cardinality(v_uploads) + cardinality(v_packages),
                      v_uploads_removed, cardinality(v_packages);
END
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'retention_final(uuid, uuid, uuid, uuid, text)',
    'retention_counseling_final(uuid, date, uuid)',
    'retention_due(uuid, timestamptz, jsonb, text)',
    'retention_reaches(uuid)'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
  FOREACH f IN ARRAY ARRAY[
    'retention_report(uuid, timestamptz, jsonb)',
    'retention_schools()',
    'retention_apply(uuid, text, timestamptz, jsonb, int, text)'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO portfolio_app', f);
  END LOOP;
END
$owners$;
`);
  }
}
