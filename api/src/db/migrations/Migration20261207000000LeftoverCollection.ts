import { Migration } from '@mikro-orm/migrations';

/**
 * Collecting leftovers: stored files no row points at, and stored uploads nothing was ever attached to. The
 * collection job runs with no tenant, as portfolio_app, through two SECURITY DEFINER functions owned by
 * portfolio_definer. The definer gets no new grant on any table: it reads through two views owned by the schema
 * owner, which say exactly what it may reach: `stored_file_reference` gives hashes and nothing else (no school, no
 * name), `upload_unattached` gives the stored uploads that no row points at and that were stored more than an hour
 * ago by the database's clock (no request holds a fresh upload that long before attaching it), and is the only way
 * the definer can delete a stored upload. verify-storage, run as the owner, reads the same two views, so the
 * report and the job agree on what a leftover is.
 */
export class Migration20261207000000LeftoverCollection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
-- Every column that holds the SHA-256 of a stored file. A file whose hash is in none of them is a leftover.
-- (The import, receipt and comparison hashes are also their upload's; they are listed so that no file a row names
-- can ever look unreferenced, whatever becomes of the upload row.)
CREATE VIEW stored_file_reference AS
  SELECT sha256 FROM upload WHERE sha256 IS NOT NULL
  UNION ALL SELECT file_sha256 FROM import_run
  UNION ALL SELECT zip_sha256 FROM submission
  UNION ALL SELECT file_sha256 FROM receipt_import
  UNION ALL SELECT roster_sha256 FROM precheck_run
  UNION ALL SELECT result_sha256 FROM precheck_run WHERE result_sha256 IS NOT NULL;
REVOKE ALL ON stored_file_reference FROM PUBLIC;
GRANT SELECT ON stored_file_reference TO portfolio_definer;

-- Stored uploads that no row points at (every foreign key to upload), stored over an hour ago. Deleting through
-- this view is the definer's only way to a stored upload.
CREATE VIEW upload_unattached WITH (security_barrier) AS
  SELECT u.school_id, u.id, u.size, u.stored_at FROM upload u
  WHERE u.stored_at < now() - interval '1 hour'
    AND NOT EXISTS (SELECT FROM import_run r WHERE r.school_id = u.school_id AND r.upload_id = u.id)
    AND NOT EXISTS (SELECT FROM receipt_import r WHERE r.school_id = u.school_id AND r.upload_id = u.id)
    AND NOT EXISTS (SELECT FROM precheck_run r WHERE r.school_id = u.school_id AND r.result_upload_id = u.id)
    AND NOT EXISTS (SELECT FROM course_outcome_version v
                    WHERE v.school_id = u.school_id AND v.document_upload_id = u.id)
    AND NOT EXISTS (SELECT FROM course_outcome_version v WHERE v.school_id = u.school_id AND v.media_upload_id = u.id)
    AND NOT EXISTS (SELECT FROM diverse_performance p WHERE p.school_id = u.school_id AND p.document_upload_id = u.id)
    AND NOT EXISTS (SELECT FROM diverse_performance p WHERE p.school_id = u.school_id AND p.media_upload_id = u.id);
REVOKE ALL ON upload_unattached FROM PUBLIC;
GRANT SELECT, DELETE ON upload_unattached TO portfolio_definer;

-- The foreign keys that had no index of their own: the view above, and every delete of an upload, look them up.
CREATE INDEX import_run_upload_idx ON import_run (school_id, upload_id);
CREATE INDEX receipt_import_upload_idx ON receipt_import (school_id, upload_id);
CREATE INDEX precheck_run_result_upload_idx ON precheck_run (school_id, result_upload_id);

-- Which of the given hashes some row points at. Hashes in, hashes out: nothing about whose files they are.
CREATE FUNCTION files_referenced(p_sha256 text[])
RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT DISTINCT r.sha256 FROM stored_file_reference r
  WHERE r.sha256 = ANY (p_sha256[1:100000])
$fn$;
ALTER FUNCTION files_referenced(text[]) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION files_referenced(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION files_referenced(text[]) TO portfolio_app;

-- Removes up to p_limit unattached uploads stored before p_stored_before (never later than the database's clock
-- allows, see the view), in every school; returns how many. Takes no school and names none.
CREATE FUNCTION files_remove_unattached_uploads(p_stored_before timestamptz, p_limit int)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_cutoff timestamptz := least(p_stored_before, now());
  v_upload record;
  v_deleted int;
  v_removed int := 0;
BEGIN
  FOR v_upload IN
    SELECT school_id, id FROM upload_unattached
    WHERE stored_at < v_cutoff
    ORDER BY stored_at
    LIMIT least(greatest(p_limit, 0), 10000)
  LOOP
    BEGIN
      -- Deleted through the view, so it is checked again: a row attached since the loop read it keeps its upload.
      -- One attached by a transaction that commits while this delete waits for its lock is caught by the foreign
      -- key instead.
      DELETE FROM upload_unattached WHERE school_id = v_upload.school_id AND id = v_upload.id;
      GET DIAGNOSTICS v_deleted = ROW_COUNT;
      v_removed := v_removed + v_deleted;
    EXCEPTION WHEN foreign_key_violation THEN
      NULL;
    END;
  END LOOP;
  RETURN v_removed;
END
$fn$;
ALTER FUNCTION files_remove_unattached_uploads(timestamptz, int) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION files_remove_unattached_uploads(timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION files_remove_unattached_uploads(timestamptz, int) TO portfolio_app;
`);
  }
}
