import PDFDocument from 'pdfkit';
import { cjkFontBytes } from './cjk-font.js';

export const A4 = { width: 595.28, height: 841.89 };
/** The names the Traditional Chinese fonts are registered under in every document made here. */
export const CJK_REGULAR = 'NotoSansHant';
export const CJK_BOLD = 'NotoSansHant-Bold';

export interface ChinesePdfOptions {
  margin: number;
  /** Keep pages in memory until the end, so each can say how many there are. */
  bufferPages?: boolean;
  title: string;
  author: string;
  generatedAt: Date;
}

/**
 * An A4 document in Traditional Chinese as every PDF of the platform starts (the confirmation sheets, first-password
 * slips, the portfolio index): its fonts registered, its metadata set, its bytes collected; `finish()` ends it and
 * gives them.
 */
export function chinesePdf(options: ChinesePdfOptions): { doc: PDFKit.PDFDocument; finish(): Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin,
    bufferPages: options.bufferPages ?? false,
    lang: 'zh-TW',
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author,
      Creator: '學生學習歷程檔案平臺',
      CreationDate: options.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(CJK_REGULAR, cjkFontBytes('regular'));
  doc.registerFont(CJK_BOLD, cjkFontBytes('bold'));
  return {
    doc,
    async finish() {
      doc.end();
      await finished;
      return Buffer.concat(chunks);
    },
  };
}
