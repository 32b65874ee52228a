import type { EntityManager } from '@mikro-orm/postgresql';
import type { PiiCipher } from '../../../common/pii-crypto.js';
import { PERFORMANCE_FIELDS } from '../../portfolio/performance-fields.js';
import { PERFORMANCE_CATEGORY_LABELS, type PerformanceCategory } from '../../portfolio/portfolio.enums.js';
import { SubmissionCategory } from '../../../common/submission-category.js';
import { evidenceNameOf, type EvidenceFile } from './evidence.js';

export type Cell = string | number | null;

/** One roster of the central format: its path in the zip, its columns, and its rows (cells in column order). */
export interface Roster {
  path: string;
  sheetName: string;
  columns: string[];
  rows: RosterRow[];
}

export interface RosterRow {
  studentId: string | null;
  cells: Cell[];
  /** The stored files this row lists in its 文件檔名/影音檔名 columns, which the package carries (evidence.ts). */
  evidence?: EvidenceFile[];
}

const ACADEMIC = '01_學業表現上傳資料';
const NON_ACADEMIC = '02_非學業表現上傳資料';

export const ROSTER_PATHS = {
  subjects: `${ACADEMIC}/1_科目名冊.xlsx`,
  students: `${ACADEMIC}/2_學生資料名冊.xlsx`,
  grades: `${ACADEMIC}/3_學生成績名冊.xlsx`,
  outcomes: `${ACADEMIC}/7_學生課程學習成果名冊.xlsx`,
  cadres: `${NON_ACADEMIC}/1_校內幹部經歷名冊.xlsx`,
  performances: `${NON_ACADEMIC}/2_學生自填多元表現名冊.xlsx`,
} as const;

/**
 * Which rosters each category's package holds (DOMAIN.md §3 and §5): basic data is the student register with the
 * cadre records; course records are the subjects with every enrolment's grades; course outcomes and diverse
 * performances are the selected items only, with their files (listed by name and SHA-256, and carried in the zip).
 */
export const ROSTERS_OF: Record<SubmissionCategory, (keyof typeof ROSTER_PATHS)[]> = {
  [SubmissionCategory.BASIC]: ['students', 'cadres'],
  [SubmissionCategory.COURSE_RECORDS]: ['subjects', 'grades'],
  [SubmissionCategory.COURSE_OUTCOMES]: ['outcomes'],
  [SubmissionCategory.PERFORMANCES]: ['performances'],
};

const HEAD = ['學校代碼', '學年度', '學期'];
export const NATIONAL_ID_COLUMN = '身分證號';
const PERSON = [NATIONAL_ID_COLUMN, '出生日期'];
/**
 * Where the national ID sits in every roster about students: right after the head columns. The stored copies of
 * submitted rows keep it out of their cells (submitted-national-ids.ts), and the migration's index of rows still
 * holding it in clear looks at this position.
 */
export const NATIONAL_ID_CELL = [...HEAD, ...PERSON].indexOf(NATIONAL_ID_COLUMN);
const FILES = ['文件檔名', '文件SHA-256', '影音檔名', '影音SHA-256'];

const ENROLMENT_KIND: Record<string, string> = {
  REGULAR: '一般',
  RETAKE: '重修',
  REPEAT: '重讀',
  MAKEUP: '補修',
  BORROWED: '借讀',
  TRANSFER: '轉學轉科',
};
const OUTCOME_KIND: Record<string, string> = { PROJECT: '專題實作及實習科目學習成果', OTHER: '其他課程學習成果' };

const yesNo = (value: boolean | null): Cell => (value === null ? null : value ? '是' : '否');
const num = (value: string | number | null): Cell => (value === null ? null : Number(value));
const iso = (value: string | Date): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

export interface RosterScope {
  schoolCode: string;
  termId: string;
  academicYearId: string;
  year: number;
  semester: number;
  /** Which students a round's package holds by cohort (the 高三 round's, or the rest): null for all. */
  cohort: { only: number } | { except: number } | null;
}

/** The scope's cohort rule as a condition on `s.cohort`, with its parameter. */
function cohortCondition(scope: RosterScope): { sql: string; params: number[] } {
  if (!scope.cohort) return { sql: 'true', params: [] };
  return 'only' in scope.cohort
    ? { sql: 's.cohort = ?', params: [scope.cohort.only] }
    : { sql: 's.cohort <> ?', params: [scope.cohort.except] };
}

/**
 * Reads the rows of one category's rosters. Every statement runs in the caller's transaction, which must be
 * REPEATABLE READ, so all rosters come from one snapshot. National IDs are decrypted here, for the files built from
 * the rosters; the copy of a submission kept in the database seals them again (submitted-national-ids.ts).
 */
export async function readRosters(
  em: EntityManager,
  pii: PiiCipher,
  scope: RosterScope,
  category: SubmissionCategory,
): Promise<Roster[]> {
  const { schoolCode, termId, academicYearId, year, semester } = scope;
  const cohort = cohortCondition(scope);
  const head = (sem = semester): Cell[] => [schoolCode, year, sem];
  const person = (row: { national_id_encrypted: string; birth_date: string | Date }): Cell[] => [
    pii.decrypt(row.national_id_encrypted),
    iso(row.birth_date),
  ];
  const rosters: Roster[] = [];
  for (const kind of ROSTERS_OF[category]) {
    const path = ROSTER_PATHS[kind];
    const sheetName = path.slice(path.lastIndexOf('_') + 1, -'.xlsx'.length);
    if (kind === 'subjects') {
      const rows = await em.execute<{ code: string; subject_name: string; grade_year: number; credits: number }[]>(
        `select code, subject_name, grade_year, credits from course where term_id = ? order by code, id`,
        [termId],
      );
      rosters.push({
        path,
        sheetName,
        columns: [...HEAD, '課程代碼', '科目名稱', '開課年級', '學分數'],
        rows: rows.map((r) => ({
          studentId: null,
          cells: [...head(), r.code, r.subject_name, r.grade_year, r.credits],
        })),
      });
    } else if (kind === 'students') {
      const rows = await execStudents(em, cohort);
      rosters.push({
        path,
        sheetName,
        columns: [...HEAD, ...PERSON, '學號', '姓名', '性別', '班級', '座號', '入學年度'],
        rows: rows.map((r) => ({
          studentId: r.id,
          cells: [...head(), ...person(r), r.student_number, r.name, r.gender, r.class_name, r.seat_number, r.cohort],
        })),
      });
    } else if (kind === 'grades') {
      rosters.push(await readEnrolmentRoster(em, pii, scope, { withGrades: true }));
    } else if (kind === 'outcomes') {
      const rows = await em.execute<
        (StudentCols & FileCols & { code: string; subject_name: string; kind: string; description: string })[]
      >(
        `select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.student_number, c.code, c.subject_name, o.kind,
                v.description, d.sha256 as doc_sha, d.content_type as doc_type, m.sha256 as media_sha,
                m.content_type as media_type
         from course_outcome o
         join course_outcome_version v
           on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
         join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
         join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
         join course c on c.school_id = cs.school_id and c.id = cs.course_id
         join student s on s.school_id = o.school_id and s.id = o.student_id
         left join upload d on d.school_id = v.school_id and d.id = v.document_upload_id
         left join upload m on m.school_id = v.school_id and m.id = v.media_upload_id
         where o.academic_year_id = ? and o.selected_at is not null and o.status = 'CERTIFIED' and ${cohort.sql}
         order by s.student_number, c.code, o.id`,
        [academicYearId, ...cohort.params],
      );
      rosters.push({
        path,
        sheetName,
        // The year's selected outcomes of both terms, submitted once: semester 0 like the performances.
        columns: [...HEAD, ...PERSON, '課程代碼', '科目名稱', '成果類別', '簡述', ...FILES],
        rows: rows.map((r) => ({
          studentId: r.id,
          cells: [
            ...head(0),
            ...person(r),
            r.code,
            r.subject_name,
            OUTCOME_KIND[r.kind] ?? r.kind,
            r.description,
            ...fileCells(r),
          ],
          evidence: evidenceOf(r),
        })),
      });
    } else if (kind === 'cadres') {
      const rows = await em.execute<
        (StudentCols & { unit: string; position: string; level: number; starts_on: string; ends_on: string })[]
      >(
        `select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.student_number, r.unit, r.position, r.level,
                to_char(r.starts_on, 'YYYY-MM-DD') as starts_on, to_char(r.ends_on, 'YYYY-MM-DD') as ends_on
         from cadre_record r
         join student s on s.school_id = r.school_id and s.id = r.student_id
         where r.term_id = ? and ${cohort.sql}
         order by s.student_number, r.starts_on, r.id`,
        [termId, ...cohort.params],
      );
      rosters.push({
        path,
        sheetName,
        columns: [...HEAD, ...PERSON, '單位名稱', '擔任職務', '幹部等級', '開始日期', '結束日期'],
        rows: rows.map((r) => ({
          studentId: r.id,
          cells: [...head(), ...person(r), r.unit, r.position, r.level, iso(r.starts_on), iso(r.ends_on)],
        })),
      });
    } else {
      const rows = await em.execute<
        (StudentCols &
          FileCols & {
            category: PerformanceCategory;
            title: string;
            details: Record<string, unknown>;
            description: string;
            external_link: string | null;
          })[]
      >(
        `select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.student_number, p.category, p.title, p.details,
                p.description, p.external_link, d.sha256 as doc_sha, d.content_type as doc_type,
                m.sha256 as media_sha, m.content_type as media_type
         from diverse_performance p
         join student s on s.school_id = p.school_id and s.id = p.student_id
         left join upload d on d.school_id = p.school_id and d.id = p.document_upload_id
         left join upload m on m.school_id = p.school_id and m.id = p.media_upload_id
         where p.academic_year_id = ? and p.selected_at is not null and ${cohort.sql}
         order by s.student_number, p.created_at, p.id`,
        [academicYearId, ...cohort.params],
      );
      rosters.push({
        path,
        sheetName,
        // Diverse performances belong to the academic year: semester 0 (DOMAIN.md §5).
        columns: [...HEAD, ...PERSON, '多元表現類別', '名稱', '內容', '簡述', '外部連結', ...FILES],
        rows: rows.map((r) => ({
          studentId: r.id,
          cells: [
            ...head(0),
            ...person(r),
            PERFORMANCE_CATEGORY_LABELS[r.category] ?? r.category,
            r.title,
            detailsText(r.category, r.details),
            r.description,
            r.external_link,
            ...fileCells(r),
          ],
          evidence: evidenceOf(r),
        })),
      });
    }
  }
  return rosters;
}

const GRADE_COLUMNS = ['學期成績', '是否及格', '補考成績', '是否採計學分', '質性描述'];

/**
 * 3_學生成績名冊: one row per enrolment of the term. The submission sends it with the grades; the pre-check (預檢)
 * sends it without them (`withGrades: false`), with the student's 學號 after 出生日期 instead, so the central
 * database's comparison names the student the way the school knows them. One query serves both, so the pre-check
 * compares exactly the enrolments a later submission will carry.
 */
export async function readEnrolmentRoster(
  em: EntityManager,
  pii: PiiCipher,
  scope: RosterScope,
  { withGrades }: { withGrades: boolean },
): Promise<Roster> {
  const path = ROSTER_PATHS.grades;
  const rows = await em.execute<
    (StudentCols & {
      code: string;
      subject_name: string;
      grade_year: number;
      credits: number;
      kind: string;
      term_grade: string | null;
      passed: boolean | null;
      makeup_grade: string | null;
      credits_counted: boolean | null;
      qualitative_note: string | null;
    })[]
  >(
    `select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.student_number, c.code, c.subject_name, c.grade_year,
            c.credits, e.kind, e.term_grade, e.passed, e.makeup_grade, e.credits_counted, e.qualitative_note
     from enrolment e
     join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
     join course c on c.school_id = cs.school_id and c.id = cs.course_id
     join student s on s.school_id = e.school_id and s.id = e.student_id
     where c.term_id = ?
     order by s.student_number, c.code, e.id`,
    [scope.termId],
  );
  return {
    path,
    sheetName: path.slice(path.lastIndexOf('_') + 1, -'.xlsx'.length),
    columns: [
      ...HEAD,
      ...PERSON,
      ...(withGrades ? [] : ['學號']),
      '課程代碼',
      '科目名稱',
      '開課年級',
      '學分數',
      '修課類別',
      ...(withGrades ? GRADE_COLUMNS : []),
    ],
    rows: rows.map((r) => ({
      studentId: r.id,
      cells: [
        scope.schoolCode,
        scope.year,
        scope.semester,
        pii.decrypt(r.national_id_encrypted),
        iso(r.birth_date),
        ...(withGrades ? [] : [r.student_number]),
        r.code,
        r.subject_name,
        r.grade_year,
        r.credits,
        ENROLMENT_KIND[r.kind] ?? r.kind,
        ...(withGrades
          ? [num(r.term_grade), yesNo(r.passed), num(r.makeup_grade), yesNo(r.credits_counted), r.qualitative_note]
          : []),
      ],
    })),
  };
}

interface StudentCols {
  id: string;
  national_id_encrypted: string;
  birth_date: string | Date;
  student_number: string;
}

interface FileCols {
  doc_sha: string | null;
  doc_type: string | null;
  media_sha: string | null;
  media_type: string | null;
}

const evidenceOf = (r: FileCols): EvidenceFile[] =>
  (
    [
      [r.doc_sha, r.doc_type],
      [r.media_sha, r.media_type],
    ] as const
  ).flatMap(([sha256, type]) => (sha256 ? [{ name: evidenceNameOf(sha256, type), sha256 }] : []));

const fileCells = (r: FileCols): Cell[] => [
  r.doc_sha && evidenceNameOf(r.doc_sha, r.doc_type),
  r.doc_sha,
  r.media_sha && evidenceNameOf(r.media_sha, r.media_type),
  r.media_sha,
];

function execStudents(em: EntityManager, cohort: { sql: string; params: number[] }) {
  return em.execute<
    (StudentCols & {
      name: string;
      gender: string | null;
      class_name: string | null;
      seat_number: number | null;
      cohort: number;
    })[]
  >(
    `select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.student_number, s.name, s.gender, k.name as class_name,
            s.seat_number, s.cohort
     from student s
     left join school_class k on k.school_id = s.school_id and k.id = s.class_id
     where ${cohort.sql}
     order by s.student_number, s.id`,
    cohort.params,
  );
}

/** A performance's own fields as one cell: 「欄位：值」 joined by 「；」, in the category's field order. */
function detailsText(category: PerformanceCategory, details: Record<string, unknown>): string {
  const fields = PERFORMANCE_FIELDS[category] ?? [];
  return fields
    .filter((field) => details[field.key] !== undefined && details[field.key] !== null && details[field.key] !== '')
    .map((field) => `${field.label}：${String(details[field.key])}`)
    .join('；');
}
