import { newId } from '../../common/ids.js';
import { hasSection } from '../../common/viewer.js';
import { Enrolment, EnrolmentKind } from '../course/course.entity.js';
import { cellAt, type ColumnSpec, mapColumns, readText, rowProblem, type RowProblem } from './columns.js';
import { IMPORT_STAFF_SECTIONS } from './course-import.js';
import { type ImportKindHandler, Tally, unappliable } from './import-kind.js';
import { ImportKind } from './import-run.entity.js';

type EnrolmentColumn = 'studentNumber' | 'code' | 'section' | 'kind';

export const ENROLMENT_COLUMNS: readonly ColumnSpec<EnrolmentColumn>[] = [
  { key: 'studentNumber', header: '學號', required: true, example: '1150001' },
  { key: 'code', header: '課程代碼', required: true, example: '115383301H12101M01S1001' },
  { key: 'section', header: '班別', aliases: ['開課班級', '開課班別'], required: true, example: '101' },
  { key: 'kind', header: '修課類別', aliases: ['修課別'], required: false, example: '一般' },
];

const KIND_NAMES: Record<string, EnrolmentKind> = {
  一般: EnrolmentKind.REGULAR,
  重修: EnrolmentKind.RETAKE,
  重讀: EnrolmentKind.REPEAT,
  補修: EnrolmentKind.MAKEUP,
  借讀: EnrolmentKind.BORROWED,
  轉學轉科: EnrolmentKind.TRANSFER,
};

/** PostgreSQL takes at most 65,535 parameters in one statement: 5,000 rows of five to insert, 5,000 ids to update. */
const CHUNK = 5_000;

interface EnrolmentRow {
  sectionId: string;
  studentId: string;
  kind: EnrolmentKind;
  existing: { id: string; kind: EnrolmentKind } | undefined;
}

/**
 * 修課紀錄 of one term: which student sits in which section (by 學號, 課程代碼 and 班別). Students, courses and
 * sections must exist already; grades are entered by the subject teachers, not imported.
 */
export const enrolmentImport: ImportKindHandler = {
  kind: ImportKind.ENROLMENTS,
  columns: ENROLMENT_COLUMNS,
  permission: '匯入修課紀錄（限教學組或註冊組）',
  mayImport: (viewer) => IMPORT_STAFF_SECTIONS.some((section) => hasSection(viewer, section)),

  async plan({ em, schoolId, term, termLabel }, file) {
    const { index, problems } = mapColumns(file.headers, ENROLMENT_COLUMNS);
    if (problems.length > 0) return { rowCount: file.rows.length, problems, counts: new Tally(), apply: unappliable };
    const header = (key: EnrolmentColumn) => ENROLMENT_COLUMNS.find((column) => column.key === key)!.header;
    // Plain rows rather than entities: a term has tens of thousands of enrolments.
    const students = new Map(
      (await em.execute<{ id: string; student_number: string }[]>('select id, student_number from student')).map(
        (row) => [row.student_number, row.id],
      ),
    );
    const sectionRows = await em.execute<{ id: string; code: string; name: string }[]>(
      `select s.id, c.code, s.name from course_section s
       join course c on c.school_id = s.school_id and c.id = s.course_id
       where c.term_id = ?`,
      [term.id],
    );
    const courseCodes = new Set(sectionRows.map((row) => row.code));
    const sections = new Map(sectionRows.map((row) => [`${row.code}\u0000${row.name}`, row.id]));
    const existing = new Map(
      (
        await em.execute<{ id: string; section_id: string; student_id: string; kind: EnrolmentKind }[]>(
          `select e.id, e.section_id, e.student_id, e.kind from enrolment e
           join course_section s on s.school_id = e.school_id and s.id = e.section_id
           join course c on c.school_id = s.school_id and c.id = s.course_id
           where c.term_id = ?`,
          [term.id],
        )
      ).map((row) => [`${row.section_id}\u0000${row.student_id}`, { id: row.id, kind: row.kind }]),
    );

    const rows: EnrolmentRow[] = [];
    const seen = new Map<string, number>();
    const tally = new Tally();
    for (const row of file.rows) {
      const rowProblems: RowProblem[] = [];
      const text = (key: EnrolmentColumn, required: boolean): string | null => {
        const result = readText(cellAt(row, index, key), row.rowNumber, header(key), required);
        if (!result.ok) rowProblems.push(result.problem);
        return result.ok ? result.value : null;
      };
      const studentNumber = text('studentNumber', true);
      const code = text('code', true)?.toUpperCase() ?? null;
      const sectionName = text('section', true);
      const kindText = text('kind', false);
      const studentId = studentNumber === null ? undefined : students.get(studentNumber);
      if (studentNumber !== null && !studentId) {
        rowProblems.push(
          rowProblem(row.rowNumber, '學號', 'UNKNOWN_STUDENT', `本校沒有學號 ${studentNumber} 的學生。`),
        );
      }
      let sectionId: string | undefined;
      if (code !== null && !courseCodes.has(code)) {
        rowProblems.push(
          rowProblem(
            row.rowNumber,
            '課程代碼',
            'UNKNOWN_COURSE',
            `${termLabel}沒有課程代碼 ${code} 的課程，請先匯入課程。`,
          ),
        );
      } else if (code !== null && sectionName !== null) {
        sectionId = sections.get(`${code}\u0000${sectionName}`);
        if (!sectionId) {
          rowProblems.push(rowProblem(row.rowNumber, '班別', 'UNKNOWN_SECTION', `這門課沒有「${sectionName}」班別。`));
        }
      }
      const kind = kindText === null ? EnrolmentKind.REGULAR : KIND_NAMES[kindText];
      if (!kind) {
        rowProblems.push(
          rowProblem(row.rowNumber, '修課類別', 'INVALID_KIND', '請填一般、重修、重讀、補修、借讀或轉學轉科。'),
        );
      }
      if (studentId && sectionId) {
        const key = `${sectionId}\u0000${studentId}`;
        const first = seen.get(key);
        if (first !== undefined) {
          rowProblems.push(
            rowProblem(row.rowNumber, '學號', 'DUPLICATE_IN_FILE', `與第 ${first} 列是同一位學生的同一班別。`),
          );
        } else seen.set(key, row.rowNumber);
        if (rowProblems.length === 0) {
          const current = existing.get(key);
          rows.push({ sectionId, studentId, kind: kind!, existing: current });
          tally.count(!current ? 'create' : current.kind === kind ? 'same' : 'update');
        }
      }
      problems.push(...rowProblems);
    }

    return {
      rowCount: file.rows.length,
      problems,
      counts: { ...tally },
      async apply() {
        const created = rows
          .filter((row) => !row.existing)
          .map((row) => ({
            id: newId(),
            school: schoolId,
            section: row.sectionId,
            student: row.studentId,
            kind: row.kind,
          }));
        for (let start = 0; start < created.length; start += CHUNK) {
          await em.insertMany(Enrolment, created.slice(start, start + CHUNK));
        }
        const changedKinds = rows.filter((row) => row.existing && row.existing.kind !== row.kind);
        // One update per kind and chunk, not one per row: 10,000 changed rows took 9 s one at a time.
        for (const kind of new Set(changedKinds.map((row) => row.kind))) {
          const ids = changedKinds.filter((row) => row.kind === kind).map((row) => row.existing!.id);
          for (let start = 0; start < ids.length; start += CHUNK) {
            await em.nativeUpdate(Enrolment, { id: { $in: ids.slice(start, start + CHUNK) } }, { kind });
          }
        }
        return {
          initialPasswords: [],
          changedIds: [...created.map((row) => row.id), ...changedKinds.map((row) => row.existing!.id)],
        };
      },
    };
  },
};
