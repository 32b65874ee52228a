import { A4, CJK_BOLD as BOLD, CJK_REGULAR as REGULAR, chinesePdf } from '../../common/chinese-pdf.js';
import { formatRocDateTime } from '../../common/roc.js';
import { RECORD_KIND_LABELS, RECORD_KINDS, type PortfolioRecord, termKeyLabel } from './portfolio-records.js';

/** One file of the archive as the index lists it. */
export interface IndexedFile {
  /** Its path inside the ZIP. */
  path: string;
  size: number;
  sha256: string;
}

export interface PortfolioIndexInput {
  schoolLabel: string;
  studentName: string;
  studentNumber: string;
  /** Masked (A12****789): the index never carries the full number. */
  nationalIdMasked: string;
  generatedAt: Date;
  records: PortfolioRecord[];
  /** The archive's files for each record, in the records' order. */
  filesOfRecord: IndexedFile[][];
}

const TITLE = '學習歷程檔案索引';
/** An ideographic space, between the parts of a line. */
const GAP = '\u3000';
const MARGIN = 40;
const WIDTH = A4.width - 2 * MARGIN;
const FOOTER = 24;

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 索引.pdf of a student's portfolio ZIP: the school, the student (masked national ID only), what is inside by kind with
 * ROC dates and terms, and each file's path, size and SHA-256 (as manifest.json lists them), with the embedded CJK
 * font. Pure: it gets the records and returns the bytes (a few hundred records make a few pages).
 */
export async function portfolioIndexPdf(input: PortfolioIndexInput): Promise<Buffer> {
  const { doc, finish } = chinesePdf({
    margin: MARGIN,
    bufferPages: true,
    title: `${TITLE}（${input.studentNumber}）`,
    author: input.schoolLabel,
    generatedAt: input.generatedAt,
  });
  const bottom = A4.height - MARGIN - FOOTER;
  let y = MARGIN;
  const heightOf = (text: string, size: number, bold = false) =>
    doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .heightOfString(text, { width: WIDTH, lineGap: 2 });
  const write = (
    text: string,
    size: number,
    options: { bold?: boolean; color?: string; align?: 'left' | 'center' } = {},
  ) => {
    if (y + heightOf(text, size, options.bold) > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    doc
      .font(options.bold ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(options.color ?? 'black');
    doc.text(text, MARGIN, y, { width: WIDTH, align: options.align ?? 'left', lineGap: 2 });
    y = doc.y;
  };

  write(`${input.schoolLabel} ${TITLE}`, 16, { bold: true, align: 'center' });
  y += 4;
  write(
    [
      input.studentName,
      `學號 ${input.studentNumber}`,
      `身分證號 ${input.nationalIdMasked}`,
      `產製日期：${formatRocDateTime(input.generatedAt)}`,
    ].join(GAP),
    10,
    { align: 'center' },
  );
  y += 6;
  const fileCount = input.filesOfRecord.reduce((sum, files) => sum + files.length, 0);
  const counts = RECORD_KINDS.map(
    (kind) => [kind, input.records.filter((record) => record.kind === kind).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${RECORD_KIND_LABELS[kind]} ${count} 筆`);
  write(
    `內容：${counts.join('、') || '沒有紀錄'}；檔案 ${fileCount} 個。每個檔案的 SHA-256 列在下方與 manifest.json，` +
      '可用來確認檔案未被修改。',
    9,
    { color: '#555555' },
  );

  for (const kind of RECORD_KINDS) {
    const indexes = input.records.flatMap((record, index) => (record.kind === kind ? [index] : []));
    if (indexes.length === 0) continue;
    y += 10;
    write(`${RECORD_KIND_LABELS[kind]}（${indexes.length} 筆）`, 13, { bold: true });
    indexes.forEach((index, position) => {
      const record = input.records[index]!;
      y += 4;
      const from = record.origin ? `（轉入前：${record.origin.schoolName}）` : '';
      write(`${position + 1}. ${termKeyLabel(record.termKey)}${GAP}${record.title}${from}`, 10, { bold: true });
      const fields = record.fields.map((field) => `${field.label}：${field.value}`).join('；');
      if (fields) write(fields, 9);
      for (const file of input.filesOfRecord[index] ?? []) {
        write(`檔案：${file.path}（${formatBytes(file.size)}）`, 9, { color: '#333333' });
        write(`SHA-256：${file.sha256}`, 8, { color: '#555555' });
      }
    });
  }

  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    doc.font(REGULAR).fontSize(9).fillColor('black');
    doc.text(`第 ${index - start + 1} 頁／共 ${count} 頁`, MARGIN, A4.height - MARGIN - 14, {
      width: WIDTH,
      align: 'center',
      lineBreak: false,
      height: 14,
    });
  }
  return finish();
}
