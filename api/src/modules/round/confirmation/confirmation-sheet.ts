import ExcelJS from 'exceljs';
import { A4, CJK_BOLD as BOLD, CJK_REGULAR as REGULAR, chinesePdf } from '../../../common/chinese-pdf.js';
import { formatRocDateTime } from '../../../common/roc.js';

/**
 * The homeroom teacher's class confirmation sheet (收訖明細確認單), as XLSX and as PDF: one line per student with the
 * receipt rows' counts and how far the student has confirmed them, class totals, a column for each student's
 * signature and a line for the homeroom teacher's. Pure: it gets the counts and returns bytes. It takes no national
 * IDs, so none can reach a printed sheet.
 */
export interface ConfirmationSheetStudent {
  /** 座號; null while the class has none. */
  seatNumber: number | null;
  studentNumber: string;
  name: string;
  /** Receipt rows the central database received (已收訖). */
  received: number;
  /** Receipt rows it rejected (退件). */
  rejected: number;
  /** Rows that need attention: rejected, missing, extra or changed. */
  flagged: number;
  confirmed: number;
  disputed: number;
  unconfirmed: number;
}

export interface ConfirmationSheetInput {
  schoolName: string;
  className: string;
  /** e.g. 115學年度第1學期 (`termLabel` of common/roc). */
  termLabel: string;
  /** The receipt kind or category the sheet covers, e.g. 課程學習成果. */
  categoryLabel: string;
  generatedAt: Date;
  students: ConfirmationSheetStudent[];
}

export type ConfirmationStatus = 'CONFIRMED' | 'DISPUTED' | 'INCOMPLETE' | 'NOTHING';

export const CONFIRMATION_STATUS_LABELS: Record<ConfirmationStatus, string> = {
  CONFIRMED: '全部確認',
  DISPUTED: '有疑義',
  INCOMPLETE: '未完成',
  NOTHING: '無資料',
};

/** A dispute outranks unconfirmed rows: it is what staff must act on. A student without rows has nothing to confirm. */
export function confirmationStatus(student: ConfirmationSheetStudent): ConfirmationStatus {
  if (student.disputed > 0) return 'DISPUTED';
  if (student.unconfirmed > 0) return 'INCOMPLETE';
  return student.confirmed > 0 ? 'CONFIRMED' : 'NOTHING';
}

const TITLE = '收訖明細確認單';
const LEGEND =
  '收訖：中央資料庫已收訖的筆數；退件：被退件的筆數；待處理：退件、缺漏、多出或內容不同的筆數。確認或提出疑義請於確認期間內在平臺上完成。';

type CountKey = 'received' | 'rejected' | 'flagged' | 'confirmed' | 'disputed' | 'unconfirmed';
const COUNT_KEYS: CountKey[] = ['received', 'rejected', 'flagged', 'confirmed', 'disputed', 'unconfirmed'];

interface Column {
  header: string;
  /** Width in points on the A4 PDF, and in characters in the XLSX. */
  pdfWidth: number;
  xlsxWidth: number;
  align: 'left' | 'center';
  cell: (student: ConfirmationSheetStudent) => string | number | null;
}

const COUNT_HEADERS: Record<CountKey, string> = {
  received: '收訖',
  rejected: '退件',
  flagged: '待處理',
  confirmed: '已確認',
  disputed: '疑義',
  unconfirmed: '未確認',
};

const COLUMNS: Column[] = [
  { header: '座號', pdfWidth: 30, xlsxWidth: 6, align: 'center', cell: (s) => s.seatNumber },
  { header: '學號', pdfWidth: 62, xlsxWidth: 12, align: 'center', cell: (s) => s.studentNumber },
  { header: '姓名', pdfWidth: 74, xlsxWidth: 14, align: 'left', cell: (s) => s.name },
  ...COUNT_KEYS.map((key): Column => ({
    header: COUNT_HEADERS[key],
    pdfWidth: COUNT_HEADERS[key].length > 2 ? 40 : 34,
    xlsxWidth: 8,
    align: 'center',
    cell: (s) => s[key],
  })),
  {
    header: '狀態',
    pdfWidth: 48,
    xlsxWidth: 10,
    align: 'center',
    cell: (s) => CONFIRMATION_STATUS_LABELS[confirmationStatus(s)],
  },
  // The rest of the A4 width: room for a handwritten name.
  { header: '學生簽名', pdfWidth: 0, xlsxWidth: 18, align: 'center', cell: () => null },
];

/** Seat number order, as the class is called; students without one last, by student number. */
function ordered(students: ConfirmationSheetStudent[]): ConfirmationSheetStudent[] {
  return [...students].sort(
    (a, b) =>
      (a.seatNumber ?? Number.MAX_SAFE_INTEGER) - (b.seatNumber ?? Number.MAX_SAFE_INTEGER) ||
      a.studentNumber.localeCompare(b.studentNumber),
  );
}

function totals(students: ConfirmationSheetStudent[]): Record<CountKey, number> {
  const sum = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Record<CountKey, number>;
  for (const student of students) for (const key of COUNT_KEYS) sum[key] += student[key];
  return sum;
}

function statusSummary(students: ConfirmationSheetStudent[]): string {
  const count = (status: ConfirmationStatus) => students.filter((s) => confirmationStatus(s) === status).length;
  const parts = (Object.keys(CONFIRMATION_STATUS_LABELS) as ConfirmationStatus[]).map(
    (status) => `${CONFIRMATION_STATUS_LABELS[status]} ${count(status)} 人`,
  );
  return `共 ${students.length} 人：${parts.join('、')}`;
}

const heading = (input: ConfirmationSheetInput): string => `${input.schoolName} ${input.className} ${TITLE}`;
/** An ideographic space, the gap between the parts of a Chinese heading. */
const GAP = '　';
const subheading = (input: ConfirmationSheetInput): string =>
  [input.termLabel, input.categoryLabel, `產製日期：${formatRocDateTime(input.generatedAt)}`].join(GAP);
const TEACHER_SIGNATURE = '導師簽章：＿＿＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿年＿＿月＿＿日';

/** A download name: 收訖明細確認單-101-115學年度第1學期-課程學習成果.pdf */
export function confirmationSheetFileName(input: ConfirmationSheetInput, extension: 'xlsx' | 'pdf'): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${TITLE}-${safe(input.className)}-${safe(input.termLabel)}-${safe(input.categoryLabel)}.${extension}`;
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

const TABLE_HEADER_ROW = 4;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

export async function confirmationSheetXlsx(input: ConfirmationSheetInput): Promise<Buffer> {
  const students = ordered(input.students);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '學生學習歷程檔案平臺';
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  const sheet = workbook.addWorksheet(TITLE, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 頁／共 &N 頁', evenFooter: '&C第 &P 頁／共 &N 頁' },
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW }],
  });
  sheet.columns = COLUMNS.map((column) => ({ width: column.xlsxWidth }));
  const lastColumn = COLUMNS.length;

  const banner = (rowNumber: number, text: string, font: Partial<ExcelJS.Font>, height: number) => {
    sheet.mergeCells(rowNumber, 1, rowNumber, lastColumn);
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    sheet.getRow(rowNumber).height = height;
  };
  banner(1, heading(input), { bold: true, size: 16 }, 28);
  banner(2, subheading(input), { size: 11 }, 20);
  banner(3, LEGEND, { size: 9, color: { argb: 'FF555555' } }, 30);

  const header = sheet.getRow(TABLE_HEADER_ROW);
  header.values = COLUMNS.map((column) => column.header);
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });

  const firstDataRow = TABLE_HEADER_ROW + 1;
  students.forEach((student, index) => {
    const row = sheet.getRow(firstDataRow + index);
    row.values = COLUMNS.map((column) => column.cell(student));
    row.height = 24; // room for a signature once printed
    COLUMNS.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: column.align };
    });
    // 學號 stays text: leading zeros are part of it.
    row.getCell(2).numFmt = '@';
  });

  const lastDataRow = firstDataRow + students.length - 1;
  const totalRow = sheet.getRow(lastDataRow + 1);
  const sums = totals(students);
  sheet.mergeCells(totalRow.number, 1, totalRow.number, 3);
  totalRow.getCell(1).value = `合計（${students.length} 人）`;
  COUNT_KEYS.forEach((key, index) => {
    const columnNumber = 4 + index;
    const letter = sheet.getColumn(columnNumber).letter;
    // A formula, so that the totals follow if someone corrects a count in the file; the result is there for
    // readers that do not calculate.
    totalRow.getCell(columnNumber).value =
      students.length > 0
        ? { formula: `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`, result: sums[key] }
        : sums[key];
  });
  totalRow.height = 22;
  for (let columnNumber = 1; columnNumber <= lastColumn; columnNumber++) {
    const cell = totalRow.getCell(columnNumber);
    cell.font = { bold: true };
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  }

  banner(totalRow.number + 1, statusSummary(students), { size: 11 }, 22);
  banner(totalRow.number + 3, TEACHER_SIGNATURE, { size: 12 }, 32);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

const MARGIN = 36;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const ROW_HEIGHT = 22;
const FOOTER_HEIGHT = 24;
const CELL_PADDING = 3;
const MIN_FONT_SIZE = 6;

const pdfWidths: number[] = (() => {
  const fixed = COLUMNS.reduce((sum, column) => sum + column.pdfWidth, 0);
  return COLUMNS.map((column) => (column.pdfWidth > 0 ? column.pdfWidth : CONTENT_WIDTH - fixed));
})();

interface PdfCell {
  value: string | number | null;
  align: Column['align'];
  span?: number;
}

interface TextStyle {
  size: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  color?: string;
}

/** One page-by-page writer over pdfkit: every position is absolute, so pdfkit never breaks a page by itself. */
class SheetWriter {
  readonly doc: PDFKit.PDFDocument;
  y = MARGIN;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
  }

  get bottom(): number {
    return A4.height - MARGIN - FOOTER_HEIGHT;
  }

  /** Text in a box, vertically centred, shrunk to fit the width (and clipped below the smallest size). */
  text(value: string, x: number, y: number, width: number, height: number, style: TextStyle): void {
    const { doc } = this;
    doc.font(style.bold ? BOLD : REGULAR).fontSize(style.size);
    const room = width - 2 * CELL_PADDING;
    let textWidth = doc.widthOfString(value);
    if (textWidth > room) {
      doc.fontSize(Math.max(MIN_FONT_SIZE, (style.size * room) / textWidth));
      textWidth = doc.widthOfString(value);
    }
    const align = style.align ?? 'left';
    const left =
      align === 'left'
        ? x + CELL_PADDING
        : align === 'right'
          ? x + width - CELL_PADDING - textWidth
          : x + (width - textWidth) / 2;
    const top = y + (height - doc.currentLineHeight()) / 2;
    doc.save();
    doc.rect(x, y, width, height).clip();
    doc.fillColor(style.color ?? 'black').text(value, left, top, { lineBreak: false });
    doc.restore();
  }

  /** One table row; a cell may span several columns (the 合計 label does). */
  row(cells: PdfCell[], style: TextStyle & { fill?: string }): void {
    const { doc } = this;
    let x = MARGIN;
    let column = 0;
    for (const cell of cells) {
      const span = cell.span ?? 1;
      const width = pdfWidths.slice(column, column + span).reduce((sum, w) => sum + w, 0);
      if (style.fill) doc.rect(x, this.y, width, ROW_HEIGHT).fill(style.fill);
      doc.lineWidth(0.6).rect(x, this.y, width, ROW_HEIGHT).stroke('black');
      if (cell.value !== null && cell.value !== '') {
        this.text(String(cell.value), x, this.y, width, ROW_HEIGHT, { ...style, align: cell.align });
      }
      x += width;
      column += span;
    }
    this.y += ROW_HEIGHT;
  }

  tableHeader(): void {
    this.row(
      COLUMNS.map((column) => ({ value: column.header, align: 'center' })),
      { size: 10, bold: true, fill: '#D9D9D9' },
    );
  }

  /** Space for `height` more points on this page, or a new page that starts with the table header again. */
  ensureRoom(height: number, runningHead: string, withHeader: boolean): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = MARGIN;
    this.text(runningHead, MARGIN, this.y, CONTENT_WIDTH, 16, { size: 9, color: '#555555' });
    this.y += 20;
    if (withHeader) this.tableHeader();
  }
}

export async function confirmationSheetPdf(input: ConfirmationSheetInput): Promise<Buffer> {
  const students = ordered(input.students);
  // Pages stay in memory until the end so that each can say how many there are.
  const { doc, finish } = chinesePdf({
    margin: MARGIN,
    bufferPages: true,
    title: `${heading(input)}（${input.termLabel} ${input.categoryLabel}）`,
    author: input.schoolName,
    generatedAt: input.generatedAt,
  });
  const page = new SheetWriter(doc);
  const runningHead = [`${heading(input)}（續）`, input.termLabel, input.categoryLabel].join(GAP);

  page.text(heading(input), MARGIN, page.y, CONTENT_WIDTH, 26, { size: 16, bold: true, align: 'center' });
  page.y += 28;
  page.text(subheading(input), MARGIN, page.y, CONTENT_WIDTH, 16, { size: 10, align: 'center' });
  page.y += 20;
  doc.font(REGULAR).fontSize(8).fillColor('#555555');
  doc.text(LEGEND, MARGIN, page.y, { width: CONTENT_WIDTH, lineBreak: true });
  page.y = doc.y + 8;
  page.tableHeader();

  // The totals, the summary and the teacher's signature never start a page on their own: the last student's row
  // goes with them.
  const closingHeight = ROW_HEIGHT + 6 + 40 + 24;
  students.forEach((student, index) => {
    page.ensureRoom(ROW_HEIGHT + (index === students.length - 1 ? closingHeight : 0), runningHead, true);
    page.row(
      COLUMNS.map((column) => ({ value: column.cell(student), align: column.align })),
      { size: 10 },
    );
  });

  page.ensureRoom(closingHeight, runningHead, true);
  const sums = totals(students);
  page.row(
    [
      { value: `合計（${students.length} 人）`, align: 'center', span: 3 },
      ...COUNT_KEYS.map((key): PdfCell => ({ value: sums[key], align: 'center' })),
      { value: null, align: 'center' },
      { value: null, align: 'center' },
    ],
    { size: 10, bold: true },
  );

  page.y += 6;
  page.text(statusSummary(students), MARGIN, page.y, CONTENT_WIDTH, 18, { size: 10 });
  page.y += 40;
  page.text(TEACHER_SIGNATURE, MARGIN, page.y, CONTENT_WIDTH, 24, { size: 12 });

  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    page.text(`第 ${index - start + 1} 頁／共 ${count} 頁`, MARGIN, A4.height - MARGIN - 14, CONTENT_WIDTH, 14, {
      size: 9,
      align: 'center',
    });
  }
  return finish();
}
