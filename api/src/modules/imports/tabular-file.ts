import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One cell as the file holds it: what kind of value it was, and its text. */
export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'formula' | 'other';

export interface Cell {
  kind: CellKind;
  text: string;
  /** Set for date cells (XLSX): the calendar date as written in the sheet. */
  date?: string;
}

export interface TabularRow {
  /** The row number a person sees in Excel or a text editor (the header is row 1). */
  rowNumber: number;
  cells: Cell[];
}

export interface TabularFile {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'utf-16' | 'big5' | 'xlsx';
  headers: string[];
  rows: TabularRow[];
}

export type FileProblemCode =
  | 'EMPTY_FILE'
  | 'OLD_EXCEL_FORMAT'
  | 'BAD_ENCODING'
  | 'MALFORMED_CSV'
  | 'MALFORMED_XLSX'
  | 'NO_HEADER'
  | 'TOO_MANY_ROWS';

/** A problem with the file as a whole: nothing in it can be imported until it is fixed. */
export class FileProblem extends Error {
  constructor(
    readonly code: FileProblemCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /** Data rows accepted in one file; more is refused with a message to split the file. */
  maxRows: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const EMPTY: Cell = { kind: 'empty', text: '' };

function tooMany(count: number, max: number): FileProblem {
  return new FileProblem(
    'TOO_MANY_ROWS',
    `檔案有 ${count.toLocaleString('en-US')} 列資料，超過單次匯入上限 ${max.toLocaleString('en-US')} 列，請分成幾個檔案匯入。`,
  );
}

/** Control characters other than tab and line ends: binary data read as text. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) return true;
  }
  return false;
}

/**
 * Decodes CSV bytes the way Excel in Taiwan writes them: UTF-8 with or without BOM, UTF-16 ("Unicode 文字"), or
 * Big5/CP950. Bytes that are neither valid UTF-8 nor valid Big5 are refused rather than guessed at.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TabularFile['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(bytes, 'cp950');
    if (text.includes('\uFFFD') || hasControlCharacters(text)) {
      throw new FileProblem(
        'BAD_ENCODING',
        '無法辨識檔案的文字編碼：請在 Excel 以「CSV UTF-8（逗號分隔）」或 .xlsx 另存後再上傳。',
      );
    }
    return { text, encoding: 'big5' };
  }
}

function csvCells(record: string[]): Cell[] {
  return record.map((value) => {
    const text = value.trim();
    return text === '' ? EMPTY : { kind: 'text', text };
  });
}

function readCsv(bytes: Buffer, options: ReadOptions): TabularFile {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new FileProblem(
      'MALFORMED_CSV',
      `CSV 格式有誤${line ? `（約在第 ${line} 行）` : ''}：常見原因是引號沒有成對。請用 Excel 開啟確認後另存。`,
    );
  }
  const [header, ...data] = records;
  if (!header || header.every((h) => h.trim() === '')) throw new FileProblem('NO_HEADER', '檔案第一列必須是欄位名稱。');
  if (data.length > options.maxRows) throw tooMany(data.length, options.maxRows);
  const rows = data
    .map((record, index) => ({ rowNumber: index + 2, cells: csvCells(record) }))
    .filter((row) => row.cells.some((cell) => cell.kind !== 'empty'));
  return { format: 'csv', encoding, headers: header.map((h) => h.trim()), rows };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel stores dates as UTC midnight of the calendar day written in the cell. */
function calendarDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value.trim() };
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'other', text: String(value) };
  if (value instanceof Date) return { kind: 'date', text: calendarDate(value), date: calendarDate(value) };
  if (typeof value === 'object' && 'formula' in value) return { kind: 'formula', text: String(value.result ?? '') };
  if (typeof value === 'object' && 'sharedFormula' in value)
    return { kind: 'formula', text: String(value.result ?? '') };
  if (typeof value === 'object' && 'richText' in value) {
    const text = value.richText
      .map((part) => part.text)
      .join('')
      .trim();
    return text === '' ? EMPTY : { kind: 'text', text };
  }
  if (typeof value === 'object' && 'text' in value) return { kind: 'text', text: String(value.text).trim() };
  return { kind: 'other', text: String(value) };
}

async function readXlsx(bytes: Buffer, options: ReadOptions): Promise<TabularFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileProblem('MALFORMED_XLSX', '無法讀取這個 Excel 檔，檔案可能不完整或已損毀，請重新存檔後再上傳。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new FileProblem('EMPTY_FILE', '檔案裡沒有資料。');
  if (sheet.actualRowCount - 1 > options.maxRows) throw tooMany(sheet.actualRowCount - 1, options.maxRows);
  const width = sheet.columnCount;
  const read = (row: ExcelJS.Row): Cell[] =>
    Array.from({ length: width }, (_, index) => xlsxCell(row.getCell(index + 1).value));
  const headerCells = read(sheet.getRow(1));
  if (headerCells.every((cell) => cell.kind === 'empty'))
    throw new FileProblem('NO_HEADER', '檔案第一列必須是欄位名稱。');
  const rows: TabularRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = read(row);
    if (cells.some((cell) => cell.kind !== 'empty')) rows.push({ rowNumber, cells });
  });
  return { format: 'xlsx', encoding: 'xlsx', headers: headerCells.map((cell) => cell.text), rows };
}

/** Reads the first sheet of an XLSX file, or a CSV file, into rows of typed cells with their row numbers. */
export async function readTabularFile(bytes: Buffer, options: ReadOptions): Promise<TabularFile> {
  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d)) {
    throw new FileProblem('EMPTY_FILE', '檔案是空的。');
  }
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new FileProblem('OLD_EXCEL_FORMAT', '這是舊版 Excel（.xls）檔，請在 Excel 另存為 .xlsx 或 CSV 後再上傳。');
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(bytes, options);
  return readCsv(bytes, options);
}
