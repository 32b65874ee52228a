import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20, corrections during 疑義處理. Staff correct (edit or delete) a cadre record, an enrolment's submitted values
 * or a student's diverse performance before the category's final lock, and students edit or delete their own
 * performances before a submission carries them. Each staff correction is kept in record_correction, append-only:
 * what changed (labels with the values before and after), by whom, and the dispute it answers, if any. The final
 * submission is refused while a correction is newer than the round's latest submission, so what is locked is what
 * was sent. Staff raise disputes as students do; dispute already allows it (student_id and raised_by are apart).
 */
export class Migration20261213100000DisputeCorrections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE record_correction (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('BASIC', 'COURSE_RECORDS', 'PERFORMANCES')),
  -- The term of term-wise data (基本資料, 修課紀錄); yearly data (多元表現) has only its academic year.
  term_id uuid,
  academic_year_id uuid NOT NULL,
  student_id uuid NOT NULL,
  target text NOT NULL CHECK (target IN ('CADRE_RECORD', 'ENROLMENT', 'DIVERSE_PERFORMANCE')),
  -- No foreign key: a deleted record is still named by the correction that deleted it.
  target_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('UPDATE', 'DELETE')),
  changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array'),
  dispute_id uuid,
  corrected_by uuid NOT NULL,
  corrected_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, academic_year_id) REFERENCES academic_year (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, dispute_id) REFERENCES dispute (school_id, id),
  FOREIGN KEY (school_id, corrected_by) REFERENCES user_account (school_id, id),
  CHECK ((category = 'PERFORMANCES') = (term_id IS NULL))
);
CREATE INDEX record_correction_round_idx ON record_correction (school_id, category, academic_year_id, term_id);
CREATE INDEX record_correction_dispute_idx ON record_correction (school_id, dispute_id);
CREATE INDEX record_correction_student_idx ON record_correction (school_id, student_id);
CREATE TRIGGER record_correction_frozen BEFORE UPDATE OR DELETE ON record_correction
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
SELECT app_protect_table('record_correction'::regclass, 'school_id');
GRANT SELECT, INSERT ON record_correction TO portfolio_app;

-- Students delete their own performances before submission, staff when a dispute shows one should not be there. The
-- final-lock trigger and the statistics' delete trigger already cover deletes.
GRANT DELETE ON diverse_performance TO portfolio_app;
`);
  }
}
