import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21, transfers between schools of one city (轉學、轉科、轉部: 日間部 and 進修部 are two tenants, so a day ↔ night
 * move is the same flow).
 *
 * A transfer is one request seen from both sides, two rows with the same id:
 * - transfer_in, in the receiving school R (school_id = R): what R's 註冊組 asked for, the student it concerns (one R
 *   already has, or the fields to create them on receipt), and how it went.
 * - transfer_out, in the school of origin S (school_id = S): only what S needs to answer it: R (destination_school_id;
 *   its name, code and division are in the school directory every school of the city reads), S's own student, when
 *   and by whom (a display name) it was asked.
 * Neither school can read or write the other's rows; the narrow SECURITY DEFINER functions below, owned by
 * portfolio_definer, are the only way across, and each acts for the caller's tenant (app_school_id()) only, finding
 * the other side from the request row or the keyed digest, never from a school id given by the caller:
 * - transfer_origin_schools: the schools of the caller's city (other than its own, in use) holding a student with
 *   this keyed digest and birth date: id, code, name, division, nothing of the student.
 * - transfer_send_request: copies the caller's own pending request to its school of origin as an incoming row there.
 * - transfer_answer_request: the school of origin approves (with the exchange file's hash) or declines (with the
 *   reason) an incoming request of its own; only the matching pending row of the requesting school changes.
 * - transfer_cancel_request: the requesting school withdraws its own request, pending or approved and not yet
 *   received; the origin's row says so.
 * - transfer_mark_received: the requesting school is receiving its approved request; the origin's row says so.
 * Locks are always taken origin row first (the caller's transfer_out, or the function's), then the receiving row, so
 * an approval, a cancellation and a receipt of one request at the same moment wait for each other instead of
 * deadlocking.
 */
export class Migration20261214150000Transfers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE transfer_in (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  origin_school_id uuid NOT NULL REFERENCES school (id),
  national_id_digest text NOT NULL,
  -- Kept to create the student on receipt (and to show it masked); encrypted like the student's own.
  national_id_encrypted text NOT NULL,
  birth_date date NOT NULL,
  -- The student at this school: the one picked when asking, or the one created on receipt.
  student_id uuid,
  creates_student boolean NOT NULL,
  new_student_number text CHECK (new_student_number ~ '^[A-Za-z0-9]{1,20}$'),
  new_name text CHECK (length(new_name) BETWEEN 1 AND 50),
  new_class_id uuid,
  new_cohort int CHECK (new_cohort BETWEEN 100 AND 200),
  new_seat_number int CHECK (new_seat_number BETWEEN 1 AND 99),
  new_gender text CHECK (new_gender IN ('M', 'F')),
  status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'COMPLETED', 'DECLINED', 'CANCELLED')),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_at timestamptz,
  decline_reason text CHECK (length(decline_reason) BETWEEN 1 AND 200),
  exchange_sha256 text CHECK (exchange_sha256 ~ '^[0-9a-f]{64}$'),
  completed_by uuid,
  completed_at timestamptz,
  exchange_id uuid,
  records_imported int CHECK (records_imported >= 0),
  cancelled_by uuid,
  cancelled_at timestamptz,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id) ON DELETE SET NULL (student_id),
  FOREIGN KEY (school_id, new_class_id) REFERENCES school_class (school_id, id) ON DELETE SET NULL (new_class_id),
  FOREIGN KEY (school_id, requested_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, completed_by) REFERENCES user_account (school_id, id),
  FOREIGN KEY (school_id, cancelled_by) REFERENCES user_account (school_id, id),
  CHECK (origin_school_id <> school_id),
  CHECK (NOT creates_student OR (new_student_number IS NOT NULL AND new_name IS NOT NULL AND new_cohort IS NOT NULL)),
  -- A request cancelled after its approval keeps the hash it was given.
  CHECK (status NOT IN ('APPROVED', 'COMPLETED') OR exchange_sha256 IS NOT NULL),
  CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
-- One open request per person and school of origin (TRANSFER_ALREADY_REQUESTED; the service asks first, this decides
-- a race).
CREATE UNIQUE INDEX transfer_in_open_idx ON transfer_in (school_id, origin_school_id, national_id_digest)
  WHERE status IN ('PENDING', 'APPROVED');
CREATE INDEX transfer_in_list_idx ON transfer_in (school_id, requested_at DESC, id DESC);
CREATE INDEX transfer_in_student_idx ON transfer_in (school_id, student_id);
CREATE INDEX transfer_in_class_idx ON transfer_in (school_id, new_class_id);

CREATE TABLE transfer_out (
  school_id uuid NOT NULL REFERENCES school (id),
  -- The same id as the request's transfer_in row at the receiving school.
  id uuid NOT NULL,
  destination_school_id uuid NOT NULL REFERENCES school (id),
  student_id uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  requested_by_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'COMPLETED', 'DECLINED', 'CANCELLED')),
  decided_by uuid,
  decided_at timestamptz,
  decline_reason text CHECK (length(decline_reason) BETWEEN 1 AND 200),
  exchange_sha256 text CHECK (exchange_sha256 ~ '^[0-9a-f]{64}$'),
  completed_at timestamptz,
  cancelled_at timestamptz,
  PRIMARY KEY (school_id, id),
  -- A request for a student who is gone cannot be answered; the receiving school sees it pending and may cancel.
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id) ON DELETE CASCADE,
  FOREIGN KEY (school_id, decided_by) REFERENCES user_account (school_id, id),
  CHECK (destination_school_id <> school_id),
  CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
CREATE INDEX transfer_out_list_idx ON transfer_out (school_id, requested_at DESC, id DESC);
CREATE INDEX transfer_out_student_idx ON transfer_out (school_id, student_id);
CREATE INDEX transfer_out_pending_idx ON transfer_out (school_id, status) WHERE status = 'PENDING';

SELECT app_protect_table('transfer_in'::regclass, 'school_id');
SELECT app_protect_table('transfer_out'::regclass, 'school_id');
-- Each school writes its own side; the other side is reached only through the functions below. No DELETE: a
-- request is cancelled or declined, never removed.
GRANT SELECT, INSERT, UPDATE ON transfer_in TO portfolio_app;
-- The origin school's answer (approved with its file, or declined) reaches transfer_in only through
-- transfer_answer_request, as portfolio_definer: the receiving school's own role asks, cancels and completes, and cannot
-- write an approval, a decline or a file hash itself.
CREATE FUNCTION transfer_in_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_user <> 'portfolio_app' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'PENDING' OR NEW.exchange_sha256 IS NOT NULL OR NEW.decided_at IS NOT NULL
       OR NEW.decline_reason IS NOT NULL THEN
      RAISE EXCEPTION 'a transfer request starts as PENDING, unanswered' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.exchange_sha256 IS DISTINCT FROM OLD.exchange_sha256 OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
     OR NEW.decline_reason IS DISTINCT FROM OLD.decline_reason
     OR NEW.origin_school_id IS DISTINCT FROM OLD.origin_school_id
     OR (NEW.status IS DISTINCT FROM OLD.status
         AND NOT ((NEW.status = 'CANCELLED' AND OLD.status IN ('PENDING', 'APPROVED'))
                  OR (NEW.status = 'COMPLETED' AND OLD.status = 'APPROVED'))) THEN
    RAISE EXCEPTION 'only the school of origin answers a transfer request' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER transfer_in_guard BEFORE INSERT OR UPDATE ON transfer_in
  FOR EACH ROW EXECUTE FUNCTION transfer_in_guard();
GRANT SELECT, UPDATE ON transfer_out TO portfolio_app;

CREATE POLICY definer_all ON transfer_in TO portfolio_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_all ON transfer_out TO portfolio_definer USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE ON transfer_in TO portfolio_definer;
GRANT SELECT, INSERT, UPDATE ON transfer_out TO portfolio_definer;
-- The definer already reads student (school_id, account_id, status, status_changed_at, national_id_digest) under
-- its definer_read policy; matching a person also needs the row id and the birth date.
GRANT SELECT (id, birth_date) ON student TO portfolio_definer;

CREATE FUNCTION transfer_origin_schools(p_digest text, p_birth_date date)
RETURNS TABLE (school_id uuid, code text, name text, division text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT sc.id, sc.code, sc.name, sc.division
  FROM school me
  JOIN school sc ON sc.authority_id = me.authority_id AND sc.id <> me.id AND sc.deactivated_at IS NULL
  JOIN student st ON st.school_id = sc.id AND st.national_id_digest = p_digest AND st.birth_date = p_birth_date
  WHERE me.id = app_school_id()
  -- Where the person studies now first (an earlier school keeps them as 轉出 or 畢業).
  ORDER BY (st.status IN ('ENROLLED', 'SUSPENDED')) DESC, sc.code, sc.division
$fn$;

CREATE FUNCTION transfer_send_request(p_id uuid)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_request transfer_in;
  v_student uuid;
  v_name text;
BEGIN
  SELECT * INTO v_request FROM transfer_in r
  WHERE r.school_id = app_school_id() AND r.id = p_id AND r.status = 'PENDING';
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  SELECT st.id INTO v_student
  FROM school me
  JOIN school sc ON sc.id = v_request.origin_school_id AND sc.authority_id = me.authority_id
                AND sc.deactivated_at IS NULL
  JOIN student st ON st.school_id = sc.id AND st.national_id_digest = v_request.national_id_digest
                 AND st.birth_date = v_request.birth_date
  WHERE me.id = v_request.school_id;
  IF v_student IS NULL THEN
    RETURN false;
  END IF;
  SELECT u.display_name INTO v_name FROM user_account u
  WHERE u.school_id = v_request.school_id AND u.id = v_request.requested_by;
  INSERT INTO transfer_out (school_id, id, destination_school_id, student_id, requested_at, requested_by_name, status)
  VALUES (v_request.origin_school_id, v_request.id, v_request.school_id, v_student, v_request.requested_at,
          coalesce(v_name, '—'), 'PENDING');
  RETURN true;
END
$fn$;

CREATE FUNCTION transfer_answer_request(p_id uuid, p_status text, p_sha256 text, p_reason text, p_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_updated int;
BEGIN
  IF p_status NOT IN ('APPROVED', 'DECLINED') THEN
    RAISE EXCEPTION 'a transfer is answered APPROVED or DECLINED' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  UPDATE transfer_in r
  SET status = p_status,
      exchange_sha256 = CASE WHEN p_status = 'APPROVED' THEN p_sha256 END,
      decline_reason = CASE WHEN p_status = 'DECLINED' THEN p_reason END,
      decided_at = p_at
  FROM transfer_out o
  WHERE o.school_id = app_school_id() AND o.id = p_id AND o.status = 'PENDING'
    AND r.school_id = o.destination_school_id AND r.id = o.id AND r.origin_school_id = o.school_id
    AND r.status = 'PENDING';
  GET DIAGNOSTICS v_updated = ROW_COUNT;
  RETURN v_updated = 1;
END
$fn$;

CREATE FUNCTION transfer_cancel_request(p_id uuid, p_at timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_status text;
BEGIN
  -- The origin's row first (see the lock order above); null when it is gone (its student was deleted there).
  SELECT o.status INTO v_status
  FROM transfer_in r
  JOIN transfer_out o ON o.school_id = r.origin_school_id AND o.id = r.id AND o.destination_school_id = r.school_id
  WHERE r.school_id = app_school_id() AND r.id = p_id
  FOR UPDATE OF o;
  IF v_status IN ('PENDING', 'APPROVED') THEN
    UPDATE transfer_out o SET status = 'CANCELLED', cancelled_at = p_at
    FROM transfer_in r
    WHERE r.school_id = app_school_id() AND r.id = p_id
      AND o.school_id = r.origin_school_id AND o.id = r.id AND o.destination_school_id = r.school_id;
    RETURN 'CANCELLED';
  END IF;
  RETURN v_status;
END
$fn$;

-- Called first when receiving (origin row first, see above); the caller then locks its own row and checks it is still
-- approved. False when the caller has no such approved request. A gone origin row (its student deleted there) does
-- not keep the receiving school from what it was given.
CREATE FUNCTION transfer_mark_received(p_id uuid, p_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  PERFORM FROM transfer_in r WHERE r.school_id = app_school_id() AND r.id = p_id AND r.status = 'APPROVED';
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  UPDATE transfer_out o SET status = 'COMPLETED', completed_at = p_at
  FROM transfer_in r
  WHERE r.school_id = app_school_id() AND r.id = p_id
    AND o.school_id = r.origin_school_id AND o.id = r.id AND o.destination_school_id = r.school_id
    AND o.status = 'APPROVED';
  RETURN true;
END
$fn$;

DO $owners$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'transfer_origin_schools(text, date)',
    'transfer_send_request(uuid)',
    'transfer_answer_request(uuid, text, text, text, timestamptz)',
    'transfer_cancel_request(uuid, timestamptz)',
    'transfer_mark_received(uuid, timestamptz)'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO portfolio_definer', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO portfolio_app', f);
  END LOOP;
END
$owners$;

-- The exchange file a transfer carries is named on both sides until it is received: the leftover collection keeps it.
CREATE OR REPLACE VIEW stored_file_reference AS
  SELECT sha256 FROM upload WHERE sha256 IS NOT NULL
  UNION ALL SELECT file_sha256 FROM import_run
  UNION ALL SELECT zip_sha256 FROM submission
  UNION ALL SELECT file_sha256 FROM receipt_import
  UNION ALL SELECT roster_sha256 FROM precheck_run
  UNION ALL SELECT result_sha256 FROM precheck_run WHERE result_sha256 IS NOT NULL
  UNION ALL SELECT sha256 FROM exchange_export
  UNION ALL SELECT file_sha256 FROM portfolio_exchange
  UNION ALL SELECT sha256 FROM exchanged_file
  UNION ALL SELECT exchange_sha256 FROM transfer_in WHERE exchange_sha256 IS NOT NULL
  UNION ALL SELECT exchange_sha256 FROM transfer_out WHERE exchange_sha256 IS NOT NULL;
`);
  }
}
