import { extensionOfContentType } from '../../files/file-types.js';

/**
 * The evidence files a package carries (課程學習成果 and 多元表現 attachments): each stored once in the zip under
 * EVIDENCE_FOLDER, named by its SHA-256 and the extension of its type, and the rosters' 文件檔名/影音檔名 columns
 * list exactly that name. Naming by content keeps names unique however students named their files (two students'
 * 「成果.pdf」, a name with a path in it) and stores a file two rows share once.
 */
export const EVIDENCE_FOLDER = '03_佐證檔案';

export interface EvidenceFile {
  /** The entry's name in the zip, as the roster lists it. */
  name: string;
  sha256: string;
}

/** The file's name in the package, from its hash and its checked content type (the upload's magic bytes). */
export function evidenceNameOf(sha256: string, contentType: string | null): string {
  return `${EVIDENCE_FOLDER}/${sha256}${extensionOfContentType(contentType)}`;
}
