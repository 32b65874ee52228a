import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { readableSize } from './bytes.js';
import { textProblem } from './input-text.js';
import {
  type CellKind,
  columnLetters,
  MAX_VALUE_COLUMNS,
  readFirstSheet,
  type SheetValue,
  XlsxProblem,
} from './xlsx-stream.js';

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
  | 'TOO_MANY_ROWS'
  | 'TOO_LARGE_UNCOMPRESSED'
  | 'CONTROL_CHARACTERS';

/** A problem with the file as a whole: nothing in it can be imported until it is fixed. */
export class FileProblem extends Error {
  constructor(
    readonly code: FileProblemCode,
    message: string,
  ) {
    super(message);
  }
}

/** The default cap on what an XLSX file may unpack to, the same as IMPORT_MAX_UNCOMPRESSED_BYTES' default. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

/** For files the platform wrote itself (its packages and rosters): read whole, whatever their size. */
export const OWN_FILE: ReadOptions = {
  maxRows: Number.MAX_SAFE_INTEGER,
  maxUncompressedBytes: Number.MAX_SAFE_INTEGER,
};

export interface ReadOptions {
  /** Data rows accepted in one file; more is refused with a message to split the file. */
  maxRows: number;
  /** Bytes the parts of an XLSX file read may inflate to (a zip of a few MB can unpack to gigabytes). */
  maxUncompressedBytes?: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const EMPTY: Cell = { kind: 'empty', text: '' };

const count = (n: number): string => n.toLocaleString('en-US');

function tooMany(rows: number | null, max: number): FileProblem {
  return new FileProblem(
    'TOO_MANY_ROWS',
    rows === null
      ? `檔案超過單次匯入上限 ${count(max)} 列資料，請分成幾個檔案匯入。`
      : `檔案有 ${count(rows)} 列資料，超過單次匯入上限 ${count(max)} 列，請分成幾個檔案匯入。`,
  );
}

function xlsxProblem(problem: XlsxProblem, options: ReadOptions, maxUncompressedBytes: number): FileProblem {
  switch (problem.reason) {
    case 'TOO_MANY_ROWS':
      return tooMany(problem.declaredRows, options.maxRows);
    case 'TOO_LARGE':
      return new FileProblem(
        'TOO_LARGE_UNCOMPRESSED',
        `這個 Excel 檔解壓縮後超過 ${readableSize(maxUncompressedBytes)} 的上限，請刪除不需要的工作表、圖片或格式，或分成幾個檔案匯入。`,
      );
    case 'TOO_WIDE':
      if ((problem.width ?? 0) > MAX_VALUE_COLUMNS) {
        return new FileProblem(
          'TOO_LARGE_UNCOMPRESSED',
          `工作表第 ${columnLetters(problem.width!)} 欄有資料，超出匯入檔案可用的範圍（最多到 ${columnLetters(MAX_VALUE_COLUMNS)} 欄），請刪除右側多餘的欄後另存再上傳。`,
        );
      }
      return new FileProblem(
        'TOO_LARGE_UNCOMPRESSED',
        `工作表用到第 ${columnLetters(problem.width ?? 0)} 欄，展開後超過 ${readableSize(maxUncompressedBytes)} 的上限，請刪除右側多餘的欄後另存再上傳。`,
      );
    case 'MALFORMED':
      return new FileProblem('MALFORMED_XLSX', '無法讀取這個 Excel 檔，檔案可能不完整或已損毀，請重新存檔後再上傳。');
  }
}

/** The same characters no GraphQL input may hold (tab and line breaks are part of a cell's text). */
const hasUnusableCharacters = (text: string): boolean => textProblem(text, true) !== null;

/** A row as read, each cell's text as the file holds it (untrimmed); absent cells are empty. */
interface ReadRow {
  rowNumber: number;
  cells: (SheetValue | undefined)[];
}

/**
 * The one check of cell text for both readers, before anything is trimmed or kept: the first cell with an unusable
 * character refuses the whole file, naming where it is.
 */
function assertUsableText(header: ReadRow, data: ReadRow[], headers: string[]): void {
  for (const row of [header, ...data]) {
    const column = row.cells.findIndex((cell) => cell !== undefined && hasUnusableCharacters(cell.text));
    if (column < 0) continue;
    const name = headers[column];
    const where =
      row.rowNumber > 1 && name && !hasUnusableCharacters(name) ? `「${name}」欄` : ` ${columnLetters(column + 1)} 欄`;
    throw new FileProblem(
      'CONTROL_CHARACTERS',
      `第 ${row.rowNumber} 列${where}含有無法處理的控制字元，請刪除後另存再上傳。`,
    );
  }
}

function cellOf(value: SheetValue | undefined): Cell {
  if (!value) return EMPTY;
  if (value.kind !== 'text') return value;
  const text = value.text.trim();
  return text === '' ? EMPTY : { kind: 'text', text };
}

/** Headers from row 1, data rows with at least one non-empty cell, once every cell's text is known to be usable. */
function tableOf(
  format: TabularFile['format'],
  encoding: TabularFile['encoding'],
  header: ReadRow,
  data: ReadRow[],
): TabularFile {
  const headerCells = header.cells.map(cellOf);
  if (headerCells.every((cell) => cell.kind === 'empty'))
    throw new FileProblem('NO_HEADER', '檔案第一列必須是欄位名稱。');
  const headers = headerCells.map((cell) => cell.text);
  assertUsableText(header, data, headers);
  const rows: TabularRow[] = [];
  for (const row of data) {
    const cells = row.cells.map(cellOf);
    if (cells.some((cell) => cell.kind !== 'empty')) rows.push({ rowNumber: row.rowNumber, cells });
  }
  return { format, encoding, headers, rows };
}

/**
 * Decodes CSV bytes the way Excel in Taiwan writes them: UTF-8 with or without BOM, UTF-16 ("Unicode 文字"), or
 * Big5/CP950. Bytes that are neither valid UTF-8 nor valid Big5 are refused rather than guessed at. Control characters
 * are left to the check of each cell, which says where they are.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TabularFile['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  // Node's own UTF-16 decoding keeps a lone surrogate as it is (iconv-lite turns it into U+FFFD), so that the check
  // of each cell can say where it is.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.toString('utf16le', 2), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const evenLength = bytes.subarray(2, bytes.length - (bytes.length % 2));
    return { text: Buffer.from(evenLength).swap16().toString('utf16le'), encoding: 'utf-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(bytes, 'cp950');
    if (text.includes('\uFFFD')) {
      throw new FileProblem(
        'BAD_ENCODING',
        '無法辨識檔案的文字編碼：請在 Excel 以「CSV UTF-8（逗號分隔）」或 .xlsx 另存後再上傳。',
      );
    }
    return { text, encoding: 'big5' };
  }
}

const csvRow = (record: string[], rowNumber: number): ReadRow => ({
  rowNumber,
  cells: record.map((text) => ({ kind: 'text', text })),
});

function readCsv(bytes: Buffer, options: ReadOptions): TabularFile {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    // csv-parse reads bytes: handed a string, it encodes it as UTF-8, which turns a lone surrogate into U+FFFD before
    // the check of each cell could see it. Text with surrogates goes through as UTF-16, every code unit as it is.
    const input = /[\uD800-\uDFFF]/.test(text) ? Buffer.from(text, 'utf16le') : text;
    records = parseCsv(input, {
      encoding: typeof input === 'string' ? 'utf8' : 'utf16le',
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as string[][];
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
  return tableOf(
    'csv',
    encoding,
    csvRow(header, 1),
    data.map((record, index) => csvRow(record, index + 2)),
  );
}

async function readXlsx(bytes: Buffer, options: ReadOptions): Promise<TabularFile> {
  const maxUncompressedBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  let rows: ReadRow[];
  try {
    rows = await readFirstSheet(bytes, { maxDataRows: options.maxRows, maxUncompressedBytes });
  } catch (error) {
    if (error instanceof XlsxProblem) throw xlsxProblem(error, options, maxUncompressedBytes);
    throw error;
  }
  if (rows.length === 0) throw new FileProblem('EMPTY_FILE', '檔案裡沒有資料。');
  const header = rows[0]!.rowNumber === 1 ? rows[0]! : { rowNumber: 1, cells: [] };
  return tableOf(
    'xlsx',
    'xlsx',
    header,
    rows.filter((row) => row.rowNumber > 1),
  );
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
