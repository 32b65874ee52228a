import { normalizeNationalId } from '../../common/national-id.js';
import { StudentStatus, STUDENT_STATUS_LABELS } from '../people/people.enums.js';
import { validateStudentFields } from '../people/student.service.js';
import {
  cellAt,
  type ColumnSpec,
  mapColumns,
  parseDate,
  readInteger,
  readText,
  rowProblem,
  type RowProblem,
} from './columns.js';
import type { TabularFile } from '../../common/tabular-file.js';

export type StudentColumn =
  'studentNumber' | 'nationalId' | 'name' | 'birthDate' | 'gender' | 'className' | 'seatNumber' | 'cohort' | 'status';

/** The student roster (學生名冊) as schools export it from their 校務行政系統. */
export const STUDENT_COLUMNS: readonly ColumnSpec<StudentColumn>[] = [
  { key: 'studentNumber', header: '學號', required: true, example: '1150001' },
  {
    key: 'nationalId',
    header: '身分證號',
    aliases: ['身分證字號', '身分證統一編號', '統一證號'],
    required: true,
    example: 'A123456789',
  },
  { key: 'name', header: '姓名', aliases: ['學生姓名'], required: true, example: '王小明' },
  { key: 'birthDate', header: '出生日期', aliases: ['生日'], required: true, example: '99/03/05' },
  { key: 'gender', header: '性別', required: true, example: '男' },
  { key: 'className', header: '班級', aliases: ['班級名稱'], required: true, example: '101' },
  { key: 'seatNumber', header: '座號', required: false, example: '1' },
  { key: 'cohort', header: '入學年度', aliases: ['入學學年度'], required: true, example: '115' },
  { key: 'status', header: '學籍狀態', aliases: ['在學狀態'], required: false, example: '在學' },
];

export type Gender = 'M' | 'F';

export interface StudentRosterRow {
  rowNumber: number;
  studentNumber: string;
  nationalId: string;
  name: string;
  birthDate: string;
  gender: Gender;
  className: string;
  seatNumber: number | null;
  cohort: number;
  status: StudentStatus;
}

const GENDERS: Record<string, Gender> = { 男: 'M', 女: 'F', M: 'M', F: 'F', '1': 'M', '2': 'F' };
const STATUSES = new Map<string, StudentStatus>(
  Object.entries(STUDENT_STATUS_LABELS).map(([status, label]) => [label, status as StudentStatus]),
);

const header = (key: StudentColumn): string => STUDENT_COLUMNS.find((column) => column.key === key)!.header;

/** Maps a validation field of the student form back to the roster column a person sees. */
const FIELD_COLUMNS: Record<string, StudentColumn> = {
  studentNumber: 'studentNumber',
  nationalId: 'nationalId',
  name: 'name',
  birthDate: 'birthDate',
  cohort: 'cohort',
  seatNumber: 'seatNumber',
};

/**
 * Turns the rows of a roster file into students, with every problem of every row, in Chinese, by row number. The
 * same rules as the student form apply; a 學號 or national ID that appears twice in the file is named on both rows.
 */
export function parseStudentRoster(
  file: TabularFile,
  today: Date,
): { rows: StudentRosterRow[]; problems: RowProblem[] } {
  const { index, problems } = mapColumns(file.headers, STUDENT_COLUMNS);
  if (problems.length > 0) return { rows: [], problems };
  const rows: StudentRosterRow[] = [];
  const firstSeen = { studentNumber: new Map<string, number>(), nationalId: new Map<string, number>() };

  for (const row of file.rows) {
    const rowProblems: RowProblem[] = [];
    const text = (key: StudentColumn, required: boolean): string | null => {
      const result = readText(cellAt(row, index, key), row.rowNumber, header(key), required);
      if (!result.ok) rowProblems.push(result.problem);
      return result.ok ? result.value : null;
    };
    const studentNumber = text('studentNumber', true);
    const nationalId = text('nationalId', true);
    const name = text('name', true);
    const genderText = text('gender', true);
    const className = text('className', true);
    const statusText = text('status', false);

    const birthCell = cellAt(row, index, 'birthDate');
    const birthDate = birthCell.kind === 'empty' ? null : parseDate(birthCell);
    if (birthCell.kind === 'empty') rowProblems.push(rowProblem(row.rowNumber, '出生日期', 'REQUIRED', '必填。'));
    else if (!birthDate) {
      rowProblems.push(
        rowProblem(
          row.rowNumber,
          '出生日期',
          'INVALID_DATE',
          `「${birthCell.text}」不是日期，請寫成 99/03/05 或 2010-03-05。`,
        ),
      );
    }
    const cohortCell = cellAt(row, index, 'cohort');
    const cohort = readInteger(cohortCell);
    if (cohort === null)
      rowProblems.push(rowProblem(row.rowNumber, '入學年度', 'INVALID_NUMBER', '請填民國學年度，例如 115。'));
    const seatCell = cellAt(row, index, 'seatNumber');
    const seatNumber = seatCell.kind === 'empty' ? null : readInteger(seatCell);
    if (seatCell.kind !== 'empty' && seatNumber === null) {
      rowProblems.push(rowProblem(row.rowNumber, '座號', 'INVALID_NUMBER', '請填數字。'));
    }
    const gender = genderText ? GENDERS[genderText.toUpperCase()] : undefined;
    if (genderText && !gender)
      rowProblems.push(rowProblem(row.rowNumber, '性別', 'INVALID_GENDER', '請填「男」或「女」。'));
    const status = statusText ? STATUSES.get(statusText) : StudentStatus.ENROLLED;
    if (!status)
      rowProblems.push(rowProblem(row.rowNumber, '學籍狀態', 'INVALID_STATUS', '請填在學、休學、轉出或畢業。'));

    // The form's own rules, reported against the roster's column names.
    const fieldErrors = validateStudentFields(
      {
        ...(studentNumber !== null && { studentNumber }),
        ...(nationalId !== null && { nationalId }),
        ...(name !== null && { name }),
        ...(birthDate !== null && { birthDate }),
        ...(cohort !== null && { cohort }),
        ...(seatNumber !== null && { seatNumber }),
      },
      today,
    );
    for (const error of fieldErrors) {
      const column = FIELD_COLUMNS[error.field.at(-1) ?? ''];
      rowProblems.push(rowProblem(row.rowNumber, column ? header(column) : null, error.code, error.message));
    }

    for (const [key, value] of [
      ['studentNumber', studentNumber],
      ['nationalId', nationalId === null ? null : normalizeNationalId(nationalId)],
    ] as const) {
      if (value === null) continue;
      const first = firstSeen[key].get(value);
      if (first === undefined) firstSeen[key].set(value, row.rowNumber);
      else rowProblems.push(rowProblem(row.rowNumber, header(key), 'DUPLICATE_IN_FILE', `與第 ${first} 列重複。`));
    }

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      rowNumber: row.rowNumber,
      studentNumber: studentNumber!,
      nationalId: normalizeNationalId(nationalId!),
      name: name!,
      birthDate: birthDate!,
      gender: gender!,
      className: className!,
      seatNumber,
      cohort: cohort!,
      status: status!,
    });
  }
  return { rows, problems };
}
