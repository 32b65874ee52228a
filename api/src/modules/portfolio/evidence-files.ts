import type { AppContext } from '../../common/context.js';
import { pgTextArray } from '../../common/sql.js';
import { userError, type UserError } from '../../common/user-error.js';
import { type FileUpload, UploadPurpose } from '../files/upload.entity.js';
import { findAttachableUpload } from '../files/upload.service.js';

export const MAX_DESCRIPTION_LENGTH = 100;

export interface EvidenceFiles {
  document: FileUpload | null;
  media: FileUpload | null;
}

/** The files an item attaches: a document, an audio or video file, or both, each the viewer's own complete upload. */
export async function evidenceFiles(
  ctx: AppContext,
  input: { documentUploadId?: string | null; mediaUploadId?: string | null },
  requireOne: boolean,
): Promise<{ files: EvidenceFiles; errors: UserError[] }> {
  const errors: UserError[] = [];
  const files: EvidenceFiles = { document: null, media: null };
  if (input.documentUploadId) {
    const found = await findAttachableUpload(ctx, input.documentUploadId, UploadPurpose.DOCUMENT, 'documentUploadId');
    if (found.error) errors.push(found.error);
    files.document = found.upload;
  }
  if (input.mediaUploadId) {
    const found = await findAttachableUpload(ctx, input.mediaUploadId, UploadPurpose.MEDIA, 'mediaUploadId');
    if (found.error) errors.push(found.error);
    files.media = found.upload;
  }
  const ids = [files.document?.id, files.media?.id].filter((id): id is string => id !== undefined);
  if (ids.length > 0) {
    const [row] = await ctx.em.execute<{ n: number }[]>(
      `select count(*)::int as n from (
         select 1 from course_outcome_version where document_upload_id = any(?::uuid[]) or media_upload_id = any(?::uuid[])
         union all
         select 1 from diverse_performance where document_upload_id = any(?::uuid[]) or media_upload_id = any(?::uuid[])
       ) attached`,
      [ids, ids, ids, ids].map(pgTextArray),
    );
    // The unique constraints on the upload columns stay the last word if two requests race.
    if ((row?.n ?? 0) > 0) {
      errors.push(userError('documentUploadId', 'UPLOAD_ALREADY_ATTACHED', '這個檔案已附在另一件項目上，請重新上傳。'));
    }
  }
  if (requireOne && !input.documentUploadId && !input.mediaUploadId) {
    errors.push(
      userError('documentUploadId', 'FILE_REQUIRED', '請附上文件（PDF、JPG、PNG）或影音（MP3、MP4），或兩者。'),
    );
  }
  return { files, errors };
}

export function descriptionProblem(description: string): UserError | null {
  const text = description.trim();
  if (text.length === 0) return userError('description', 'DESCRIPTION_REQUIRED', '請填寫簡述。');
  if ([...text].length > MAX_DESCRIPTION_LENGTH) {
    return userError(
      'description',
      'DESCRIPTION_TOO_LONG',
      `簡述最多 ${MAX_DESCRIPTION_LENGTH} 個字，目前 ${[...text].length} 個字。`,
    );
  }
  return null;
}
