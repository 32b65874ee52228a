import { textProblem } from '../../common/input-text.js';
import { ROC_YEAR_OFFSET } from '../../common/roc.js';
import type { Cell, TabularRow } from '../../common/tabular-file.js';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The Chinese column name in templates and messages. */
  header: string;
  /** Other names staff's own spreadsheets use for the same column. */
  aliases?: string[];
  required: boolean;
  /** A value for the template's example row. */
  example: string;
}

/** A problem of one row (or, with rowNumber 1, of the header), with the column it is in. */
export interface RowProblem {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
}

export const rowProblem = (rowNumber: number, column: string | null, code: string, detail: string): RowProblem => ({
  rowNumber,
  column,
  code,
  message: `第 ${rowNumber} 列${column ? `「${column}」` : ''}：${detail}`,
});

export type ColumnIndex<K extends string> = Record<K, number | null>;

const normalizeHeader = (header: string): string => header.replace(/\s+/g, '').replace(/[（(].*[）)]$/, '');

/** Finds each column by its name or an alias; a missing required column is a problem of the header row. */
export function mapColumns<K extends string>(
  headers: string[],
  specs: readonly ColumnSpec<K>[],
): { index: ColumnIndex<K>; problems: RowProblem[] } {
  const normalized = headers.map(normalizeHeader);
  const index = {} as ColumnIndex<K>;
  const problems: RowProblem[] = [];
  for (const spec of specs) {
    const names = [spec.header, ...(spec.aliases ?? [])].map(normalizeHeader);
    const position = normalized.findIndex((header) => names.includes(header));
    index[spec.key] = position >= 0 ? position : null;
    if (position < 0 && spec.required) {
      problems.push(rowProblem(1, spec.header, 'MISSING_COLUMN', `缺少這個欄位，請使用下載的範本。`));
    }
  }
  return { index, problems };
}

export function cellAt<K extends string>(row: TabularRow, index: ColumnIndex<K>, key: K): Cell {
  const position = index[key];
  return (position === null ? undefined : row.cells[position]) ?? { kind: 'empty', text: '' };
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: RowProblem };

/** A text column: a formula or a date in it is refused, since what Excel shows is not what it holds. */
export function readText(cell: Cell, rowNumber: number, header: string, required: boolean): CellResult<string | null> {
  if (cell.kind === 'formula') {
    return { ok: false, problem: rowProblem(rowNumber, header, 'FORMULA_CELL', '是公式，請複製後「貼上值」再匯入。') };
  }
  if (cell.kind === 'date') {
    return {
      ok: false,
      problem: rowProblem(
        rowNumber,
        header,
        'DATE_IN_TEXT_CELL',
        '被 Excel 當成日期了，請把儲存格格式設為「文字」後重新輸入。',
      ),
    };
  }
  if (cell.kind === 'empty') {
    return required
      ? { ok: false, problem: rowProblem(rowNumber, header, 'REQUIRED', '必填。') }
      : { ok: true, value: null };
  }
  // Every imported column is one line (a name, a code, a class), as the same field is in the forms.
  if (textProblem(cell.text, false) === 'LINE_BREAKS') {
    return {
      ok: false,
      problem: rowProblem(rowNumber, header, 'LINE_BREAK_IN_CELL', '只能有一行文字，請移除儲存格裡的換行或定位字元。'),
    };
  }
  return { ok: true, value: cell.text };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as school staff write it: an Excel date cell, 2010-03-05, 2010/3/5, or the ROC forms 99/03/05, 99.3.5 and
 * 0990305. Years below 1000 are ROC years.
 */
export function parseDate(cell: Cell): string | null {
  if (cell.kind === 'date' && cell.date) return cell.date;
  const text = cell.text.trim();
  const compact = /^(\d{2,3})(\d{2})(\d{2})$/.exec(text);
  if (compact) return isoDate(Number(compact[1]) + ROC_YEAR_OFFSET, Number(compact[2]), Number(compact[3]));
  const parts = /^(\d{2,4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!parts) return null;
  const year = Number(parts[1]);
  return isoDate(year < 1000 ? year + ROC_YEAR_OFFSET : year, Number(parts[2]), Number(parts[3]));
}

export function readInteger(cell: Cell): number | null {
  const text = cell.text.trim();
  return /^-?\d+(\.0+)?$/.test(text) ? Number.parseInt(text, 10) : null;
}
