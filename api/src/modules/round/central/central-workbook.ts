import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Roster } from './rosters.js';

export type SheetCell = string | number;

/**
 * The layout every central file shares: one sheet, a bold header row, then the rows. The file's times are `at`, so
 * the same rows always give the same bytes.
 */
export async function oneSheetWorkbook(
  sheet: { name: string; columns: string[]; rows: SheetCell[][] },
  at: Date,
  creator: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.created = at;
  workbook.modified = at;
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.addRow(sheet.columns);
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row);
  return stampedWith(Buffer.from(await workbook.xlsx.writeBuffer()), at);
}

/**
 * ExcelJS dates every part inside the XLSX zip by the clock, so two writes of the same rows a second apart differed.
 * Restamping the parts with `at` makes the bytes a function of the rows and `at` alone; JSZip keeps each part's
 * compressed bytes as they are.
 */
async function stampedWith(xlsx: Buffer, at: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_, part) => {
    part.date = at;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Who made a file: the platform, or the reference central repository answering it. */
export const PLATFORM_CREATOR = '學生學習歷程檔案平臺';
export const CENTRAL_CREATOR = '中央資料庫（參考實作）';

/** One roster as an XLSX workbook: its first (only) sheet starts with 學校代碼, 學年度, 學期; every cell is text or a number. */
export function rosterWorkbook(roster: Roster, at: Date): Promise<Buffer> {
  const rows = roster.rows.map((row) => row.cells.map((cell) => cell ?? ''));
  return oneSheetWorkbook({ name: roster.sheetName, columns: roster.columns, rows }, at, PLATFORM_CREATOR);
}
