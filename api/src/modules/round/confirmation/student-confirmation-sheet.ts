import { A4, CJK_BOLD as BOLD, CJK_REGULAR as REGULAR, chinesePdf } from '../../../common/chinese-pdf.js';
import { formatRocDateTime } from '../../../common/roc.js';
import type { ReceiptField } from './receipt-fields.js';

/**
 * A student's own 收訖明細確認單: every current receipt row of theirs for a term with the fields they checked, what
 * the central database answered, their answer (確認無誤 or the dispute and the section's reply), and a line for their
 * signature. Pure, as the class sheet (confirmation-sheet.ts): it gets the rows and returns the PDF's bytes, with the
 * embedded CJK font. It takes no national ID.
 */
export interface StudentSheetRow {
  kindLabel: string;
  statusLabel: string;
  /** 退件原因, when rejected. */
  reason: string | null;
  reconciliationLabel: string;
  fields: ReceiptField[];
  /** 已確認無誤, 已提出疑義 or 尚未確認. */
  answerLabel: string;
  dispute: { reason: string; statusLabel: string; raisedByStaff: boolean; answer: string | null } | null;
}

export interface StudentSheetInput {
  schoolName: string;
  termLabel: string;
  className: string | null;
  seatNumber: number | null;
  studentNumber: string;
  name: string;
  generatedAt: Date;
  rows: StudentSheetRow[];
}

const TITLE = '收訖明細確認單';
const GAP = '　';
const MARGIN = 40;
const WIDTH = A4.width - 2 * MARGIN;
const FOOTER = 24;
const SIGNATURE = '學生簽名：＿＿＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿年＿＿月＿＿日';

const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_');

/** A download name with the ROC date it was made: 收訖明細確認單_1010001_115學年度第1學期_1151128.pdf */
export function studentSheetFileName(input: StudentSheetInput): string {
  const date = formatRocDateTime(input.generatedAt).slice(0, 9).replace(/\//g, '');
  return `${TITLE}_${safe(input.studentNumber)}_${safe(input.termLabel)}_${date}.pdf`;
}

const who = (input: StudentSheetInput) =>
  [input.className ? `${input.className}班` : null, input.seatNumber ? `${input.seatNumber}號` : null]
    .filter(Boolean)
    .join(' ') + ` ${input.studentNumber} ${input.name}`;

function counts(rows: StudentSheetRow[]) {
  const disputed = rows.filter((row) => row.dispute).length;
  const confirmed = rows.filter((row) => !row.dispute && row.answerLabel === '已確認無誤').length;
  return { rows: rows.length, confirmed, disputed, unconfirmed: rows.length - confirmed - disputed };
}

/** The lines of one row's block, each with its style. */
function blockLines(row: StudentSheetRow, index: number): { text: string; bold?: boolean; color?: string }[] {
  const head = [`${index + 1}. ${row.kindLabel}`, row.statusLabel, row.reconciliationLabel].join(GAP);
  const lines: { text: string; bold?: boolean; color?: string }[] = [{ text: head, bold: true }];
  if (row.reason) lines.push({ text: `退件原因：${row.reason}` });
  lines.push({ text: row.fields.map((field) => `${field.label}：${field.value}`).join('；') || '（無欄位）' });
  lines.push({ text: `我的確認：${row.answerLabel}` });
  if (row.dispute) {
    const by = row.dispute.raisedByStaff ? '（由學校提出）' : '';
    lines.push({ text: `疑義${by}：${row.dispute.reason}` });
    lines.push({ text: `處理狀態：${row.dispute.statusLabel}`, color: '#333333' });
    if (row.dispute.answer) lines.push({ text: `學校回覆：${row.dispute.answer}`, color: '#333333' });
  }
  return lines;
}

export async function studentConfirmationPdf(input: StudentSheetInput): Promise<Buffer> {
  const { doc, finish } = chinesePdf({
    margin: MARGIN,
    bufferPages: true,
    title: `${TITLE}（${input.termLabel} ${input.studentNumber}）`,
    author: input.schoolName,
    generatedAt: input.generatedAt,
  });

  const bottom = A4.height - MARGIN - FOOTER;
  let y = MARGIN;
  const write = (
    text: string,
    size: number,
    options: { bold?: boolean; color?: string; align?: 'left' | 'center' },
  ) => {
    doc
      .font(options.bold ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(options.color ?? 'black');
    doc.text(text, MARGIN, y, { width: WIDTH, align: options.align ?? 'left', lineGap: 2 });
    y = doc.y;
  };
  const heightOf = (text: string, size: number, bold = false) =>
    doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .heightOfString(text, { width: WIDTH, lineGap: 2 });
  const newPage = () => {
    doc.addPage();
    y = MARGIN;
    write([`${TITLE}（續）`, input.termLabel, who(input)].join(GAP), 9, { color: '#555555' });
    y += 8;
  };

  write(`${input.schoolName} ${TITLE}`, 16, { bold: true, align: 'center' });
  y += 4;
  write([input.termLabel, who(input), `產製日期：${formatRocDateTime(input.generatedAt)}`].join(GAP), 10, {
    align: 'center',
  });
  y += 6;
  const sum = counts(input.rows);
  write(
    `共 ${sum.rows} 筆：已確認無誤 ${sum.confirmed}、已提出疑義 ${sum.disputed}、尚未確認 ${sum.unconfirmed}。` +
      '請逐筆核對中央資料庫收到的資料；確認或提出疑義請於確認期間內在平臺上完成。',
    9,
    { color: '#555555' },
  );
  y += 10;
  if (input.rows.length === 0) write('這個學期還沒有您的收訖明細。', 11, {});

  input.rows.forEach((row, index) => {
    const lines = blockLines(row, index);
    const size = (line: { bold?: boolean }) => (line.bold ? 11 : 10);
    const height = lines.reduce((total, line) => total + heightOf(line.text, size(line), line.bold), 0) + 14;
    // A block fits on one page whenever it can; a longer one starts a page and runs on.
    if (y + height > bottom && y > MARGIN + 40) newPage();
    doc
      .lineWidth(0.5)
      .moveTo(MARGIN, y)
      .lineTo(A4.width - MARGIN, y)
      .stroke('#999999');
    y += 6;
    for (const line of lines) {
      if (y + heightOf(line.text, size(line), line.bold) > bottom) newPage();
      write(line.text, size(line), { bold: line.bold, color: line.color });
    }
    y += 8;
  });

  if (y + 50 > bottom) newPage();
  y += 24;
  write(SIGNATURE, 12, {});

  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    doc.font(REGULAR).fontSize(9).fillColor('black');
    // Written inside the bottom margin: the page's own flow must not add a page for it.
    doc.text(`第 ${index - start + 1} 頁／共 ${count} 頁`, MARGIN, A4.height - MARGIN - 14, {
      width: WIDTH,
      align: 'center',
      lineBreak: false,
      height: 14,
    });
  }
  return finish();
}
