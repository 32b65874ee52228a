import ExcelJS from 'exceljs';
import type { ColumnSpec } from './columns.js';

/**
 * A downloadable template for one kind of import: the column names and one example row. The XLSX template formats
 * every column as text, so Excel keeps leading zeros of 學號 and does not turn 99/03/05 into a date.
 */
export async function importTemplate(columns: readonly ColumnSpec[], format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') {
    const line = (values: string[]) =>
      values.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
    // The BOM makes Excel open the file as UTF-8 instead of Big5.
    return Buffer.from(
      `\uFEFF${line(columns.map((c) => c.header))}\r\n${line(columns.map((c) => c.example))}\r\n`,
      'utf8',
    );
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('匯入資料');
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: 14,
    style: { numFmt: '@' },
  }));
  sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, column.example])));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
