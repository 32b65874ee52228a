import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppServices } from '../../common/context.js';
import type { Viewer } from '../../common/viewer.js';
import { sendStoredDownload } from '../files/stored-download.js';
import { FileUpload } from '../files/upload.entity.js';
import { mayReadUpload } from './portfolio.permissions.js';
import { PiiAccessKind } from '../privacy/pii-access.js';

export const FILE_PATH = '/files';

export const fileUrlOf = (upload: FileUpload): string => `${FILE_PATH}/${upload.id}`;

/** The students whose evidence (an outcome version's or a performance's file) the upload is, other than the viewer. */
async function evidenceStudentsOtherThan(em: EntityManager, viewer: Viewer, uploadId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select s.id from student s
     where s.school_id = ?
       and s.id in (select o.student_id
                    from course_outcome_version v
                    join course_outcome o on o.school_id = v.school_id and o.id = v.outcome_id
                    where v.school_id = ? and (v.document_upload_id = ? or v.media_upload_id = ?)
                    union
                    select p.student_id from diverse_performance p
                    where p.school_id = ? and (p.document_upload_id = ? or p.media_upload_id = ?))
       and s.account_id is distinct from ?`,
    [viewer.schoolId, viewer.schoolId, uploadId, uploadId, viewer.schoolId, uploadId, uploadId, viewer.accountId],
  );
  return rows.map((row) => row.id);
}

/** GET /files/:id — the stored bytes, inline with their content type, only for those allowed to see them. */
export function serveFile(services: AppServices, req: Request, res: Response) {
  return sendStoredDownload(services, req, res, {
    find: async (ctx, viewer, id) => {
      const upload = await ctx.em.findOne(FileUpload, { id });
      if (!upload?.sha256 || !(await mayReadUpload(ctx, upload))) return null;
      const students = await evidenceStudentsOtherThan(ctx.em, viewer, upload.id);
      return {
        sha256: upload.sha256,
        size: upload.size,
        contentType: upload.contentType ?? 'application/octet-stream',
        fileName: upload.fileName,
        disposition: 'inline',
        headers: {
          // The client previews documents in a frame of its own page; other sites may not frame them.
          'X-Frame-Options': 'SAMEORIGIN',
          'Content-Security-Policy': "frame-ancestors 'self'",
          'Cache-Control': 'private, max-age=3600',
        },
        logFields: { uploadId: upload.id },
        // A student opening their own evidence is not an access to log; staff opening it is.
        piiAccess: { kind: PiiAccessKind.EVIDENCE_DOWNLOAD, studentIds: students, targetId: upload.id },
      };
    },
    notFoundMessage: '找不到這個檔案，或您沒有權限查看。',
    label: '檔案',
    logMessage: 'stored file unreadable',
  });
}
