import ExcelJS from 'exceljs';

/** The first sheet of an XLSX file as rows of cell values (what a person reads in Excel). */
export async function sheetRows(bytes: Buffer): Promise<(string | number)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: (string | number)[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as (string | number)[]).slice(1));
  });
  return rows;
}

/** An XLSX file of one sheet holding these rows, as a central repository's answer or a person's edit would be. */
export async function workbookOf(sheetName: string, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
