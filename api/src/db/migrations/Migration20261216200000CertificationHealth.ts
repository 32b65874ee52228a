import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23 point 5, certification health.
 *
 * certification_policy: one row per school, the age in days after which an outcome still waiting for certification
 * is routed to the teacher's proxy (代理人). No row means the default (7 days, certification-health.service.ts); 教學組
 * sets it (1–60). Routing itself is not stored: it is derived at read time from this age, the current version's
 * upload time and the certification_proxy rows, so it can never go stale (see the README).
 *
 * One partial index starting with school_id: the waiting outcomes of a school (the health page and the queue's routing
 * read only those). Rejection rates read decided versions by time through course_outcome_version_decided_idx, which
 * the bureau board's migration (Migration20261216000000BureauBoard) already creates.
 */
export class Migration20261216200000CertificationHealth extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE certification_policy (
  school_id uuid NOT NULL REFERENCES school (id),
  route_after_days int NOT NULL CHECK (route_after_days BETWEEN 1 AND 60),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (school_id),
  FOREIGN KEY (school_id, updated_by) REFERENCES user_account (school_id, id)
);
SELECT app_protect_table('certification_policy'::regclass, 'school_id');
GRANT SELECT, INSERT, UPDATE ON certification_policy TO portfolio_app;

CREATE INDEX course_outcome_waiting_idx ON course_outcome (school_id, enrolment_id) WHERE status = 'PENDING';
`);
  }
}
