import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePdf } from './pdf-reader.js';
import {
  confirmationSheetFileName,
  confirmationSheetPdf,
  confirmationSheetXlsx,
  confirmationStatus,
  type ConfirmationSheetInput,
  type ConfirmationSheetStudent,
} from '../confirmation-sheet.js';

// 17:05 in Taipei, 115/11/28: the sheet shows Taipei's ROC date whatever the server's zone.
const AT = new Date('2026-11-28T09:05:00Z');
const SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周';
// Given names with characters outside the everyday set (堃, 喆, 彧, 寗, 靦) as real class lists have.
const GIVEN = ['怡君', '冠宇', '承恩', '宥廷', '品妍', '子涵', '堃喆', '詠晴', '彧寗', '靦容'];

function student(index: number, counts: Partial<ConfirmationSheetStudent> = {}): ConfirmationSheetStudent {
  return {
    seatNumber: index + 1,
    studentNumber: String(10001 + index).padStart(7, '0'),
    name: SURNAMES[Math.floor(index / GIVEN.length) % SURNAMES.length]! + GIVEN[index % GIVEN.length]!,
    received: 5,
    rejected: 0,
    flagged: 0,
    confirmed: 5,
    disputed: 0,
    unconfirmed: 0,
    ...counts,
  };
}

function sheet(students: ConfirmationSheetStudent[]): ConfirmationSheetInput {
  return {
    schoolName: '臺北市立示範高級中學 日間部',
    className: '101',
    termLabel: '115學年度第1學期',
    categoryLabel: '課程學習成果',
    generatedAt: AT,
    students,
  };
}

const sixty = Array.from({ length: 60 }, (_, index) => student(index));

describe('confirmationStatus', () => {
  it('puts a dispute before unconfirmed rows, and tells a student without rows apart', () => {
    expect(confirmationStatus(student(0))).toBe('CONFIRMED');
    expect(confirmationStatus(student(0, { confirmed: 3, unconfirmed: 2 }))).toBe('INCOMPLETE');
    expect(confirmationStatus(student(0, { confirmed: 2, disputed: 1, unconfirmed: 2 }))).toBe('DISPUTED');
    expect(confirmationStatus(student(0, { received: 0, confirmed: 0 }))).toBe('NOTHING');
  });
});

describe('confirmationSheetXlsx', () => {
  const students = [
    student(2, { seatNumber: 3, rejected: 1, flagged: 2, confirmed: 3, disputed: 1, unconfirmed: 1 }),
    student(0, { studentNumber: '0010001' }),
    student(5, { seatNumber: null, confirmed: 2, unconfirmed: 3 }),
    student(1, { seatNumber: 2, received: 0, confirmed: 0 }),
  ];

  async function read(input: ConfirmationSheetInput): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await confirmationSheetXlsx(input)) as unknown as ArrayBuffer);
    return workbook.worksheets[0]!;
  }

  it('has the title, one line per student in seat order, the class totals and the signature lines', async () => {
    const ws = await read(sheet(students));
    expect(ws.name).toBe('收訖明細確認單');
    expect(ws.getCell('A1').value).toBe('臺北市立示範高級中學 日間部 101 收訖明細確認單');
    expect(ws.getCell('A2').value).toBe('115學年度第1學期　課程學習成果　產製日期：115/11/28 17:05');
    expect(ws.getRow(4).values).toEqual([
      undefined, // exceljs rows are 1-based
      '座號',
      '學號',
      '姓名',
      '收訖',
      '退件',
      '待處理',
      '已確認',
      '疑義',
      '未確認',
      '狀態',
      '學生簽名',
    ]);
    const line = (row: number) => (ws.getRow(row).values as unknown[]).slice(1, 11);
    expect(line(5)).toEqual([1, '0010001', '陳怡君', 5, 0, 0, 5, 0, 0, '全部確認']);
    expect(line(6)).toEqual([2, '0010002', '陳冠宇', 0, 0, 0, 0, 0, 0, '無資料']);
    expect(line(7)).toEqual([3, '0010003', '陳承恩', 5, 1, 2, 3, 1, 1, '有疑義']);
    // No seat number yet: last.
    expect(line(8)).toEqual([undefined, '0010006', '陳子涵', 5, 0, 0, 2, 0, 3, '未完成']);

    expect(ws.getCell('A9').value).toBe('合計（4 人）');
    const totals = ['D', 'E', 'F', 'G', 'H', 'I'].map((column) => ws.getCell(`${column}9`).value);
    expect(totals).toEqual([
      { formula: 'SUM(D5:D8)', result: 15 },
      { formula: 'SUM(E5:E8)', result: 1 },
      { formula: 'SUM(F5:F8)', result: 2 },
      { formula: 'SUM(G5:G8)', result: 10 },
      { formula: 'SUM(H5:H8)', result: 1 },
      { formula: 'SUM(I5:I8)', result: 4 },
    ]);
    expect(ws.getCell('A10').value).toBe('共 4 人：全部確認 1 人、有疑義 1 人、未完成 1 人、無資料 1 人');
    expect(String(ws.getCell('A12').value)).toMatch(/^導師簽章：/);
  });

  it('is set up to print on A4 with borders, widths, the header row on every page and page numbers', async () => {
    const ws = await read(sheet(sixty));
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 頁／共 &N 頁');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getColumn(3).width).toBe(14);
    expect(ws.getColumn(11).width).toBe(18);
    expect(ws.getCell('B4').font?.bold).toBe(true);
    expect(ws.getCell('B4').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } });
    // Every cell of the table has a frame, down to the signature column of the last student.
    expect(ws.getCell('K64').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getCell('A65').value).toBe('合計（60 人）');
  });

  it('still makes a sheet for a class without students', async () => {
    const ws = await read(sheet([]));
    expect(ws.getCell('A5').value).toBe('合計（0 人）');
    expect(ws.getCell('D5').value).toBe(0);
  });
});

describe('confirmationSheetPdf', () => {
  it('is an A4 PDF whose table runs over pages with the header repeated and 第 n 頁／共 m 頁', async () => {
    const bytes = await confirmationSheetPdf(sheet(sixty));
    const pdf = parsePdf(bytes);
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const count = pdf.pages.length;
    pdf.pages.forEach((page, index) => {
      expect(page.texts).toContain(`第 ${index + 1} 頁／共 ${count} 頁`);
      expect(page.texts).toEqual(
        expect.arrayContaining(['座號', '學號', '姓名', '已確認', '疑義', '未確認', '學生簽名']),
      );
    });
    const first = pdf.pages[0]!.texts;
    expect(first).toContain('臺北市立示範高級中學 日間部 101 收訖明細確認單');
    expect(first).toContain('115學年度第1學期　課程學習成果　產製日期：115/11/28 17:05');
    // Each student once, in seat order across the pages.
    const all = pdf.pages.flatMap((page) => page.texts);
    const names = sixty.map((s) => s.name);
    expect(all.filter((text) => names.includes(text))).toEqual(names);
    const last = pdf.pages.at(-1)!.texts;
    expect(last).toContain('合計（60 人）');
    expect(last).toContain('共 60 人：全部確認 60 人、有疑義 0 人、未完成 0 人、無資料 0 人');
    expect(last.some((text) => text.startsWith('導師簽章：'))).toBe(true);
    // The totals never stand alone on a page: the last student's line is with them.
    expect(last).toContain(sixty.at(-1)!.name);
  });

  it('embeds only the used glyphs of the Chinese font, each a real glyph with a ToUnicode map', async () => {
    const bytes = await confirmationSheetPdf(sheet(sixty));
    const pdf = parsePdf(bytes);
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of pdf.fonts) {
      // ABCDEF+ marks a subset; the whole font is 5.6 MB.
      expect(font.baseFont).toMatch(/^[A-Z]{6}\+NotoSansHant(-Bold|-Regular)?$/);
      expect(font.hasToUnicode).toBe(true);
      expect(font.embeddedBytes).toBeGreaterThan(1_000);
      expect(font.embeddedBytes).toBeLessThan(200_000);
    }
    expect(pdf.pages.map((page) => page.notdefGlyphs)).toEqual(pdf.pages.map(() => 0));
    expect(bytes.length).toBeLessThan(300_000);
  });

  it('would show a character the font lacks as .notdef, which the glyph check counts', async () => {
    // U+E000 is a private-use code point no font for the public maps: it proves the check above can fail.
    const pdf = parsePdf(await confirmationSheetPdf(sheet([student(0, { name: '陳\uE000君' })])));
    expect(pdf.pages[0]!.notdefGlyphs).toBe(1);
  });

  it('shrinks a long name to fit its cell, and leaves a short one at the normal size', async () => {
    const name = 'Alexandria Konstantinopoulou 亞歷山卓';
    const pdf = parsePdf(await confirmationSheetPdf(sheet([student(0, { name }), student(1)])));
    expect(pdf.pages).toHaveLength(1);
    const sizeOf = (text: string) => pdf.pages[0]!.fontSizes[pdf.pages[0]!.texts.indexOf(text)];
    expect(sizeOf(name)).toBeLessThan(10);
    expect(sizeOf(student(1).name)).toBe(10);
  });
});

describe('confirmationSheetFileName', () => {
  it('names the class, term and category, without characters a file name cannot have', () => {
    expect(confirmationSheetFileName({ ...sheet([]), className: '三年/1班' }, 'pdf')).toBe(
      '收訖明細確認單-三年_1班-115學年度第1學期-課程學習成果.pdf',
    );
  });
});
