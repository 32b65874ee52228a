import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21, the new academic year (學年度升級). 註冊組 moves a school's students into the next year in one all-or-nothing
 * step: grade 10–11 up a grade into the new year's classes, grade 12 to 畢業, 休學 left where they are. Each school
 * rolls a year over once: rollover_run keeps the run (who, when, the class list file it used, its counts) and its
 * unique key refuses a second (the class list file's hash is in the audit row, as an import's is). A student's class and seat are the current ones (student.class_id); class_placement
 * keeps where each student sat in each year the rollover moved them out of, so an earlier year's classes stay readable.
 */
export class Migration20261214000000Rollover extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE rollover_run (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  from_year int NOT NULL,
  to_year int NOT NULL CHECK (to_year = from_year + 1),
  by_class_list boolean NOT NULL,
  counts jsonb NOT NULL CHECK (jsonb_typeof(counts) = 'object'),
  run_by uuid NOT NULL,
  run_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, to_year),
  FOREIGN KEY (school_id, run_by) REFERENCES user_account (school_id, id)
);
CREATE TRIGGER rollover_run_frozen BEFORE UPDATE OR DELETE ON rollover_run
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
SELECT app_protect_table('rollover_run'::regclass, 'school_id');
GRANT SELECT, INSERT ON rollover_run TO portfolio_app;

CREATE TABLE class_placement (
  school_id uuid NOT NULL REFERENCES school (id),
  student_id uuid NOT NULL,
  academic_year_id uuid NOT NULL,
  class_id uuid NOT NULL,
  seat_number int,
  PRIMARY KEY (school_id, student_id, academic_year_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id) ON DELETE CASCADE,
  FOREIGN KEY (school_id, academic_year_id) REFERENCES academic_year (school_id, id),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);
SELECT app_protect_table('class_placement'::regclass, 'school_id');
GRANT SELECT, INSERT ON class_placement TO portfolio_app;
`);
  }
}
