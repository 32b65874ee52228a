import { Migration } from '@mikro-orm/migrations';

/**
 * Course records (修課紀錄): the courses a school offers in a term, their sections with the subject teacher, and each
 * student's enrolment with the grades the teacher enters. Also the student's gender, which the central rosters carry.
 */
export class Migration20261128200000CourseRecords extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE student ADD COLUMN gender text CHECK (gender IN ('M', 'F'));

CREATE TABLE course (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  term_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[0-9A-Z]{23}$'),
  subject_name text NOT NULL CHECK (length(subject_name) BETWEEN 1 AND 50),
  grade_year int NOT NULL CHECK (grade_year BETWEEN 10 AND 12),
  credits int NOT NULL CHECK (credits BETWEEN 0 AND 20),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, term_id, code),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id)
);

CREATE TABLE course_section (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  course_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
  teacher_id uuid,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, course_id, name),
  FOREIGN KEY (school_id, course_id) REFERENCES course (school_id, id),
  FOREIGN KEY (school_id, teacher_id) REFERENCES user_account (school_id, id)
);
CREATE INDEX course_section_teacher_idx ON course_section (school_id, teacher_id);

CREATE TABLE enrolment (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  section_id uuid NOT NULL,
  student_id uuid NOT NULL,
  kind text NOT NULL DEFAULT 'REGULAR' CHECK (kind IN ('REGULAR', 'RETAKE', 'REPEAT', 'MAKEUP', 'BORROWED', 'TRANSFER')),
  term_grade numeric(5, 2) CHECK (term_grade BETWEEN 0 AND 100),
  passed boolean,
  makeup_grade numeric(5, 2) CHECK (makeup_grade BETWEEN 0 AND 100),
  credits_counted boolean,
  qualitative_note text CHECK (length(qualitative_note) <= 200),
  graded_by uuid,
  graded_at timestamptz,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, section_id, student_id),
  FOREIGN KEY (school_id, section_id) REFERENCES course_section (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, graded_by) REFERENCES user_account (school_id, id)
);
CREATE INDEX enrolment_student_idx ON enrolment (school_id, student_id);

SELECT app_protect_table(t, 'school_id') FROM unnest(ARRAY['course', 'course_section', 'enrolment']::regclass[]) t;
GRANT SELECT, INSERT, UPDATE, DELETE ON course, course_section, enrolment TO portfolio_app;
`);
  }
}
