import { registerEnumType } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { formatRocCalendarDate, formatRocDate, isIsoCalendarDate, termLabel } from '../../common/roc.js';
import { ENROLMENT_KIND_LABELS, type EnrolmentKind } from '../course/course.entity.js';
import { PERFORMANCE_FIELDS } from '../portfolio/performance-fields.js';
import { PERFORMANCE_CATEGORY_LABELS, type PerformanceCategory } from '../portfolio/portfolio.enums.js';
import { RECEIPT_KINDS } from '../round/central/receipt-format.js';
import { OUTCOME_KIND_LABEL } from '../round/central/rosters.js';
import { fieldsOfRow } from '../round/confirmation/receipt-fields.js';
import { DISPUTE_STATUS_LABELS, ReviewDecision } from '../round/confirmation.entity.js';
import { ReceiptRow, ReceiptStatus } from '../round/receipt.entity.js';
import { DIVISION_LABELS, type SchoolDivision } from '../school/school.entity.js';

/** What a record of a student's portfolio is: the five kinds an exchange file and the graduate's ZIP carry. */
export enum PortfolioRecordKind {
  COURSE_RECORD = 'COURSE_RECORD',
  COURSE_OUTCOME = 'COURSE_OUTCOME',
  PERFORMANCE = 'PERFORMANCE',
  CADRE_RECORD = 'CADRE_RECORD',
  RECEIPT = 'RECEIPT',
}

export const RECORD_KIND_LABELS: Record<PortfolioRecordKind, string> = {
  [PortfolioRecordKind.COURSE_RECORD]: '修課紀錄',
  [PortfolioRecordKind.COURSE_OUTCOME]: '課程學習成果',
  [PortfolioRecordKind.PERFORMANCE]: '多元表現',
  [PortfolioRecordKind.CADRE_RECORD]: '校內幹部經歷',
  [PortfolioRecordKind.RECEIPT]: '收訖明細',
};

export const RECORD_KINDS: readonly PortfolioRecordKind[] = Object.values(PortfolioRecordKind);

registerEnumType(PortfolioRecordKind, {
  name: 'PortfolioRecordKind',
  description: '學習歷程紀錄的種類',
  valuesConfig: enumDescriptions(RECORD_KIND_LABELS),
});

export interface RecordField {
  label: string;
  value: string;
}

/** A stored file of a record: its bytes are in the content-addressed store under sha256. */
export interface PortfolioFile {
  /** The name the student gave it (or the school of origin kept), for people; never a path. */
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface RecordOrigin {
  schoolCode: string;
  schoolName: string;
}

/** One record as people see it: its kind, term, a title, its fields (labels and values) and its files. */
export interface PortfolioRecord {
  kind: PortfolioRecordKind;
  /** `1141` (學年度 and 學期), or `1140` for yearly data (多元表現). */
  termKey: string;
  title: string;
  fields: RecordField[];
  files: PortfolioFile[];
  /** A record this school received by an earlier exchange: the school it came from. Null: this school's own. */
  origin: RecordOrigin | null;
}

export interface PortfolioSchool {
  id: string;
  code: string;
  name: string;
  division: SchoolDivision;
  authorityCode: string;
  authorityName: string;
}

export interface PortfolioStudent {
  id: string;
  name: string;
  studentNumber: string;
  birthDate: string;
  gender: 'M' | 'F' | null;
  nationalIdEncrypted: string;
  accountId: string | null;
}

/** A student's whole portfolio at the viewer's school, as one snapshot of the request's transaction. */
export interface StudentPortfolio {
  school: PortfolioSchool;
  student: PortfolioStudent;
  records: PortfolioRecord[];
}

/** 1141 → 114學年度第1學期; 1140 → 114學年度. */
export function termKeyLabel(termKey: string): string {
  const year = Number(termKey.slice(0, 3));
  const semester = Number(termKey.slice(3));
  return semester === 0 ? `${year}學年度` : termLabel(year, semester);
}

export const schoolLabel = (school: { name: string; division: SchoolDivision }): string =>
  `${school.name} ${DIVISION_LABELS[school.division]}`;

const DASH = '—';
const text = (value: unknown): string =>
  value === null || value === undefined || String(value).trim() === '' ? DASH : String(value).trim();
const yesNo = (value: boolean | null): string => (value === null ? DASH : value ? '是' : '否');
const grade = (value: string | null): string => (value === null ? DASH : String(Number(value)));
const rocDay = (value: string | null): string =>
  value && isIsoCalendarDate(value) ? formatRocCalendarDate(value) : text(value);

const RECEIPT_STATUS_LABELS: Record<ReceiptStatus, string> = {
  [ReceiptStatus.RECEIVED]: '已收訖',
  [ReceiptStatus.REJECTED]: '退件',
  [ReceiptStatus.MISSING]: '收訖明細未列出',
};

interface FileCols {
  doc_sha: string | null;
  doc_type: string | null;
  doc_size: string | number | null;
  doc_name: string | null;
  media_sha: string | null;
  media_type: string | null;
  media_size: string | number | null;
  media_name: string | null;
}

const FILE_COLUMNS = `d.sha256 as doc_sha, d.content_type as doc_type, d.size as doc_size, d.file_name as doc_name,
  m.sha256 as media_sha, m.content_type as media_type, m.size as media_size, m.file_name as media_name`;

const filesOf = (r: FileCols): PortfolioFile[] =>
  (
    [
      [r.doc_sha, r.doc_type, r.doc_size, r.doc_name],
      [r.media_sha, r.media_type, r.media_size, r.media_name],
    ] as const
  ).flatMap(([sha256, contentType, size, name]) =>
    sha256
      ? [
          {
            sha256,
            contentType: contentType ?? 'application/octet-stream',
            size: Number(size ?? 0),
            name: name ?? sha256,
          },
        ]
      : [],
  );

/**
 * Reads one student's portfolio with the request's EntityManager (row-level security keeps it to the viewer's
 * school): course records, certified course outcomes with their files, diverse performances with their files, cadre
 * records, the current receipt rows with the student's answers, and what came to this school by earlier exchanges.
 * Null when the school has no such student. Permissions are the caller's.
 */
export async function readStudentPortfolio(ctx: AppContext, studentId: string): Promise<StudentPortfolio | null> {
  const em = ctx.em;
  const [row] = await em.execute<
    (Omit<PortfolioStudent, 'studentNumber' | 'nationalIdEncrypted' | 'accountId' | 'birthDate'> & {
      student_number: string;
      national_id_encrypted: string;
      account_id: string | null;
      birth_date: string;
      school_id: string;
      school_code: string;
      school_name: string;
      division: SchoolDivision;
      authority_code: string;
      authority_name: string;
    })[]
  >(
    `select s.id, s.name, s.student_number, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, s.gender,
            s.national_id_encrypted, s.account_id, sc.id as school_id, sc.code as school_code, sc.name as school_name,
            sc.division, a.code as authority_code, a.name as authority_name
     from student s
     join school sc on sc.id = s.school_id
     join authority a on a.id = sc.authority_id
     where s.id = ?`,
    [studentId],
  );
  if (!row) return null;
  const school: PortfolioSchool = {
    id: row.school_id,
    code: row.school_code,
    name: row.school_name,
    division: row.division,
    authorityCode: row.authority_code,
    authorityName: row.authority_name,
  };
  const records = [
    ...(await courseRecords(ctx, studentId, school)),
    ...(await courseOutcomes(ctx, studentId)),
    ...(await performances(ctx, studentId)),
    ...(await cadreRecords(ctx, studentId)),
    ...(await receipts(ctx, studentId)),
    ...(await earlierExchanges(ctx, studentId)),
  ];
  return {
    school,
    student: {
      id: row.id,
      name: row.name,
      studentNumber: row.student_number,
      birthDate: row.birth_date,
      gender: row.gender ?? null,
      nationalIdEncrypted: row.national_id_encrypted,
      accountId: row.account_id,
    },
    records,
  };
}

async function courseRecords(ctx: AppContext, studentId: string, school: PortfolioSchool): Promise<PortfolioRecord[]> {
  const rows = await ctx.em.execute<
    {
      year: number;
      semester: number;
      code: string;
      subject_name: string;
      grade_year: number;
      credits: number;
      kind: EnrolmentKind;
      term_grade: string | null;
      passed: boolean | null;
      makeup_grade: string | null;
      credits_counted: boolean | null;
      qualitative_note: string | null;
    }[]
  >(
    `select y.year, t.semester, c.code, c.subject_name, c.grade_year, c.credits, e.kind, e.term_grade, e.passed,
            e.makeup_grade, e.credits_counted, e.qualitative_note
     from enrolment e
     join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
     join course c on c.school_id = cs.school_id and c.id = cs.course_id
     join term t on t.school_id = c.school_id and t.id = c.term_id
     join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
     where e.student_id = ?
     order by y.year, t.semester, c.code, e.id`,
    [studentId],
  );
  return rows.map((r) => ({
    kind: PortfolioRecordKind.COURSE_RECORD,
    termKey: `${r.year}${r.semester}`,
    title: `${r.subject_name}（${r.code}）`,
    fields: [
      { label: '課程代碼', value: r.code },
      { label: '科目名稱', value: r.subject_name },
      { label: '開課年級', value: String(r.grade_year) },
      { label: '學分數', value: String(r.credits) },
      { label: '修課類別', value: ENROLMENT_KIND_LABELS[r.kind] ?? r.kind },
      { label: '學期成績', value: grade(r.term_grade) },
      { label: '是否及格', value: yesNo(r.passed) },
      { label: '補考成績', value: grade(r.makeup_grade) },
      { label: '是否採計學分', value: yesNo(r.credits_counted) },
      { label: '質性描述', value: text(r.qualitative_note) },
      { label: '原修課學校代碼', value: school.code },
    ],
    files: [],
    origin: null,
  }));
}

async function courseOutcomes(ctx: AppContext, studentId: string): Promise<PortfolioRecord[]> {
  const rows = await ctx.em.execute<
    (FileCols & {
      year: number;
      semester: number;
      kind: string;
      code: string;
      subject_name: string;
      description: string;
      decided_at: Date | null;
      selected_at: Date | null;
    })[]
  >(
    `select y.year, t.semester, o.kind, c.code, c.subject_name, v.description, v.decided_at, o.selected_at,
            ${FILE_COLUMNS}
     from course_outcome o
     join course_outcome_version v
       on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
     join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
     join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
     join course c on c.school_id = cs.school_id and c.id = cs.course_id
     join term t on t.school_id = o.school_id and t.id = o.term_id
     join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
     left join upload d on d.school_id = v.school_id and d.id = v.document_upload_id
     left join upload m on m.school_id = v.school_id and m.id = v.media_upload_id
     where o.student_id = ? and o.status = 'CERTIFIED'
     order by y.year, t.semester, c.code, o.created_at, o.id`,
    [studentId],
  );
  return rows.map((r) => ({
    kind: PortfolioRecordKind.COURSE_OUTCOME,
    termKey: `${r.year}${r.semester}`,
    title: `${r.subject_name}：${r.description}`,
    fields: [
      { label: '成果類別', value: OUTCOME_KIND_LABEL[r.kind] ?? r.kind },
      { label: '課程代碼', value: r.code },
      { label: '科目名稱', value: r.subject_name },
      { label: '簡述', value: r.description },
      { label: '認證', value: r.decided_at ? `已認證（${formatRocDate(new Date(r.decided_at))}）` : '已認證' },
      { label: '勾選', value: r.selected_at ? '已勾選' : '未勾選' },
    ],
    files: filesOf(r),
    origin: null,
  }));
}

function performanceFields(category: PerformanceCategory, details: Record<string, unknown>): RecordField[] {
  return (PERFORMANCE_FIELDS[category] ?? []).flatMap((field) => {
    const raw = details[field.key];
    if (raw === undefined || raw === null || String(raw).trim() === '') return [];
    const value = String(raw).trim();
    return [{ label: field.label, value: field.kind === 'date' ? rocDay(value) : value }];
  });
}

async function performances(ctx: AppContext, studentId: string): Promise<PortfolioRecord[]> {
  const rows = await ctx.em.execute<
    (FileCols & {
      year: number;
      category: PerformanceCategory;
      title: string;
      details: Record<string, unknown>;
      description: string;
      external_link: string | null;
      selected_at: Date | null;
    })[]
  >(
    `select y.year, p.category, p.title, p.details, p.description, p.external_link, p.selected_at, ${FILE_COLUMNS}
     from diverse_performance p
     join academic_year y on y.school_id = p.school_id and y.id = p.academic_year_id
     left join upload d on d.school_id = p.school_id and d.id = p.document_upload_id
     left join upload m on m.school_id = p.school_id and m.id = p.media_upload_id
     where p.student_id = ?
     order by y.year, p.created_at, p.id`,
    [studentId],
  );
  return rows.map((r) => ({
    kind: PortfolioRecordKind.PERFORMANCE,
    termKey: `${r.year}0`,
    title: `${PERFORMANCE_CATEGORY_LABELS[r.category] ?? r.category}：${r.title}`,
    fields: [
      { label: '類別', value: PERFORMANCE_CATEGORY_LABELS[r.category] ?? r.category },
      { label: '名稱', value: r.title },
      ...performanceFields(r.category, r.details ?? {}),
      { label: '簡述', value: r.description },
      ...(r.external_link ? [{ label: '外部連結', value: r.external_link }] : []),
      { label: '勾選', value: r.selected_at ? '已勾選' : '未勾選' },
    ],
    files: filesOf(r),
    origin: null,
  }));
}

async function cadreRecords(ctx: AppContext, studentId: string): Promise<PortfolioRecord[]> {
  const rows = await ctx.em.execute<
    {
      year: number;
      semester: number;
      unit: string;
      position: string;
      level: number;
      starts_on: string;
      ends_on: string;
    }[]
  >(
    `select y.year, t.semester, r.unit, r.position, r.level, to_char(r.starts_on, 'YYYY-MM-DD') as starts_on,
            to_char(r.ends_on, 'YYYY-MM-DD') as ends_on
     from cadre_record r
     join term t on t.school_id = r.school_id and t.id = r.term_id
     join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
     where r.student_id = ?
     order by y.year, t.semester, r.starts_on, r.id`,
    [studentId],
  );
  return rows.map((r) => ({
    kind: PortfolioRecordKind.CADRE_RECORD,
    termKey: `${r.year}${r.semester}`,
    title: `${r.unit} ${r.position}`,
    fields: [
      { label: '單位名稱', value: r.unit },
      { label: '擔任職務', value: r.position },
      { label: '幹部等級', value: String(r.level) },
      { label: '開始日期', value: rocDay(r.starts_on) },
      { label: '結束日期', value: rocDay(r.ends_on) },
    ],
    files: [],
    origin: null,
  }));
}

/** The student's current receipt rows of every term (a resubmission's receipts replace the earlier ones). */
async function receipts(ctx: AppContext, studentId: string): Promise<PortfolioRecord[]> {
  const current = await ctx.em.execute<{ id: string; year: number; semester: number }[]>(
    `with cur as (
       select distinct on (s.term_id, ri.kind, s.grade12_round) ri.school_id, ri.id, s.term_id
       from receipt_import ri
       join submission s on s.school_id = ri.school_id and s.id = ri.submission_id
       order by s.term_id, ri.kind, s.grade12_round, ri.created_at desc, ri.id desc
     )
     select r.id, y.year, t.semester
     from receipt_row r
     join cur on cur.school_id = r.school_id and cur.id = r.receipt_import_id
     join term t on t.school_id = cur.school_id and t.id = cur.term_id
     join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
     where r.student_id = ?
     order by y.year, t.semester, r.kind, r.row_number nulls last, r.id`,
    [studentId],
  );
  if (current.length === 0) return [];
  const rows = await ctx.em.find(ReceiptRow, { id: { $in: current.map((row) => row.id) } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return Promise.all(
    current.map(async ({ id, year, semester }) => {
      const row = byId.get(id)!;
      const [fields, review, dispute] = await Promise.all([
        fieldsOfRow(ctx, row),
        ctx.loaders.reviewByReceiptRow.load(row.id),
        ctx.loaders.disputeByReceiptRow.load(row.id),
      ]);
      const kindLabel = RECEIPT_KINDS[row.kind].label;
      const statusLabel = RECEIPT_STATUS_LABELS[row.status];
      const answer = dispute ? '已提出疑義' : review?.decision === ReviewDecision.CORRECT ? '已確認無誤' : '尚未確認';
      return {
        kind: PortfolioRecordKind.RECEIPT,
        termKey: `${year}${semester}`,
        title: `${kindLabel}：${statusLabel}`,
        fields: [
          { label: '收訖種類', value: kindLabel },
          { label: '收訖狀態', value: statusLabel },
          ...(row.reason ? [{ label: '退件原因', value: row.reason }] : []),
          ...fields,
          { label: '確認', value: answer },
          ...(dispute
            ? [
                { label: '疑義', value: dispute.reason },
                { label: '疑義處理', value: DISPUTE_STATUS_LABELS[dispute.status] },
                ...(dispute.answer ? [{ label: '學校回覆', value: dispute.answer }] : []),
              ]
            : []),
        ],
        files: [],
        origin: null,
      } satisfies PortfolioRecord;
    }),
  );
}

/** Records that came to this school by earlier exchanges: they travel on, with the school they first came from. */
async function earlierExchanges(ctx: AppContext, studentId: string): Promise<PortfolioRecord[]> {
  const rows = await ctx.em.execute<
    {
      id: string;
      kind: PortfolioRecordKind;
      term_key: string;
      title: string;
      data: RecordField[];
      origin_school_code: string;
      origin_school_name: string;
    }[]
  >(
    `select r.id, r.kind, r.term_key, r.title, r.data,
            coalesce(r.origin_school_code, x.origin_school_code) as origin_school_code,
            coalesce(r.origin_school_name, x.origin_school_name) as origin_school_name
     from exchanged_record r
     join portfolio_exchange x on x.school_id = r.school_id and x.id = r.exchange_id
     where r.student_id = ?
     order by x.imported_at, x.id, r.ordering`,
    [studentId],
  );
  const files = await exchangedFilesOf(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map((r) => ({
    kind: r.kind,
    termKey: r.term_key,
    title: r.title,
    fields: r.data,
    files: files.get(r.id) ?? [],
    origin: { schoolCode: r.origin_school_code, schoolName: r.origin_school_name },
  }));
}

/** The files of exchanged records, by record id, in their order. */
export async function exchangedFilesOf(
  ctx: AppContext,
  recordIds: readonly string[],
): Promise<Map<string, (PortfolioFile & { id: string })[]>> {
  const byRecord = new Map<string, (PortfolioFile & { id: string })[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await ctx.em.execute<
    { id: string; record_id: string; name: string; content_type: string; size: string; sha256: string }[]
  >(
    `select id, record_id, name, content_type, size, sha256 from exchanged_file
     where record_id = any(?::uuid[]) order by record_id, ordering`,
    [`{${recordIds.join(',')}}`],
  );
  for (const row of rows) {
    const list = byRecord.get(row.record_id) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      contentType: row.content_type,
      size: Number(row.size),
      sha256: row.sha256,
    });
    byRecord.set(row.record_id, list);
  }
  return byRecord;
}
