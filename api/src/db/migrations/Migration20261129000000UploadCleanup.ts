import { Migration } from '@mikro-orm/migrations';

/**
 * Removing upload slots that expired without receiving a file, in every school. The cleanup job runs with no
 * tenant, as portfolio_app; it calls one SECURITY DEFINER function owned by portfolio_definer, which may see and
 * delete only unfinished slots (the policies say so, whatever the function's text): a slot that holds a file is out
 * of its reach. It takes no school and returns only a count. The cut-off is the caller's time but never later than
 * the database's, so no caller can make a slot that is still open look expired.
 */
export class Migration20261129000000UploadCleanup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
GRANT SELECT (school_id, id, stored_at, expires_at), DELETE ON upload TO portfolio_definer;
CREATE POLICY definer_unfinished_read ON upload FOR SELECT TO portfolio_definer USING (stored_at IS NULL);
CREATE POLICY definer_unfinished_delete ON upload FOR DELETE TO portfolio_definer USING (stored_at IS NULL);

CREATE FUNCTION files_remove_expired_slots(p_now timestamptz, p_limit int)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_cutoff timestamptz := least(p_now, now());
  v_slot record;
  v_deleted int;
  v_removed int := 0;
BEGIN
  FOR v_slot IN
    SELECT school_id, id FROM upload
    WHERE stored_at IS NULL AND expires_at < v_cutoff
    ORDER BY expires_at
    LIMIT least(greatest(p_limit, 0), 10000)
  LOOP
    BEGIN
      -- stored_at is checked again: a file that arrived since the loop read the row keeps its slot.
      DELETE FROM upload WHERE school_id = v_slot.school_id AND id = v_slot.id AND stored_at IS NULL;
      GET DIAGNOSTICS v_deleted = ROW_COUNT;
      v_removed := v_removed + v_deleted;
    EXCEPTION WHEN foreign_key_violation THEN
      -- Something points at a slot that never got a file: not ours to break, it stays.
      NULL;
    END;
  END LOOP;
  RETURN v_removed;
END
$fn$;
ALTER FUNCTION files_remove_expired_slots(timestamptz, int) OWNER TO portfolio_definer;
REVOKE ALL ON FUNCTION files_remove_expired_slots(timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION files_remove_expired_slots(timestamptz, int) TO portfolio_app;
`);
  }
}
