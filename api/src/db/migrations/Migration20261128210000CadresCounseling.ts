import { Migration } from '@mikro-orm/migrations';

/**
 * 校內幹部 records, entered by 訓育組, and 課程諮詢紀錄 by course counselors (one student, or a group). Counseling
 * records stay in the school: they are counted by the city but never submitted to the central database.
 */
export class Migration20261128210000CadresCounseling extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE cadre_record (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  student_id uuid NOT NULL,
  term_id uuid NOT NULL,
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
  position text NOT NULL CHECK (length(position) BETWEEN 1 AND 50),
  level int NOT NULL CHECK (level BETWEEN 1 AND 3),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, term_id, student_id, unit, position, starts_on),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  FOREIGN KEY (school_id, term_id) REFERENCES term (school_id, id),
  FOREIGN KEY (school_id, created_by) REFERENCES user_account (school_id, id)
);
CREATE INDEX cadre_record_student_idx ON cadre_record (school_id, student_id);

CREATE TABLE counseling_record (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  counselor_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('INDIVIDUAL', 'GROUP')),
  held_on date NOT NULL,
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 100),
  content text NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, counselor_id) REFERENCES user_account (school_id, id)
);
CREATE INDEX counseling_record_counselor_idx ON counseling_record (school_id, counselor_id, held_on);

CREATE TABLE counseling_participant (
  school_id uuid NOT NULL REFERENCES school (id),
  id uuid NOT NULL,
  record_id uuid NOT NULL,
  student_id uuid NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, record_id, student_id),
  FOREIGN KEY (school_id, record_id) REFERENCES counseling_record (school_id, id) ON DELETE CASCADE,
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE INDEX counseling_participant_student_idx ON counseling_participant (school_id, student_id);

SELECT app_protect_table(t, 'school_id')
FROM unnest(ARRAY['cadre_record', 'counseling_record', 'counseling_participant']::regclass[]) t;
GRANT SELECT, INSERT, UPDATE, DELETE ON cadre_record, counseling_record, counseling_participant TO portfolio_app;
`);
  }
}
