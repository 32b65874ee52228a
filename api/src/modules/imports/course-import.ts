import { ref } from '@mikro-orm/core';
import { COURSE_CODE_MESSAGES, courseCodeProblem } from '../../common/course-code.js';
import { hasSection } from '../../common/viewer.js';
import { Course, CourseSection } from '../course/course.entity.js';
import { AdminSection, Role } from '../../common/roles.js';
import { UserAccount } from '../people/user-account.entity.js';
import { School } from '../school/school.entity.js';
import { cellAt, type ColumnSpec, mapColumns, readInteger, readText, rowProblem, type RowProblem } from './columns.js';
import { type ImportKindHandler, Tally, unappliable } from './import-kind.js';
import { ImportKind } from './import-run.entity.js';

type CourseColumn = 'code' | 'subjectName' | 'gradeYear' | 'credits' | 'section' | 'teacher';

export const COURSE_COLUMNS: readonly ColumnSpec<CourseColumn>[] = [
  { key: 'code', header: '課程代碼', required: true, example: '115383301H12101M01S1001' },
  { key: 'subjectName', header: '科目名稱', aliases: ['課程名稱'], required: true, example: '國語文' },
  { key: 'gradeYear', header: '開課年級', aliases: ['年級'], required: true, example: '10' },
  { key: 'credits', header: '學分', aliases: ['學分數'], required: true, example: '4' },
  { key: 'section', header: '班別', aliases: ['開課班級', '開課班別'], required: true, example: '101' },
  { key: 'teacher', header: '任課教師', aliases: ['任課教師帳號', '教師帳號'], required: false, example: 't0123' },
];

export const MAX_CREDITS = 20;

interface CourseRow {
  rowNumber: number;
  code: string;
  subjectName: string;
  gradeYear: number;
  credits: number;
  section: string;
  teacher: UserAccount | null;
}

export const IMPORT_STAFF_SECTIONS = [AdminSection.TEACHING, AdminSection.REGISTRATION];

/**
 * 課程與開課班別 of one term: a course by its 23-character code, a section by the code and 班別, with its subject
 * teacher by login name. A course spread over several rows must say the same name, grade year and credits on each.
 */
export const courseImport: ImportKindHandler = {
  kind: ImportKind.COURSES,
  columns: COURSE_COLUMNS,
  permission: '匯入課程（限教學組或註冊組）',
  mayImport: (viewer) => IMPORT_STAFF_SECTIONS.some((section) => hasSection(viewer, section)),

  async plan({ em, schoolId, term }, file) {
    const { index, problems } = mapColumns(file.headers, COURSE_COLUMNS);
    if (problems.length > 0) return { rowCount: file.rows.length, problems, counts: new Tally(), apply: unappliable };
    const header = (key: CourseColumn) => COURSE_COLUMNS.find((column) => column.key === key)!.header;
    const teachers = new Map(
      (await em.find(UserAccount, { active: true })).map((account) => [account.username.toLowerCase(), account]),
    );
    const courses = new Map((await em.find(Course, { term })).map((course) => [course.code, course]));
    const sections = new Map(
      (await em.find(CourseSection, { course: { term } })).map((section) => [
        `${section.course.id}\u0000${section.name}`,
        section,
      ]),
    );

    const rows: CourseRow[] = [];
    const courseSeen = new Map<string, CourseRow>();
    const sectionSeen = new Map<string, number>();
    for (const row of file.rows) {
      const rowProblems: RowProblem[] = [];
      const text = (key: CourseColumn, required: boolean): string | null => {
        const result = readText(cellAt(row, index, key), row.rowNumber, header(key), required);
        if (!result.ok) rowProblems.push(result.problem);
        return result.ok ? result.value : null;
      };
      const rawCode = text('code', true);
      const subjectName = text('subjectName', true);
      const sectionName = text('section', true);
      const teacherName = text('teacher', false);
      const gradeCell = cellAt(row, index, 'gradeYear');
      const creditsCell = cellAt(row, index, 'credits');
      let gradeYear = readInteger(gradeCell);
      if (gradeYear !== null && gradeYear >= 1 && gradeYear <= 3) gradeYear += 9;
      if (gradeYear === null || gradeYear < 10 || gradeYear > 12) {
        gradeYear = null;
        rowProblems.push(
          rowProblem(row.rowNumber, '開課年級', 'INVALID_GRADE_YEAR', '請填 10、11 或 12（高一至高三）。'),
        );
      }
      const credits = readInteger(creditsCell);
      if (credits === null || credits < 0 || credits > MAX_CREDITS) {
        rowProblems.push(
          rowProblem(row.rowNumber, '學分', 'INVALID_CREDITS', `學分必須是 0 到 ${MAX_CREDITS} 的整數。`),
        );
      }
      const code = rawCode?.toUpperCase() ?? null;
      if (code !== null) {
        const problem = courseCodeProblem(code);
        if (problem)
          rowProblems.push(rowProblem(row.rowNumber, '課程代碼', 'INVALID_COURSE_CODE', COURSE_CODE_MESSAGES[problem]));
      }
      if (subjectName !== null && subjectName.length > 50) {
        rowProblems.push(rowProblem(row.rowNumber, '科目名稱', 'INVALID_SUBJECT_NAME', '科目名稱最多 50 個字。'));
      }
      if (sectionName !== null && sectionName.length > 20) {
        rowProblems.push(rowProblem(row.rowNumber, '班別', 'INVALID_SECTION_NAME', '班別最多 20 個字。'));
      }
      let teacher: UserAccount | null = null;
      if (teacherName !== null) {
        teacher = teachers.get(teacherName.toLowerCase()) ?? null;
        if (!teacher || !teacher.roles.includes(Role.TEACHER)) {
          rowProblems.push(
            rowProblem(
              row.rowNumber,
              '任課教師',
              'UNKNOWN_TEACHER',
              `本校沒有帳號為「${teacherName}」的任課教師，請先匯入教師帳號。`,
            ),
          );
        }
      }
      if (rowProblems.length === 0) {
        const parsed: CourseRow = {
          rowNumber: row.rowNumber,
          code: code!,
          subjectName: subjectName!,
          gradeYear: gradeYear!,
          credits: credits!,
          section: sectionName!,
          teacher,
        };
        const earlier = courseSeen.get(parsed.code);
        if (
          earlier &&
          (earlier.subjectName !== parsed.subjectName ||
            earlier.gradeYear !== parsed.gradeYear ||
            earlier.credits !== parsed.credits)
        ) {
          rowProblems.push(
            rowProblem(
              row.rowNumber,
              '課程代碼',
              'CONFLICTING_COURSE',
              `同一課程代碼在第 ${earlier.rowNumber} 列的科目名稱、年級或學分不同。`,
            ),
          );
        } else courseSeen.set(parsed.code, earlier ?? parsed);
        const sectionKey = `${parsed.code}\u0000${parsed.section}`;
        const first = sectionSeen.get(sectionKey);
        if (first !== undefined) {
          rowProblems.push(
            rowProblem(row.rowNumber, '班別', 'DUPLICATE_IN_FILE', `與第 ${first} 列的課程與班別重複。`),
          );
        } else sectionSeen.set(sectionKey, row.rowNumber);
        if (rowProblems.length === 0) rows.push(parsed);
      }
      problems.push(...rowProblems);
    }

    const tally = new Tally();
    const courseState = (row: CourseRow): 'create' | 'update' | 'same' => {
      const course = courses.get(row.code);
      if (!course) return 'create';
      return course.subjectName === row.subjectName &&
        course.gradeYear === row.gradeYear &&
        course.credits === row.credits
        ? 'same'
        : 'update';
    };
    for (const row of rows) {
      const course = courses.get(row.code);
      const section = course ? sections.get(`${course.id}\u0000${row.section}`) : undefined;
      const sectionSame = section !== undefined && (section.teacher?.id ?? null) === (row.teacher?.id ?? null);
      const state = courseState(row);
      tally.count(!section ? 'create' : state === 'same' && sectionSame ? 'same' : 'update');
    }

    return {
      rowCount: file.rows.length,
      problems,
      counts: { ...tally },
      async apply() {
        const changedIds: string[] = [];
        const school = em.getReference(School, schoolId);
        for (const row of rows) {
          let course = courses.get(row.code);
          if (!course) {
            course = em.create(Course, {
              school,
              term,
              code: row.code,
              subjectName: row.subjectName,
              gradeYear: row.gradeYear,
              credits: row.credits,
            });
            courses.set(row.code, course);
            changedIds.push(course.id);
          } else if (courseState(row) === 'update') {
            Object.assign(course, { subjectName: row.subjectName, gradeYear: row.gradeYear, credits: row.credits });
            changedIds.push(course.id);
          }
          const key = `${course.id}\u0000${row.section}`;
          const section = sections.get(key);
          if (!section) {
            const created = em.create(CourseSection, {
              school,
              course,
              name: row.section,
              teacher: row.teacher ? ref(row.teacher) : null,
            });
            sections.set(key, created);
            changedIds.push(created.id);
          } else if ((section.teacher?.id ?? null) !== (row.teacher?.id ?? null)) {
            section.teacher = row.teacher ? ref(row.teacher) : null;
            changedIds.push(section.id);
          }
        }
        await em.flush();
        return { initialPasswords: [], changedIds };
      },
    };
  },
};
