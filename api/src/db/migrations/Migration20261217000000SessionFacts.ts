import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 22 point 1: every instance keeps the sessions it resolved lately (modules/auth/session-cache.ts), so a request
 * need not look its session up again. What auth_resolve_session reads may change under it: a session revoked, an
 * account disabled or given other roles, a student's status, a school deactivated or its reference rows changed. Each
 * such change NOTIFYs session_facts_changed when it commits, whoever writes it (API, worker, operator), and every
 * instance then forgets all the sessions it keeps.
 *
 * Column lists leave out what changes without bearing on a session: last_seen_at, which auth_resolve_session itself
 * writes once a minute, and the student columns no session reads (name, class, numbers).
 */
const WATCHED: [table: string, update: string][] = [
  ['auth_session', 'UPDATE OF revoked_at, expires_at, token_hash, credential_id, sign_in_provider'],
  ['credential', 'UPDATE'],
  ['user_account', 'UPDATE OF active, roles, admin_sections, display_name, school_id, id'],
  ['bureau_account', 'UPDATE OF active, display_name, authority_id, id'],
  ['student', 'UPDATE OF status, status_changed_at, account_id, school_id'],
  ['school', 'UPDATE'],
];

export class Migration20261217000000SessionFacts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE FUNCTION session_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- One notice per transaction however many statements fire it (PostgreSQL folds equal notices).
  PERFORM pg_notify('session_facts_changed', '');
  RETURN NULL;
END
$fn$;`);
    for (const [table, update] of WATCHED) {
      this.addSql(`CREATE TRIGGER ${table}_session_facts_update AFTER ${update} ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION session_facts_changed();`);
      this.addSql(`CREATE TRIGGER ${table}_session_facts_delete AFTER DELETE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION session_facts_changed();`);
    }
  }
}
