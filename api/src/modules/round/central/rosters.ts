import type { EntityManager } from '@mikro-orm/postgresql';
import { ENROLMENT_KIND_LABELS, type EnrolmentKind } from '../../course/course.entity.js';
import type { PiiCipher } from '../../../common/pii-crypto.js';
import { choiceOf, codeColumnOf, columnsOfField, PERFORMANCE_FIELDS } from '../../portfolio/performance-fields.js';
import { ALL_PERFORMANCE_CATEGORIES, PerformanceCategory } from '../../portfolio/portfolio.enums.js';
import { STUDENT_STATUS_CODES, STUDENT_STATUS_LABELS, type StudentStatus } from '../../people/people.enums.js';
import { SchoolDivision } from '../../school/school.entity.js';
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

/**
 * The rosters of the central format (DOMAIN.md §5) by path in the package. The numbering of 1–3 and 7 and of the
 * cadre roster is the central format's; 4–6 (重修, 重讀, 進修部) and the per-category performance rosters are the
 * platform's own choice where no published specification was found: the enrolment rosters fill the numbers between
 * 3 and 7, the performance rosters follow the cadre roster in the order of the categories.
 */
export const ROSTER_PATHS = {
  subjects: `${ACADEMIC}/1_科目名冊.xlsx`,
  students: `${ACADEMIC}/2_學生資料名冊.xlsx`,
  grades: `${ACADEMIC}/3_學生成績名冊.xlsx`,
  retakes: `${ACADEMIC}/4_學生重修成績名冊.xlsx`,
  repeats: `${ACADEMIC}/5_學生重讀成績名冊.xlsx`,
  nightGrades: `${ACADEMIC}/6_進修部學生成績名冊.xlsx`,
  outcomes: `${ACADEMIC}/7_學生課程學習成果名冊.xlsx`,
  cadres: `${NON_ACADEMIC}/1_校內幹部經歷名冊.xlsx`,
} as const;

/** One roster per 多元表現 category: its number and name after 1_校內幹部經歷名冊. */
const PERFORMANCE_ROSTERS: Record<PerformanceCategory, [number, string]> = {
  [PerformanceCategory.CADRE]: [2, '幹部經歷暨事蹟名冊'],
  [PerformanceCategory.COMPETITION]: [3, '競賽參與名冊'],
  [PerformanceCategory.CERTIFICATE]: [4, '檢定證照名冊'],
  [PerformanceCategory.SERVICE_LEARNING]: [5, '服務學習名冊'],
  [PerformanceCategory.FLEXIBLE_LEARNING]: [6, '彈性學習時間名冊'],
  [PerformanceCategory.GROUP_ACTIVITY]: [7, '團體活動時間名冊'],
  [PerformanceCategory.WORK]: [8, '作品成果名冊'],
  [PerformanceCategory.ADVANCED_COURSE]: [9, '大學及技專校院先修課程名冊'],
  [PerformanceCategory.OTHER]: [10, '其他多元表現名冊'],
  [PerformanceCategory.WORKPLACE_LEARNING]: [11, '職場學習名冊'],
};

export const PERFORMANCE_ROSTER_PATHS = Object.fromEntries(
  ALL_PERFORMANCE_CATEGORIES.map((category) => {
    const [number, name] = PERFORMANCE_ROSTERS[category];
    return [category, `${NON_ACADEMIC}/${number}_${name}.xlsx`];
  }),
) as Record<PerformanceCategory, string>;

/**
 * The single roster every selected performance went into before the per-category rosters. Submissions made then
 * still hold rows of it, and their receipts are still reconciled against it.
 */
export const LEGACY_PERFORMANCE_ROSTER = `${NON_ACADEMIC}/2_學生自填多元表現名冊.xlsx`;

/** The enrolment rosters: 3 (or 6 at a 進修部) for every kind but 重修 and 重讀, which have rosters of their own. */
export const ENROLMENT_ROSTER_PATHS: readonly string[] = [
  ROSTER_PATHS.grades,
  ROSTER_PATHS.retakes,
  ROSTER_PATHS.repeats,
  ROSTER_PATHS.nightGrades,
];

/** A roster's name, as its sheet and a receipt list's 名冊 column give it: the file name after its number. */
export const rosterNameOf = (path: string): string => path.slice(path.lastIndexOf('_') + 1, -'.xlsx'.length);

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

/** 成果類別 as the central roster writes it. */
export const OUTCOME_KIND_LABEL: Record<string, string> = {
  PROJECT: '專題實作及實習科目學習成果',
  OTHER: '其他課程學習成果',
};
/** The columns of 7_學生課程學習成果名冊. */
export const OUTCOME_ROSTER_COLUMNS = [...HEAD, ...PERSON, '課程代碼', '科目名稱', '成果類別', '簡述', ...FILES];

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

/** What the rosters depend on beyond the data: the 多元表現 categories offered, in their order (config.ts). */
export interface RosterPolicy {
  performanceCategories: readonly PerformanceCategory[];
}

/** The scope's cohort rule as a condition on `s.cohort`, with its parameter. */
function cohortCondition(scope: RosterScope): { sql: string; params: number[] } {
  if (!scope.cohort) return { sql: 'true', params: [] };
  return 'only' in scope.cohort
    ? { sql: 's.cohort = ?', params: [scope.cohort.only] }
    : { sql: 's.cohort <> ?', params: [scope.cohort.except] };
}

const rosterOf = (path: string, columns: string[], rows: RosterRow[]): Roster => ({
  path,
  sheetName: rosterNameOf(path),
  columns,
  rows,
});

/**
 * Reads the rows of one category's rosters. Every statement runs in the caller's transaction, which must be
 * REPEATABLE READ, so all rosters come from one snapshot. National IDs are decrypted here, for the files built from
 * the rosters; the copy of a submission kept in the database seals them again (submitted-national-ids.ts). `policy`
 * is the configuration's (config.portfolio).
 */
export async function readRosters(
  em: EntityManager,
  pii: PiiCipher,
  scope: RosterScope,
  category: SubmissionCategory,
  policy: RosterPolicy,
): Promise<Roster[]> {
  switch (category) {
    case SubmissionCategory.BASIC:
      return [await readStudentRoster(em, pii, scope), await readCadreRoster(em, pii, scope)];
    case SubmissionCategory.COURSE_RECORDS:
      return [
        await readSubjectRoster(em, scope),
        ...(await readEnrolmentRosters(em, pii, scope, { withGrades: true })),
      ];
    case SubmissionCategory.COURSE_OUTCOMES:
      return [await readOutcomeRoster(em, pii, scope)];
    case SubmissionCategory.PERFORMANCES:
      return readPerformanceRosters(em, pii, scope, policy);
  }
}

const head = (scope: RosterScope, semester = scope.semester): Cell[] => [scope.schoolCode, scope.year, semester];
const person = (pii: PiiCipher, row: { national_id_encrypted: string; birth_date: string | Date }): Cell[] => [
  pii.decrypt(row.national_id_encrypted),
  iso(row.birth_date),
];

async function readSubjectRoster(em: EntityManager, scope: RosterScope): Promise<Roster> {
  const rows = await em.execute<{ code: string; subject_name: string; grade_year: number; credits: number }[]>(
    `select code, subject_name, grade_year, credits from course where term_id = ? order by code, id`,
    [scope.termId],
  );
  return rosterOf(
    ROSTER_PATHS.subjects,
    [...HEAD, '課程代碼', '科目名稱', '開課年級', '學分數'],
    rows.map((r) => ({ studentId: null, cells: [...head(scope), r.code, r.subject_name, r.grade_year, r.credits] })),
  );
}

/**
 * 2_學生資料名冊: the students of the term by their status in it (student_status_change, read as of the term's
 * bounds in Taipei time). A student is listed when they belonged to the school at some time in the term: their
 * status at its start was 在學 or 休學, or they came back (在學 or 休學) during it; they are listed with their status
 * at its end. So a student who graduated or transferred out before the term began is not listed, and one who
 * transferred out or was suspended during the term is, with that status. A student counts as 在學 before their first
 * recorded status that is not (the history records a first 在學 as holding from the start), and no student is listed
 * in a term before their cohort's year (the platform keeps no entry date: a student who transferred in counts from
 * their cohort's first year) nor, graduated, after their grade-12 year. Two changes recorded for one moment (two
 * bare UPDATEs in one transaction) are ordered by when each was written.
 */
async function readStudentRoster(em: EntityManager, pii: PiiCipher, scope: RosterScope): Promise<Roster> {
  const cohort = cohortCondition(scope);
  const statusAsOf = (at: string, inclusive: boolean) =>
    `coalesce((select c.status from student_status_change c
               where c.school_id = s.school_id and c.student_id = s.id and c.changed_at ${inclusive ? '<=' : '<'} ${at}
               order by c.changed_at desc, c.recorded_at desc limit 1), 'ENROLLED')`;
  const rows = await em.execute<
    (StudentCols & {
      name: string;
      gender: string | null;
      class_name: string | null;
      seat_number: number | null;
      cohort: number;
      term_status: StudentStatus;
    })[]
  >(
    `with bounds as (
       select (t.starts_on::timestamp at time zone 'Asia/Taipei') as starts_at,
              ((t.ends_on + 1)::timestamp at time zone 'Asia/Taipei') as ends_at,
              y.year, y.id as year_id
       from term t join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
       where t.id = ?
     ),
     listed as (
       select s.*, b.year as year_of_term, b.year_id, ${statusAsOf('b.starts_at', true)} as start_status,
              ${statusAsOf('b.ends_at', false)} as term_status,
              exists (select 1 from student_status_change c
                      where c.school_id = s.school_id and c.student_id = s.id and c.changed_at > b.starts_at
                        and c.changed_at < b.ends_at and c.status in ('ENROLLED', 'SUSPENDED')) as came_back
       from student s cross join bounds b
       where s.cohort <= b.year and ${cohort.sql}
     )
     select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.student_number, s.name,
            s.gender, k.name as class_name,
            case when p.student_id is null then s.seat_number else p.seat_number end as seat_number,
            s.cohort, s.term_status
     from listed s
     -- The class and seat of the term's year: where the rollover recorded them, else the student's class now.
     left join class_placement p on p.school_id = s.school_id and p.student_id = s.id and p.academic_year_id = s.year_id
     left join school_class k on k.school_id = s.school_id and k.id = coalesce(p.class_id, s.class_id)
     where (s.start_status in ('ENROLLED', 'SUSPENDED') or s.came_back)
       -- A graduate belongs to no term after their grade-12 year, whenever 畢業 was entered (often after 8/1).
       and not (s.term_status = 'GRADUATED' and s.year_of_term > s.cohort + 2)
     order by s.student_number, s.id`,
    [scope.termId, ...cohort.params],
  );
  return rosterOf(
    ROSTER_PATHS.students,
    [...HEAD, ...PERSON, '學號', '姓名', '性別', '班級', '座號', '入學年度', '學籍狀態代碼', '學籍狀態'],
    rows.map((r) => ({
      studentId: r.id,
      cells: [
        ...head(scope),
        ...person(pii, r),
        r.student_number,
        r.name,
        r.gender,
        r.class_name,
        r.seat_number,
        r.cohort,
        STUDENT_STATUS_CODES[r.term_status] ?? null,
        STUDENT_STATUS_LABELS[r.term_status] ?? r.term_status,
      ],
    })),
  );
}

async function readCadreRoster(em: EntityManager, pii: PiiCipher, scope: RosterScope): Promise<Roster> {
  const cohort = cohortCondition(scope);
  const rows = await em.execute<
    (StudentCols & { unit: string; position: string; level: number; starts_on: string; ends_on: string })[]
  >(
    `select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.student_number, r.unit, r.position, r.level,
            to_char(r.starts_on, 'YYYY-MM-DD') as starts_on, to_char(r.ends_on, 'YYYY-MM-DD') as ends_on
     from cadre_record r
     join student s on s.school_id = r.school_id and s.id = r.student_id
     where r.term_id = ? and ${cohort.sql}
     order by s.student_number, r.starts_on, r.id`,
    [scope.termId, ...cohort.params],
  );
  return rosterOf(
    ROSTER_PATHS.cadres,
    [...HEAD, ...PERSON, '單位名稱', '擔任職務', '幹部等級', '開始日期', '結束日期'],
    rows.map((r) => ({
      studentId: r.id,
      cells: [...head(scope), ...person(pii, r), r.unit, r.position, r.level, iso(r.starts_on), iso(r.ends_on)],
    })),
  );
}

async function readOutcomeRoster(em: EntityManager, pii: PiiCipher, scope: RosterScope): Promise<Roster> {
  const cohort = cohortCondition(scope);
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
    [scope.academicYearId, ...cohort.params],
  );
  // The year's selected outcomes of both terms, submitted once: semester 0 like the performances.
  return rosterOf(
    ROSTER_PATHS.outcomes,
    OUTCOME_ROSTER_COLUMNS,
    rows.map((r) => ({
      studentId: r.id,
      cells: [
        ...head(scope, 0),
        ...person(pii, r),
        r.code,
        r.subject_name,
        OUTCOME_KIND_LABEL[r.kind] ?? r.kind,
        r.description,
        ...fileCells(r),
      ],
      evidence: evidenceOf(r),
    })),
  );
}

/** A performance roster's columns: the category's own (a coded choice as its code, then its label), then the common. */
export function performanceRosterColumns(category: PerformanceCategory): string[] {
  return [
    ...HEAD,
    ...PERSON,
    ...PERFORMANCE_FIELDS[category].flatMap(columnsOfField),
    '名稱',
    '簡述',
    '外部連結',
    ...FILES,
  ];
}

/**
 * The codes each coded column of the performance rosters may hold (its choice's table), by column name: what the
 * reference central repository checks a row's codes against.
 */
export const PERFORMANCE_CODE_COLUMNS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  ALL_PERFORMANCE_CATEGORIES.flatMap((category) =>
    PERFORMANCE_FIELDS[category]
      .filter((field) => field.kind === 'choice')
      .map((field) => [codeColumnOf(field), new Set(field.choices!.map((choice) => choice.code))] as const),
  ),
);

/** A performance's own fields as cells, in the order of performanceRosterColumns. */
function detailCells(category: PerformanceCategory, details: Record<string, unknown>): Cell[] {
  return PERFORMANCE_FIELDS[category].flatMap((field): Cell[] => {
    const raw = details[field.key];
    const value = raw === undefined || raw === null || raw === '' ? null : String(raw);
    if (field.kind === 'choice') {
      // Stored details hold the label (as they always did); the code is looked up, an unknown label keeps no code.
      const choice = choiceOf(field, value);
      return [choice?.code ?? null, choice?.label ?? value];
    }
    if (field.kind === 'number' && value !== null && Number.isFinite(Number(value))) return [Number(value)];
    return [value];
  });
}

/**
 * The selected performances of the year, one roster per category (DOMAIN.md §3: the central files hold one sheet
 * per category with coded columns): every category of the policy, in its order, even without rows (a roster with
 * its header only), then any category outside the policy that still has selected rows, so nothing recorded before
 * a category was left out is lost.
 */
async function readPerformanceRosters(
  em: EntityManager,
  pii: PiiCipher,
  scope: RosterScope,
  policy: RosterPolicy,
): Promise<Roster[]> {
  const cohort = cohortCondition(scope);
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
    [scope.academicYearId, ...cohort.params],
  );
  const present = new Set(rows.map((r) => r.category));
  const categories = [
    ...policy.performanceCategories,
    ...ALL_PERFORMANCE_CATEGORIES.filter((c) => !policy.performanceCategories.includes(c) && present.has(c)),
  ];
  // Diverse performances belong to the academic year: semester 0 (DOMAIN.md §5).
  return categories.map((category) =>
    rosterOf(
      PERFORMANCE_ROSTER_PATHS[category],
      performanceRosterColumns(category),
      rows
        .filter((r) => r.category === category)
        .map((r) => ({
          studentId: r.id,
          cells: [
            ...head(scope, 0),
            ...person(pii, r),
            ...detailCells(category, r.details),
            r.title,
            r.description,
            r.external_link,
            ...fileCells(r),
          ],
          evidence: evidenceOf(r),
        })),
    ),
  );
}

const GRADE_COLUMNS = ['學期成績', '是否及格', '補考成績', '是否採計學分', '質性描述'];

interface EnrolmentRow extends StudentCols {
  code: string;
  subject_name: string;
  grade_year: number;
  credits: number;
  kind: string;
  division: SchoolDivision;
  term_grade: string | null;
  passed: boolean | null;
  makeup_grade: string | null;
  credits_counted: boolean | null;
  qualitative_note: string | null;
}

/** The enrolment roster an enrolment goes to: 重修 and 重讀 to their own, every other kind to its division's. */
function enrolmentRosterOf(kind: string, division: SchoolDivision): string {
  if (kind === 'RETAKE') return ROSTER_PATHS.retakes;
  if (kind === 'REPEAT') return ROSTER_PATHS.repeats;
  return mainEnrolmentRosterOf(division);
}

/** The roster of a division's ordinary enrolments: 3_學生成績名冊, or 6_進修部學生成績名冊 at a 進修部. */
export const mainEnrolmentRosterOf = (division: SchoolDivision): string =>
  division === SchoolDivision.NIGHT ? ROSTER_PATHS.nightGrades : ROSTER_PATHS.grades;

/**
 * The term's enrolments, one query for the submission's rosters and the pre-check's alike, so that the pre-check
 * compares exactly the enrolments a later submission carries. The division comes with the term (its school), so
 * that a term without enrolments still knows which rosters its package has.
 */
async function readEnrolments(
  em: EntityManager,
  scope: RosterScope,
): Promise<{ division: SchoolDivision; rows: EnrolmentRow[] }> {
  const [school] = await em.execute<{ division: SchoolDivision }[]>(
    `select sc.division from term t join school sc on sc.id = t.school_id where t.id = ?`,
    [scope.termId],
  );
  const rows = await em.execute<EnrolmentRow[]>(
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
  return { division: school?.division ?? SchoolDivision.DAY, rows };
}

function enrolmentColumns(withGrades: boolean): string[] {
  return [
    ...HEAD,
    ...PERSON,
    ...(withGrades ? [] : ['學號']),
    '課程代碼',
    '科目名稱',
    '開課年級',
    '學分數',
    '修課類別',
    ...(withGrades ? GRADE_COLUMNS : []),
  ];
}

function enrolmentRow(pii: PiiCipher, scope: RosterScope, r: EnrolmentRow, withGrades: boolean): RosterRow {
  return {
    studentId: r.id,
    cells: [
      ...head(scope),
      ...person(pii, r),
      ...(withGrades ? [] : [r.student_number]),
      r.code,
      r.subject_name,
      r.grade_year,
      r.credits,
      ENROLMENT_KIND_LABELS[r.kind as EnrolmentKind] ?? r.kind,
      ...(withGrades
        ? [num(r.term_grade), yesNo(r.passed), num(r.makeup_grade), yesNo(r.credits_counted), r.qualitative_note]
        : []),
    ],
  };
}

/**
 * The enrolment rosters of the term with their grades: the division's ordinary roster (3_學生成績名冊, or
 * 6_進修部學生成績名冊), 4_學生重修成績名冊 and 5_學生重讀成績名冊, each written even when empty, so that a
 * receipt list's 名冊 and the central database see the same set every term.
 */
export async function readEnrolmentRosters(
  em: EntityManager,
  pii: PiiCipher,
  scope: RosterScope,
  { withGrades }: { withGrades: boolean },
): Promise<Roster[]> {
  const { division, rows } = await readEnrolments(em, scope);
  const paths = [mainEnrolmentRosterOf(division), ROSTER_PATHS.retakes, ROSTER_PATHS.repeats].sort();
  return paths.map((path) =>
    rosterOf(
      path,
      enrolmentColumns(withGrades),
      rows
        .filter((r) => enrolmentRosterOf(r.kind, division) === path)
        .map((r) => enrolmentRow(pii, scope, r, withGrades)),
    ),
  );
}

/**
 * The pre-check's roster (預檢): every enrolment of the term without grades, with the student's 學號 after 出生日期
 * instead, so the central database's comparison names the student the way the school knows them. It holds the rows
 * of all the enrolment rosters the submission sends (3 or 6, 4 and 5) in one workbook named after the division's
 * ordinary roster, their 修課類別 saying which is which.
 */
export async function readEnrolmentRoster(
  em: EntityManager,
  pii: PiiCipher,
  scope: RosterScope,
  { withGrades }: { withGrades: boolean },
): Promise<Roster> {
  const { division, rows } = await readEnrolments(em, scope);
  return rosterOf(
    mainEnrolmentRosterOf(division),
    enrolmentColumns(withGrades),
    rows.map((r) => enrolmentRow(pii, scope, r, withGrades)),
  );
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
