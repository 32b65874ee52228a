import { UploadPurpose } from './upload.entity.js';

/** A kind of file a purpose accepts: the name ending, the content type stored with it, and how its bytes begin. */
interface AcceptedType {
  extension: string;
  contentType: string;
  /** Whether the first bytes of the file are what a file of this kind starts with. */
  matches(head: Buffer): boolean;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Text of any encoding schools use: no NUL bytes, unless it is UTF-16 with its byte order mark. */
function looksLikeText(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return !head.includes(0x00);
}

const startsWith =
  (...magic: number[]) =>
  (head: Buffer): boolean =>
    head.length >= magic.length && magic.every((byte, index) => head[index] === byte);

/** MP3: an ID3 tag, or straight into an MPEG audio frame (11 set sync bits). */
const isMp3 = (head: Buffer): boolean =>
  startsWith(0x49, 0x44, 0x33)(head) || (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe0) === 0xe0);

/** MP4: an ISO base media file starts with a box whose type is ftyp. */
const isMp4 = (head: Buffer): boolean => head.subarray(4, 8).toString('latin1') === 'ftyp';

const ACCEPTED: Record<UploadPurpose, AcceptedType[]> = {
  [UploadPurpose.IMPORT]: [
    {
      extension: '.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      matches: (head) => head.subarray(0, 4).equals(ZIP_MAGIC),
    },
    { extension: '.csv', contentType: 'text/csv', matches: looksLikeText },
    // The portfolio exchange file (modules/exchange), imported by 註冊組 like the other files they bring in.
    { extension: '.zip', contentType: 'application/zip', matches: (head) => head.subarray(0, 4).equals(ZIP_MAGIC) },
  ],
  [UploadPurpose.DOCUMENT]: [
    { extension: '.pdf', contentType: 'application/pdf', matches: startsWith(0x25, 0x50, 0x44, 0x46, 0x2d) },
    { extension: '.jpg', contentType: 'image/jpeg', matches: startsWith(0xff, 0xd8, 0xff) },
    { extension: '.jpeg', contentType: 'image/jpeg', matches: startsWith(0xff, 0xd8, 0xff) },
    {
      extension: '.png',
      contentType: 'image/png',
      matches: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    },
  ],
  [UploadPurpose.MEDIA]: [
    { extension: '.mp3', contentType: 'audio/mpeg', matches: isMp3 },
    { extension: '.mp4', contentType: 'video/mp4', matches: isMp4 },
  ],
};

const PURPOSE_LABELS: Record<UploadPurpose, string> = {
  [UploadPurpose.IMPORT]: 'CSV 或 Excel（.xlsx）',
  [UploadPurpose.DOCUMENT]: 'PDF、JPG 或 PNG',
  [UploadPurpose.MEDIA]: 'MP3 或 MP4',
};

/** What to do with a file whose bytes are not what its name says: a spreadsheet, a document and a recording differ. */
export const MISMATCH_ADVICE: Record<UploadPurpose, string> = {
  [UploadPurpose.IMPORT]: '請用 Excel 重新另存為 .xlsx 或 CSV 後再上傳。',
  [UploadPurpose.DOCUMENT]: '請用原本的程式另存或匯出為 PDF（照片請存成 JPG 或 PNG）後再上傳。',
  [UploadPurpose.MEDIA]: '請用錄音或錄影程式匯出為 MP3 或 MP4 後再上傳。',
};

export type FileNameProblem = { code: 'UNSUPPORTED_FILE_TYPE' | 'OLD_EXCEL_FORMAT'; message: string };

/** The accepted type a file name claims, or why the name is refused before any byte is sent. */
export function acceptedTypeFor(purpose: UploadPurpose, fileName: string): AcceptedType | FileNameProblem {
  const lower = fileName.toLowerCase();
  if (purpose === UploadPurpose.IMPORT && lower.endsWith('.xls')) {
    return {
      code: 'OLD_EXCEL_FORMAT',
      message: '這是舊版 Excel（.xls）檔，請在 Excel 另存為 .xlsx 或 CSV 後再上傳。',
    };
  }
  const type = ACCEPTED[purpose].find((candidate) => lower.endsWith(candidate.extension));
  return (
    type ?? {
      code: 'UNSUPPORTED_FILE_TYPE',
      message: `只接受 ${PURPOSE_LABELS[purpose]} 檔案。`,
    }
  );
}

/** The name ending of a checked content type, as the accepted types list it first (image/jpeg: .jpg); '' if none. */
export function extensionOfContentType(contentType: string | null): string {
  for (const types of Object.values(ACCEPTED)) {
    const type = types.find((candidate) => candidate.contentType === contentType);
    if (type) return type.extension;
  }
  return '';
}

export const isProblem = (value: AcceptedType | FileNameProblem): value is FileNameProblem => 'code' in value;

/** Bytes looked at to recognise a file. */
export const HEAD_BYTES = 8192;
