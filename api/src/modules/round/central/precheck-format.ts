import type { TabularFile } from '../../../common/tabular-file.js';

import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../../common/enum-descriptions.js';
import { CENTRAL_CREATOR, oneSheetWorkbook } from './central-workbook.js';

export enum PrecheckMismatchKind {
  MISMATCH = 'MISMATCH',
  NOT_IN_CENTRAL = 'NOT_IN_CENTRAL',
  NOT_LISTED_BY_SCHOOL = 'NOT_LISTED_BY_SCHOOL',
}

export const MISMATCH_KIND_LABELS: Record<PrecheckMismatchKind, string> = {
  MISMATCH: '不符',
  NOT_IN_CENTRAL: '中央查無',
  NOT_LISTED_BY_SCHOOL: '學校未列',
};

registerEnumType(PrecheckMismatchKind, {
  name: 'PrecheckMismatchKind',
  description: '預檢比對結果中不相符的種類',
  valuesConfig: enumDescriptions({
    MISMATCH: '不符：名冊的資料與中央資料庫的不同',
    NOT_IN_CENTRAL: '中央查無：中央資料庫沒有這筆修課資料',
    NOT_LISTED_BY_SCHOOL: '學校未列：中央資料庫有、學校名冊沒有的修課資料',
  }),
});

/**
 * The comparison result file (預檢比對結果) the central database answers a pre-check roster with, as the reference
 * repository writes it and `importPrecheckResult` reads it: CSV or XLSX, first sheet, one header row with exactly
 * these columns (in any order), then one row per enrolment of the roster (相符, 不符 or 中央查無) and one per course
 * record the central database holds that the roster lacks (學校未列). 說明 says why a row is not 相符.
 */
export const PRECHECK_RESULT_COLUMNS = [
  '學校代碼',
  '學年度',
  '學期',
  '身分證號',
  '學號',
  '課程代碼',
  '比對結果',
  '說明',
];

export const MATCHED = '相符';

/** Verdicts other than 相符: the mismatches the school has to look at. */
export const VERDICT_KIND: Record<string, PrecheckMismatchKind> = {
  不符: PrecheckMismatchKind.MISMATCH,
  中央查無: PrecheckMismatchKind.NOT_IN_CENTRAL,
  學校未列: PrecheckMismatchKind.NOT_LISTED_BY_SCHOOL,
};

export interface PrecheckResultRow {
  rowNumber: number;
  schoolCode: string;
  year: string;
  semester: string;
  nationalId: string;
  studentNumber: string;
  courseCode: string;
  /** null for 相符. */
  kind: PrecheckMismatchKind | null;
  explanation: string;
}

export interface PrecheckFormatProblem {
  code: string;
  message: string;
}

/**
 * Reads the rows of a comparison result file already read as a table, or says what is wrong with it as a whole:
 * missing columns, no rows, a row without a national ID or course code, or a verdict outside the four (a file cut
 * off inside a row shows up here too).
 */
export function readPrecheckResult(table: TabularFile): { rows: PrecheckResultRow[] } | PrecheckFormatProblem {
  const at = (name: string) => table.headers.findIndex((header) => header.trim() === name);
  const missing = PRECHECK_RESULT_COLUMNS.filter((name) => at(name) < 0);
  if (missing.length > 0) {
    return {
      code: 'NOT_A_PRECHECK_RESULT',
      message: `這不是預檢比對結果檔：缺少欄位「${missing.join('、')}」。請上傳中央資料庫回覆的比對結果原檔。`,
    };
  }
  if (table.rows.length === 0) return { code: 'EMPTY_FILE', message: '比對結果檔裡沒有資料列。' };
  const rows: PrecheckResultRow[] = [];
  for (const row of table.rows) {
    const text = (name: string) => (row.cells[at(name)]?.text ?? '').trim();
    const verdict = text('比對結果');
    if (verdict !== MATCHED && !(verdict in VERDICT_KIND)) {
      return {
        code: 'INVALID_PRECHECK_ROW',
        message: `第 ${row.rowNumber} 列的比對結果須為「相符」「不符」「中央查無」或「學校未列」，檔案可能不完整，未匯入任何資料。`,
      };
    }
    if (!text('身分證號') || !text('課程代碼')) {
      return {
        code: 'INVALID_PRECHECK_ROW',
        message: `第 ${row.rowNumber} 列缺少身分證號或課程代碼，檔案可能不完整，未匯入任何資料。`,
      };
    }
    rows.push({
      rowNumber: row.rowNumber,
      schoolCode: text('學校代碼'),
      year: text('學年度'),
      semester: text('學期'),
      nationalId: text('身分證號').toUpperCase(),
      studentNumber: text('學號'),
      courseCode: text('課程代碼'),
      kind: verdict === MATCHED ? null : VERDICT_KIND[verdict]!,
      explanation: text('說明'),
    });
  }
  return { rows };
}

export type PrecheckResultCells = [string, number, number, string, string, string, string, string];

/** The comparison result as XLSX, in PRECHECK_RESULT_COLUMNS order. */
export function precheckResultWorkbook(rows: PrecheckResultCells[], at: Date): Promise<Buffer> {
  return oneSheetWorkbook({ name: '預檢比對結果', columns: [...PRECHECK_RESULT_COLUMNS], rows }, at, CENTRAL_CREATOR);
}

/** The key that pairs a roster row with a result row: the same student (national ID) and course code. */
export const enrolmentKey = (nationalId: string, courseCode: string): string =>
  `${nationalId.trim().toUpperCase()}\u0000${courseCode.trim()}`;
