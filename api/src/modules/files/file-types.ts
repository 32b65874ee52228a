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

const ACCEPTED: Record<UploadPurpose, AcceptedType[]> = {
  [UploadPurpose.IMPORT]: [
    {
      extension: '.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      matches: (head) => head.subarray(0, 4).equals(ZIP_MAGIC),
    },
    { extension: '.csv', contentType: 'text/csv', matches: looksLikeText },
  ],
};

const PURPOSE_LABELS: Record<UploadPurpose, string> = { [UploadPurpose.IMPORT]: 'CSV 或 Excel（.xlsx）' };

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

export const isProblem = (value: AcceptedType | FileNameProblem): value is FileNameProblem => 'code' in value;

/** Bytes looked at to recognise a file. */
export const HEAD_BYTES = 8192;
