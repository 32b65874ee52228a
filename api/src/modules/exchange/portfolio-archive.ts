import { maskNationalId } from '../../common/national-id.js';
import { formatRocDate } from '../../common/roc.js';
import type { PiiCipher } from '../../common/pii-crypto.js';
import { extensionOfContentType } from '../files/file-types.js';
import { type IndexedFile, portfolioIndexPdf } from './portfolio-index-pdf.js';
import {
  PortfolioRecordKind,
  RECORD_KIND_LABELS,
  schoolLabel,
  type StudentPortfolio,
  termKeyLabel,
} from './portfolio-records.js';
import { safeEntryName, type ZipEntry } from '../files/zip-stream.js';

export const ARCHIVE_FORMAT = 'tw-learning-portfolio-archive';

const FOLDERS: Partial<Record<PortfolioRecordKind, string>> = {
  [PortfolioRecordKind.COURSE_OUTCOME]: '課程學習成果',
  [PortfolioRecordKind.PERFORMANCE]: '多元表現',
};
const EARLIER = '轉入前的學習歷程';

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The file name of a student's archive: 學習歷程_1010001_王小明_1151128.zip */
export const archiveFileName = (portfolio: StudentPortfolio, now: Date): string =>
  `學習歷程_${safeEntryName(portfolio.student.studentNumber, 'student')}_${safeEntryName(portfolio.student.name, '')}_${formatRocDate(now).replace(/\//g, '')}.zip`;

/**
 * What a student's whole-portfolio ZIP holds (issue 21, point 5): 索引.pdf, manifest.json (every record and every
 * file with its SHA-256), 收訖明細.csv, and every certified outcome's and performance's file (and those that came with
 * earlier exchanges) under a folder per kind, named `<term>_<n>_<name>` so no two collide. The stored files are
 * entries to be read from the store when the ZIP reaches them; the rest is made here (small: text and one PDF).
 */
export async function portfolioArchive(
  portfolio: StudentPortfolio,
  pii: Pick<PiiCipher, 'decrypt'>,
  now: Date,
): Promise<{ entries: ZipEntry[]; fileCount: number }> {
  let sequence = 0;
  const filesOfRecord: IndexedFile[][] = [];
  const stored: ZipEntry[] = [];
  const records = portfolio.records.map((record) => {
    const folder = FOLDERS[record.kind] ?? RECORD_KIND_LABELS[record.kind];
    const base = record.origin ? `${EARLIER}/${folder}` : folder;
    const files = record.files.map((file) => {
      sequence += 1;
      const ending = extensionOfContentType(file.contentType);
      let name = safeEntryName(file.name, `file${ending}`);
      if (ending && !name.toLowerCase().endsWith(ending)) name += ending;
      const path = `${base}/${record.termKey}_${String(sequence).padStart(3, '0')}_${name}`;
      stored.push({ path, sha256: file.sha256 });
      return { path, name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256 };
    });
    filesOfRecord.push(files.map(({ path, size, sha256 }) => ({ path, size, sha256 })));
    return {
      kind: record.kind,
      termKey: record.termKey,
      termLabel: termKeyLabel(record.termKey),
      title: record.title,
      fields: record.fields,
      origin: record.origin,
      files,
    };
  });
  const masked = maskNationalId(pii.decrypt(portfolio.student.nationalIdEncrypted));
  const manifest = {
    format: ARCHIVE_FORMAT,
    version: 1,
    generatedAt: now.toISOString(),
    school: { code: portfolio.school.code, name: portfolio.school.name, division: portfolio.school.division },
    student: { name: portfolio.student.name, studentNumber: portfolio.student.studentNumber, nationalIdMasked: masked },
    records,
  };
  const receipts = portfolio.records.filter((record) => record.kind === PortfolioRecordKind.RECEIPT);
  const csv = [
    ['學期', '項目', '欄位'],
    ...receipts.map((record) => [
      termKeyLabel(record.termKey),
      record.title,
      record.fields.map((field) => `${field.label}：${field.value}`).join('；'),
    ]),
  ]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n');
  const pdf = await portfolioIndexPdf({
    schoolLabel: schoolLabel(portfolio.school),
    studentName: portfolio.student.name,
    studentNumber: portfolio.student.studentNumber,
    nationalIdMasked: masked,
    generatedAt: now,
    records: portfolio.records,
    filesOfRecord,
  });
  return {
    entries: [
      { path: '索引.pdf', bytes: pdf },
      { path: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8') },
      { path: '收訖明細.csv', bytes: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') },
      ...stored,
    ],
    fileCount: stored.length,
  };
}
