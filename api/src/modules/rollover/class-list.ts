import {
  cellAt,
  type ColumnSpec,
  mapColumns,
  readInteger,
  readText,
  rowProblem,
  type RowProblem,
} from '../imports/columns.js';
import type { TabularFile } from '../../common/tabular-file.js';

/** One row of a new year's class list: where a student sits from the new year on. */
export interface ClassListRow {
  rowNumber: number;
  studentNumber: string;
  className: string;
  seatNumber: number | null;
}

type ClassListColumn = 'studentNumber' | 'className' | 'seatNumber';

export const CLASS_LIST_COLUMNS: readonly ColumnSpec<ClassListColumn>[] = [
  { key: 'studentNumber', header: '學號', required: true, example: '1120001' },
  { key: 'className', header: '新班級', aliases: ['班級'], required: true, example: '201' },
  { key: 'seatNumber', header: '座號', aliases: ['新座號'], required: false, example: '1' },
];

const CLASS_NAME = /^[\p{L}\p{N}]{1,20}$/u;

/** The new year's class list (學號, 新班級, 座號), every problem of it at once; a 學號 listed twice is a problem. */
export function parseClassList(file: TabularFile): { rows: ClassListRow[]; problems: RowProblem[] } {
  const { index, problems } = mapColumns(file.headers, CLASS_LIST_COLUMNS);
  if (problems.length > 0) return { rows: [], problems };
  const rows: ClassListRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of file.rows) {
    const number = readText(cellAt(row, index, 'studentNumber'), row.rowNumber, '學號', true);
    const className = readText(cellAt(row, index, 'className'), row.rowNumber, '新班級', true);
    const seatCell = cellAt(row, index, 'seatNumber');
    const rowProblems: RowProblem[] = [];
    if (!number.ok) rowProblems.push(number.problem);
    if (!className.ok) rowProblems.push(className.problem);
    else if (!CLASS_NAME.test(className.value!.trim())) {
      rowProblems.push(
        rowProblem(row.rowNumber, '新班級', 'INVALID_CLASS_NAME', '班級代號只能是文字與數字，最多 20 個字。'),
      );
    }
    let seatNumber: number | null = null;
    if (seatCell.kind !== 'empty') {
      seatNumber = readInteger(seatCell);
      if (seatNumber === null || seatNumber < 1 || seatNumber > 99) {
        rowProblems.push(rowProblem(row.rowNumber, '座號', 'INVALID_SEAT_NUMBER', '座號必須是 1 到 99 的整數。'));
      }
    }
    const studentNumber = number.ok ? number.value!.trim() : '';
    const first = firstRowOf.get(studentNumber);
    if (number.ok && first !== undefined) {
      rowProblems.push(rowProblem(row.rowNumber, '學號', 'DUPLICATE_ROW', `與第 ${first} 列重複。`));
    } else if (number.ok) firstRowOf.set(studentNumber, row.rowNumber);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      rowNumber: row.rowNumber,
      studentNumber,
      className: className.ok ? className.value!.trim() : '',
      seatNumber,
    });
  }
  return { rows, problems };
}
