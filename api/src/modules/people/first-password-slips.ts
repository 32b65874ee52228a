import ExcelJS from 'exceljs';
import { A4, CJK_BOLD as BOLD, CJK_REGULAR as REGULAR, chinesePdf } from '../../common/chinese-pdf.js';
import { formatRocDateTime } from '../../common/roc.js';

/**
 * A class's first-password slips (初始密碼單), as a PDF of cut-out slips (eight to an A4 page) and as XLSX (one row
 * per student, for a school that prints its own). Pure: it gets the passwords and returns bytes; the passwords exist
 * nowhere else once these are sent.
 */
export interface SlipStudent {
  seatNumber: number | null;
  studentNumber: string;
  name: string;
  username: string;
  password: string;
}

export interface SlipInput {
  schoolName: string;
  className: string;
  generatedAt: Date;
  students: SlipStudent[];
}

const TITLE = '學生學習歷程檔案平臺 初始密碼單';
/** An ideographic space, the gap between the parts of a Chinese line. */
const GAP = '\u3000';
const ADVICE = [
  '首次登入後，系統會要求您立即設定只有自己知道的新密碼（至少 10 個字元，不可用常見密碼）。',
  '這張密碼單只會列印一次；遺失時請洽學校資訊組重設密碼。請勿將密碼告訴他人。',
];

const ordered = (students: SlipStudent[]): SlipStudent[] =>
  [...students].sort(
    (a, b) =>
      (a.seatNumber ?? Number.MAX_SAFE_INTEGER) - (b.seatNumber ?? Number.MAX_SAFE_INTEGER) ||
      a.studentNumber.localeCompare(b.studentNumber),
  );

/** A download name: 初始密碼單-101.pdf */
export function slipFileName(className: string, extension: 'pdf' | 'xlsx'): string {
  return `初始密碼單-${className.replace(/[\\/:*?"<>|\s]+/g, '_')}.${extension}`;
}

export async function firstPasswordSlipsXlsx(input: SlipInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '學生學習歷程檔案平臺';
  workbook.created = input.generatedAt;
  const sheet = workbook.addWorksheet('初始密碼單', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { header: '座號', width: 6 },
    { header: '學號', width: 12 },
    { header: '姓名', width: 14 },
    { header: '登入帳號', width: 22 },
    { header: '初始密碼', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const student of ordered(input.students)) {
    const row = sheet.addRow([
      student.seatNumber,
      student.studentNumber,
      student.name,
      student.username,
      student.password,
    ]);
    // 學號 and passwords stay text: leading zeros and digit-only passwords are part of them.
    for (const column of [2, 4, 5]) row.getCell(column).numFmt = '@';
  }
  sheet.addRow([]);
  sheet.addRow([`${input.schoolName} ${input.className}${GAP}產製：${formatRocDateTime(input.generatedAt)}`]);
  for (const line of ADVICE) sheet.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const MARGIN = 28;
const COLUMNS = 2;
const ROWS = 4;

/**
 * fontkit joins ff, fi and fl into one ligature glyph by default: on a slip a password must show, and copy, as the
 * characters it is. pdfkit's type lists features to turn on only; fontkit also takes an object that turns them off
 * (and adds its defaults to it, so each call gets a fresh one).
 */
const withoutLigatures = () =>
  ({ liga: false, clig: false, dlig: false }) as unknown as PDFKit.Mixins.OpenTypeFeatures[];

export async function firstPasswordSlipsPdf(input: SlipInput): Promise<Buffer> {
  // Every slip is placed by hand inside MARGIN: with pdfkit's own margin, the bottom row's last lines would make it
  // start a page by itself.
  const { doc, finish } = chinesePdf({
    margin: 0,
    title: `${input.schoolName} ${input.className} 初始密碼單`,
    author: input.schoolName,
    generatedAt: input.generatedAt,
  });

  const slipWidth = (A4.width - 2 * MARGIN) / COLUMNS;
  const slipHeight = (A4.height - 2 * MARGIN) / ROWS;
  const generated = formatRocDateTime(input.generatedAt);
  ordered(input.students).forEach((student, index) => {
    const onPage = index % (COLUMNS * ROWS);
    if (index > 0 && onPage === 0) doc.addPage();
    const x = MARGIN + (onPage % COLUMNS) * slipWidth;
    const y = MARGIN + Math.floor(onPage / COLUMNS) * slipHeight;
    // Dashed cut lines around each slip.
    doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#888888').rect(x, y, slipWidth, slipHeight).stroke();
    doc.restore();
    const left = x + 14;
    const width = slipWidth - 28;
    let line = y + 12;
    const write = (text: string, size: number, bold = false, color = 'black', gap = 2) => {
      doc
        .font(bold ? BOLD : REGULAR)
        .fontSize(size)
        .fillColor(color);
      doc.text(text, left, line, { width, lineBreak: true, features: withoutLigatures() });
      line = doc.y + gap;
    };
    write(TITLE, 10, true);
    write(`${input.schoolName}${GAP}${input.className} 班${student.seatNumber ? ` ${student.seatNumber} 號` : ''}`, 9);
    write(`姓名：${student.name}${GAP}學號：${student.studentNumber}`, 11, true, 'black', 6);
    write('登入帳號', 7, false, '#555555', 0);
    write(student.username, 13, true, 'black', 4);
    write('初始密碼', 7, false, '#555555', 0);
    write(student.password, 15, true, 'black', 6);
    // Everything a slip says fits inside its cut lines: one small paragraph for the advice and the date.
    write(`${ADVICE.join('')}${GAP}產製：${generated}`, 7, false, '#333333', 0);
  });
  return finish();
}
