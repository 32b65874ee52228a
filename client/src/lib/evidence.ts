import type { CertificationStatus, OutcomeKind, TaskKind, UploadPurpose } from '../gql/graphql';

export const STATUS_LABELS: Record<CertificationStatus, string> = {
  PENDING: '待認證',
  CERTIFIED: '已認證',
  REJECTED: '未通過',
};

export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  PROJECT: '專題實作及實習科目學習成果',
  OTHER: '其他課程學習成果',
};

/** What each picker accepts and the limits the server holds (policy: the server's answer is the last word). */
export const PICKERS: Record<Exclude<UploadPurpose, 'IMPORT'>, { label: string; accept: string; hint: string }> = {
  DOCUMENT: { label: '文件', accept: '.pdf,.jpg,.jpeg,.png', hint: 'PDF、JPG 或 PNG，4 MB 以內' },
  MEDIA: { label: '影音', accept: '.mp3,.mp4', hint: 'MP3 或 MP4，10 MB 以內' },
};

export const MAX_DESCRIPTION = 100;

/** Characters as the server counts them: the trimmed text's code points (an emoji is one). */
export const descriptionLength = (text: string): number => [...text.trim()].length;

/** "820 位元組", "312.5 KB", "3.80 MB", "2.93 GB" (1 KB = 1,024 位元組, as the limits are counted). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes.toLocaleString()} 位元組`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** "3f2a9c1e…7b0d44aa": enough to compare at a glance; the whole value goes in the title. */
export const shortHash = (sha256: string): string => `${sha256.slice(0, 8)}…${sha256.slice(-8)}`;

/** The windows progress is chased against. */
export const PROGRESS_WINDOWS: TaskKind[] = [
  'UPLOAD_COURSE_OUTCOMES',
  'CERTIFY_COURSE_OUTCOMES',
  'SELECT_COURSE_OUTCOMES',
  'UPLOAD_PERFORMANCES',
  'SELECT_PERFORMANCES',
];
